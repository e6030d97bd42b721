using System.Linq;
using Microsoft.CodeAnalysis;

namespace OpenApiClientGen.Parsing;

/// <summary>What the consuming project can use, read from its compilation as plain values so the pipeline caches on them.</summary>
internal static class HostCapabilities
{
    /// <summary>Whether the project can use <c>IHttpClientFactory</c>: it references Microsoft.Extensions.Http.</summary>
    public static bool HasHttpClientFactory(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name == "Microsoft.Extensions.Http");
}
