namespace OpenApiClientGen;

/// <summary>Names of the incremental steps, so tests can check what ran and what came from the cache.</summary>
public static class TrackingNames
{
    public const string ReadSpec = nameof(ReadSpec);
    public const string ConvertToJson = nameof(ConvertToJson);
    public const string ReadReferencedFile = nameof(ReadReferencedFile);
    public const string DetectFeatures = nameof(DetectFeatures);
    public const string DetectPolyfills = nameof(DetectPolyfills);
    public const string BuildModel = nameof(BuildModel);
    public const string EmitSource = nameof(EmitSource);
    public const string DetectHttpClientFactory = nameof(DetectHttpClientFactory);
    public const string EmitDependencyInjection = nameof(EmitDependencyInjection);
    public const string DetectChatClientHost = nameof(DetectChatClientHost);
    public const string EmitChatClient = nameof(EmitChatClient);
}
