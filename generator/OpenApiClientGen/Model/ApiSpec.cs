namespace OpenApiClientGen.Model;

/// <summary>Everything the emitter needs to write one client: types, operations and defaults.</summary>
internal sealed partial record ApiSpec(
    string Namespace,
    string ClientName,
    string Title,
    string? Description,
    string? DefaultBaseUrl,
    EquatableArray<TypeDeclaration> Types,
    EquatableArray<GroupSpec> Groups,
    EquatableArray<OperationSpec> Operations)
{
    /// <summary>The names of the client's own classes: its options, JSON codecs and security schemes.</summary>
    public ClientNames Names => new(Namespace, ClientName);
}

/// <summary>A group of operations, reached as a property: <c>client.Beta.Conversations</c>.</summary>
/// <param name="Path">Dotted PascalCase path, for example <c>Beta.Conversations</c>.</param>
/// <param name="ClassName">The generated class, for example <c>BetaConversationsClient</c>.</param>
internal sealed record GroupSpec(string Path, string ClassName)
{
    public string PropertyName => Path.Substring(Path.LastIndexOf('.') + 1);

    public string ParentPath => Path.LastIndexOf('.') < 0 ? "" : Path.Substring(0, Path.LastIndexOf('.'));
}
