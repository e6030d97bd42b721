namespace OpenApiClientGen.Runtime;

/// <summary>How a security scheme puts its credential on a request.</summary>
public enum ApiSecurityKind
{
    /// <summary><c>Authorization: Bearer {token}</c>; OAuth 2 and OpenID Connect tokens are sent this way too.</summary>
    Bearer,

    /// <summary><c>Authorization: Basic {base64(user:password)}</c>.</summary>
    Basic,

    /// <summary>An API key in a named header.</summary>
    ApiKeyHeader,

    /// <summary>An API key in a named query parameter.</summary>
    ApiKeyQuery,

    /// <summary>An API key in a named cookie.</summary>
    ApiKeyCookie,
}

/// <summary>One entry of a spec's <c>securitySchemes</c>, as the generated client uses it.</summary>
public sealed class ApiSecurityScheme
{
    /// <summary>Describes a scheme.</summary>
    /// <param name="name">The scheme's key in <c>securitySchemes</c>, used to look up its credential.</param>
    /// <param name="kind">Where the credential goes.</param>
    /// <param name="parameterName">The header, query parameter or cookie name for API keys.</param>
    public ApiSecurityScheme(string name, ApiSecurityKind kind, string? parameterName = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        ParameterName = parameterName ?? "";
    }

    /// <summary>The scheme's key in <c>securitySchemes</c>.</summary>
    public string Name { get; }

    /// <summary>Where the credential goes.</summary>
    public ApiSecurityKind Kind { get; }

    /// <summary>The header, query parameter or cookie name of an API key.</summary>
    public string ParameterName { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Kind})";

    /// <summary>The list of this scheme alone, made once: most operations name one scheme, on every call.</summary>
    internal IReadOnlyList<ApiSecurityScheme> Alone => _alone ??= new[] { this };

    private ApiSecurityScheme[]? _alone;
}
