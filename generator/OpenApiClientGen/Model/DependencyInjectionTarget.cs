namespace OpenApiClientGen.Model;

/// <summary>
/// What the <c>services.Add{Client}()</c> extension needs: the names of the client and its classes. Written only when the
/// compilation references Microsoft.Extensions.Http, which the generator learns as a plain value so that C# edits
/// leave this step cached.
/// </summary>
internal sealed record DependencyInjectionTarget(ClientNames Names);

/// <summary>
/// Which registrations the consuming project can compile, from the assemblies it references. One of three shared
/// instances, a class rather than an enum so that the incremental step that carries it needs no code of its own.
/// </summary>
internal sealed class DependencyInjectionHost
{
    /// <summary>No Microsoft.Extensions.Http: no registration.</summary>
    public static readonly DependencyInjectionHost None = new(nameof(None));

    /// <summary>Microsoft.Extensions.Http: <c>services.AddXClient(o => ...)</c>.</summary>
    public static readonly DependencyInjectionHost HttpClientFactory = new(nameof(HttpClientFactory));

    /// <summary>Microsoft.Extensions.Configuration.Abstractions too: <c>services.AddXClient(configuration)</c> as well.</summary>
    public static readonly DependencyInjectionHost HttpClientFactoryAndConfiguration = new(nameof(HttpClientFactoryAndConfiguration));

    private readonly string _name;

    private DependencyInjectionHost(string name) => _name = name;

    public override string ToString() => _name;
}
