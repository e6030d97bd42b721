namespace OpenApiClientGen.Runtime;

/// <summary>
/// The error responses one operation declares: which status (<c>404</c>, <c>4XX</c> or <c>default</c>) carries which
/// body type. A failure status found here throws <see cref="ApiException{TError}"/>; any other, or a body that does
/// not parse, throws a plain <see cref="ApiException"/>. Immutable: <see cref="On{TError}"/> returns a new table, so
/// a table shared by every call of an operation (or <see cref="None"/>, shared by all) never changes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiErrorTable
{
    /// <summary>An operation that declares no typed error bodies.</summary>
    public static ApiErrorTable None { get; } = new();

    private readonly KeyValuePair<string, Func<ApiErrorResponse, ApiException?>>[] _entries;

    /// <summary>A table with no entries: every failure throws a plain <see cref="ApiException"/>.</summary>
    public ApiErrorTable()
        : this(Array.Empty<KeyValuePair<string, Func<ApiErrorResponse, ApiException?>>>())
    {
    }

    private ApiErrorTable(KeyValuePair<string, Func<ApiErrorResponse, ApiException?>>[] entries) => _entries = entries;

    /// <summary>
    /// This table's entries and one more, which reads the body of <paramref name="status"/> (<c>422</c>, <c>4XX</c> or
    /// <c>default</c>) with <paramref name="codec"/>. This table is left as it is.
    /// </summary>
    public ApiErrorTable On<TError>(string status, JsonConverter<TError> codec)
    {
        var entries = new KeyValuePair<string, Func<ApiErrorResponse, ApiException?>>[_entries.Length + 1];
        _entries.CopyTo(entries, 0);
        entries[_entries.Length] = new KeyValuePair<string, Func<ApiErrorResponse, ApiException?>>(status, response => Read(response, codec));
        return new ApiErrorTable(entries);
    }

    /// <summary>The exception for a failure response: typed when the status is declared and its body parses.</summary>
    public ApiException CreateException(ApiErrorResponse response)
    {
        Func<ApiErrorResponse, ApiException?>? reader = Find(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return reader?.Invoke(response) ?? response.ToUntypedException();
    }

    private Func<ApiErrorResponse, ApiException?>? Find(string status)
    {
        string range = status.Substring(0, 1) + "XX";
        foreach (string key in new[] { status, range, "default" })
        {
            foreach (KeyValuePair<string, Func<ApiErrorResponse, ApiException?>> entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }
        }

        return null;
    }

    private static ApiException? Read<TError>(ApiErrorResponse response, JsonConverter<TError> codec)
    {
        if (response.Body.Length == 0)
        {
            return null;
        }

        TError error;
        try
        {
            error = JsonCodecs.Deserialize(response.Body, codec);
        }
        catch (JsonException)
        {
            return null;
        }

        return new ApiException<TError>(response.StatusCode, response.ReasonPhrase, response.BodyText, response.Headers, response.Operation, error);
    }
}

/// <summary>A failure response as read off the wire, with every credential the request carried already scrubbed out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiErrorResponse
{
    internal ApiErrorResponse(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        byte[] body,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        string operation,
        int maxBodyLength,
        IReadOnlyList<string> secrets)
    {
        StatusCode = statusCode;
        ReasonPhrase = ApiSecrets.ScrubOrNull(reasonPhrase, secrets);
        Body = ApiSecrets.Scrub(body, secrets);
        Operation = operation;
        BodyText = ApiException.BodyText(Body, maxBodyLength);
        Headers = ApiSecrets.Scrub(headers, secrets);
    }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase, if any.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The body as received up to the client's limit, scrubbed before the typed readers see it.</summary>
    public byte[] Body { get; }

    /// <summary>The body as text, scrubbed and cut at the client's limit.</summary>
    public string? BodyText { get; }

    /// <summary>The response headers, scrubbed.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The operation, as <c>METHOD /path</c>.</summary>
    public string Operation { get; }

    internal ApiException ToUntypedException() => new(StatusCode, ReasonPhrase, BodyText, Headers, Operation);
}
