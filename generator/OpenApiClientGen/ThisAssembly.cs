namespace OpenApiClientGen;

internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
