using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

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
