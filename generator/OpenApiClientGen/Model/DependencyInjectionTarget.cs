namespace OpenApiClientGen.Model;

/// <summary>
/// What the <c>services.Add{Client}()</c> extension needs: the names of the client and its classes. Written only when the
/// compilation references Microsoft.Extensions.Http, which the generator learns as a plain value so that C# edits
/// leave this step cached.
/// </summary>
internal sealed record DependencyInjectionTarget(ClientNames Names);

/// <summary>Which registrations the consuming project can compile, from the assemblies it references.</summary>
internal enum DependencyInjectionHost
{
    /// <summary>No Microsoft.Extensions.Http: no registration.</summary>
    None,

    /// <summary>Microsoft.Extensions.Http: <c>services.AddXClient(o => ...)</c>.</summary>
    HttpClientFactory,

    /// <summary>Microsoft.Extensions.Configuration.Abstractions too: <c>services.AddXClient(configuration)</c> as well.</summary>
    HttpClientFactoryAndConfiguration,
}
