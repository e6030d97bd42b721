using Microsoft.CodeAnalysis;

namespace OpenApiClientGen.Parsing;

/// <summary>What the consuming project can use, read from its compilation as plain values so the pipeline caches on them.</summary>
internal static class HostCapabilities
{
    /// <summary>
    /// Whether the project can use <c>IHttpClientFactory</c> (it references Microsoft.Extensions.Http, which brings
    /// Microsoft.Extensions.Options) and <c>IConfiguration</c> (Microsoft.Extensions.Configuration.Abstractions).
    /// </summary>
    public static DependencyInjectionHost DependencyInjection(Compilation compilation)
    {
        bool http = false, configuration = false;
        foreach (AssemblyIdentity assembly in compilation.ReferencedAssemblyNames)
        {
            http |= assembly.Name == "Microsoft.Extensions.Http";
            configuration |= assembly.Name == "Microsoft.Extensions.Configuration.Abstractions";
        }

        return !http ? DependencyInjectionHost.None
            : configuration ? DependencyInjectionHost.HttpClientFactoryAndConfiguration
            : DependencyInjectionHost.HttpClientFactory;
    }

    /// <summary>Whether the project can use Microsoft.Extensions.AI's <c>IChatClient</c>, so chat APIs get <c>AsChatClient()</c>.</summary>
    public static bool ChatClients(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(assembly => assembly.Name == "Microsoft.Extensions.AI.Abstractions");
}
