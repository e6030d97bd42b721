namespace OpenApiClientGen.Runtime;

public partial class ApiClientOptions
{
    /// <summary>The token for bearer, OAuth 2 and OpenID Connect schemes.</summary>
    public string? BearerToken { get; set; }

    /// <summary>The key for API-key schemes, in whatever header, query parameter or cookie the spec names.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The user name for basic authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The password for basic authentication.</summary>
    public string? Password { get; set; }

    /// <summary>Credentials by scheme name (the key in the spec's <c>securitySchemes</c>), for specs with several schemes of a kind.</summary>
    /// <remarks>For a basic scheme the value is <c>user:password</c>.</remarks>
    public IDictionary<string, string> Credentials { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Called before every request that a scheme secures, for tokens that rotate. Return null to fall back to
    /// <see cref="Credentials"/> and the fixed properties. For a basic scheme, return <c>user:password</c>.
    /// </summary>
    public Func<ApiSecurityScheme, CancellationToken, ValueTask<string?>>? CredentialProvider { get; set; }

    /// <summary>
    /// Names the credentials set here that none of <paramref name="schemes"/> takes, and the schemes there are, or
    /// null when every credential set is used. The message speaks of properties and scheme names, never of values.
    /// </summary>
    internal string? DescribeUnusedCredentials(IReadOnlyList<ApiSecurityScheme> schemes)
    {
        var unused = new List<string>();
        if (IsSet(BearerToken) && !schemes.Any(s => s.Kind == ApiSecurityKind.Bearer))
        {
            unused.Add(nameof(BearerToken));
        }

        if (IsSet(ApiKey) && !schemes.Any(s => s.Kind is ApiSecurityKind.ApiKeyHeader or ApiSecurityKind.ApiKeyQuery or ApiSecurityKind.ApiKeyCookie))
        {
            unused.Add(nameof(ApiKey));
        }

        if (!schemes.Any(s => s.Kind == ApiSecurityKind.Basic))
        {
            if (IsSet(Username))
            {
                unused.Add(nameof(Username));
            }

            if (IsSet(Password))
            {
                unused.Add(nameof(Password));
            }
        }

        unused.AddRange(Credentials.Where(c => IsSet(c.Value) && !schemes.Any(s => s.Name == c.Key)).Select(c => $"Credentials[\"{c.Key}\"]").OrderBy(n => n, StringComparer.Ordinal));
        if (unused.Count == 0)
        {
            return null;
        }

        string set = string.Join(", ", unused) + (unused.Count == 1 ? " is set, but no security scheme of this API uses it. " : " are set, but no security scheme of this API uses them. ");
        return schemes.Count == 0
            ? set + "The API declares no security schemes."
            : set + "The API's schemes: " + string.Join("; ", schemes.Select(DescribeScheme)) + ".";
    }

    private static bool IsSet(string? credential) => credential is { Length: > 0 };

    private static string DescribeScheme(ApiSecurityScheme scheme) => scheme.Name + " (" + scheme.Kind switch
    {
        ApiSecurityKind.Bearer => "HTTP bearer, from " + nameof(BearerToken),
        ApiSecurityKind.Basic => "HTTP basic, from " + nameof(Username) + " and " + nameof(Password),
        ApiSecurityKind.ApiKeyHeader => $"API key in the header '{scheme.ParameterName}', from {nameof(ApiKey)}",
        ApiSecurityKind.ApiKeyQuery => $"API key in the query parameter '{scheme.ParameterName}', from {nameof(ApiKey)}",
        _ => $"API key in the cookie '{scheme.ParameterName}', from {nameof(ApiKey)}",
    } + $", or Credentials[\"{scheme.Name}\"])";

    /// <summary>The credential for <paramref name="scheme"/>, or null when none is configured.</summary>
    public async ValueTask<string?> GetCredentialAsync(ApiSecurityScheme scheme, CancellationToken cancellationToken)
    {
        if (CredentialProvider is not null && await CredentialProvider(scheme, cancellationToken).ConfigureAwait(false) is { Length: > 0 } provided)
        {
            return provided;
        }

        if (Credentials.TryGetValue(scheme.Name, out string? named) && named.Length > 0)
        {
            return named;
        }

        return scheme.Kind switch
        {
            ApiSecurityKind.Bearer => BearerToken,
            ApiSecurityKind.Basic => Username is null ? null : Username + ":" + Password,
            _ => ApiKey,
        };
    }
}
