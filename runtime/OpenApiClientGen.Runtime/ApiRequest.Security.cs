namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    /// <summary>The schemes whose credentials this operation sends; none for an operation with <c>security: []</c>.</summary>
    public IReadOnlyList<ApiSecurityScheme> SecuritySchemes { get; private set; } = Array.Empty<ApiSecurityScheme>();

    /// <summary>The operation's declared error bodies.</summary>
    public ApiErrorTable ErrorTable { get; private set; } = ApiErrorTable.None;

    private IReadOnlyList<ApiCredential> _credentials = Array.Empty<ApiCredential>();
    private IReadOnlyList<string>? _headerSecrets;
    private IReadOnlyList<string>? _secrets;

    /// <summary>
    /// The credentials this request carries, set before it is sent and before anything can fail: every exception of
    /// every attempt is scrubbed of them.
    /// </summary>
    internal IReadOnlyList<ApiCredential> Credentials
    {
        get => _credentials;
        set
        {
            _credentials = value;
            _secrets = null;
        }
    }

    /// <summary>
    /// The credentials the caller set as plain headers (<see cref="SecretHeaders"/>), which no security scheme knows of;
    /// null when there are none.
    /// </summary>
    internal IReadOnlyList<string>? HeaderSecrets
    {
        get => _headerSecrets;
        set
        {
            if (!ReferenceEquals(value, _headerSecrets))
            {
                _headerSecrets = value;
                _secrets = null;
            }
        }
    }

    /// <summary>
    /// Every form of <see cref="Credentials"/> and <see cref="HeaderSecrets"/>, to scrub from what comes back. Made on
    /// first use, when something is to be scrubbed: a call that succeeds never spells its credentials in the dozen
    /// encodings a failure looks for.
    /// </summary>
    internal IReadOnlyList<string> Secrets => _secrets ??= ApiCredential.SecretsOf(_credentials, _headerSecrets);

    /// <summary>Sends the credential of each of <paramref name="schemes"/> that the client's options configure.</summary>
    public ApiRequest Security(params ApiSecurityScheme[] schemes)
    {
        SecuritySchemes = schemes ?? Array.Empty<ApiSecurityScheme>();
        return this;
    }

    /// <summary>Sends the credential of <paramref name="scheme"/> when the client's options configure it.</summary>
    public ApiRequest Security(ApiSecurityScheme scheme)
    {
        SecuritySchemes = scheme?.Alone ?? Array.Empty<ApiSecurityScheme>();
        return this;
    }

    /// <summary>Reads failure bodies as <paramref name="errors"/> declares.</summary>
    public ApiRequest Errors(ApiErrorTable errors)
    {
        ErrorTable = errors ?? ApiErrorTable.None;
        return this;
    }
}
