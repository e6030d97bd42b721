namespace OpenApiClientGen.Model;

/// <summary>
/// What the <c>services.Add{Client}()</c> extension needs: the client's name and namespace. Written only when the
/// compilation references Microsoft.Extensions.Http, which the generator learns as a plain bool so that C# edits
/// leave this step cached.
/// </summary>
internal sealed record DependencyInjectionTarget(string Namespace, string ClientName);
