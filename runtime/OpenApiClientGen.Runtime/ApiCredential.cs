namespace OpenApiClientGen.Runtime;

/// <summary>A credential resolved for one request, and where it goes.</summary>
internal sealed class ApiCredential
{
    public ApiCredential(ApiSecurityScheme scheme, string value)
    {
        Scheme = scheme;
        Value = value;
    }

    public ApiSecurityScheme Scheme { get; }

    public string Value { get; }

    /// <summary>
    /// The text that goes on the wire: the header value for bearer and basic, the key itself otherwise. Made once, as
    /// the credential itself is kept from call to call while its value stays the same.
    /// </summary>
    public string WireValue => _wireValue ??= Scheme.Kind switch
    {
        ApiSecurityKind.Bearer => "Bearer " + Value,
        ApiSecurityKind.Basic => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Value)),
        _ => Value,
    };

    private string? _wireValue;

    /// <summary>
    /// Every scheme the operation lists whose credential is configured. An operation with <c>security: []</c> lists
    /// none and so sends none. Sending each configured one covers both a requirement that needs several schemes
    /// together and alternatives of which the caller configured one.
    /// </summary>
    /// <param name="options">Where the credentials come from.</param>
    /// <param name="schemes">The operation's schemes.</param>
    /// <param name="previous">
    /// What an earlier call resolved, or null: when this call finds the same schemes with the same values, it hands
    /// back that very array, so a call whose credentials did not change allocates nothing for them.
    /// </param>
    /// <param name="cancellationToken">Cancels a credential provider.</param>
    public static async ValueTask<ApiCredential[]> ResolveAsync(
        ApiClientOptions options, IReadOnlyList<ApiSecurityScheme> schemes, ApiCredential[]? previous, CancellationToken cancellationToken)
    {
        if (schemes.Count == 0)
        {
            return Array.Empty<ApiCredential>();
        }

        // An array, by index: this runs on every call, and nearly always finds one credential for one scheme.
        ApiCredential[]? credentials = null;
        bool same = previous is not null;
        int found = 0;
        for (int i = 0; i < schemes.Count; i++)
        {
            if (await options.GetCredentialAsync(schemes[i], cancellationToken).ConfigureAwait(false) is not { Length: > 0 } value)
            {
                continue;
            }

            if (same && found < previous!.Length && ReferenceEquals(previous[found].Scheme, schemes[i]) && string.Equals(previous[found].Value, value, StringComparison.Ordinal))
            {
                found++;
                continue;
            }

            if (same)
            {
                // The first difference: what matched so far is kept, and the rest is new.
                same = false;
                credentials = new ApiCredential[schemes.Count];
                Array.Copy(previous!, credentials, found);
            }

            (credentials ??= new ApiCredential[schemes.Count])[found++] = new ApiCredential(schemes[i], value);
        }

        // Every credential found matched the previous call's, in order: that array, or as many of its first ones.
        if (same)
        {
            return Prefix(previous!, found);
        }

        return credentials is null ? Array.Empty<ApiCredential>() : Prefix(credentials, found);
    }

    // The first count credentials: the array itself when that is all of it, a copy otherwise.
    private static ApiCredential[] Prefix(ApiCredential[] credentials, int count)
    {
        if (count == 0)
        {
            return Array.Empty<ApiCredential>();
        }

        if (count < credentials.Length)
        {
            Array.Resize(ref credentials, count);
        }

        return credentials;
    }

    /// <summary>What must never show up in an exception: the raw credentials and every encoded form of them.</summary>
    public static IReadOnlyList<string> SecretsOf(IReadOnlyList<ApiCredential> credentials, IReadOnlyList<string>? headerSecrets = null)
    {
        if (credentials.Count == 0 && headerSecrets is null)
        {
            return Array.Empty<string>();
        }

        var secrets = new List<string>((credentials.Count * 3) + (headerSecrets?.Count ?? 0));
        if (headerSecrets is not null)
        {
            secrets.AddRange(headerSecrets);
        }

        foreach (ApiCredential credential in credentials)
        {
            secrets.Add(credential.WireValue);
            secrets.Add(credential.Value);
            if (credential.Scheme.Kind == ApiSecurityKind.Basic && credential.Value.IndexOf(':') is int colon and >= 0)
            {
                secrets.Add(credential.Value.Substring(colon + 1));
            }
        }

        return ApiSecrets.FormsOf(secrets);
    }
}
