namespace OpenApiClientGen.Runtime;

/// <summary>Settings shared by every generated client. Each client derives its own options type from this one.</summary>
public partial class ApiClientOptions
{
    /// <summary>
    /// The address requests are sent to. Used when the <see cref="System.Net.Http.HttpClient"/> has no
    /// <c>BaseAddress</c>; when neither sets one, the spec's first server is used.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The <c>User-Agent</c> header sent with every request, if set.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Headers sent with every request.</summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most response body text an <see cref="ApiException"/> keeps; longer bodies are cut and marked.</summary>
    public int MaxErrorBodyLength { get; set; } = ApiException.DefaultMaxBodyLength;

    /// <summary>The default of <see cref="MaxEventSize"/> and <see cref="MaxMessageSize"/>: 16 MiB.</summary>
    public const int DefaultMaxItemSize = 16 * 1024 * 1024;

    /// <summary>
    /// The size one server-sent event must stay under, in bytes, its field names and line ends included, and the most
    /// bytes one item of an NDJSON, JSON Lines or JSON text sequence body may take; one that reaches it fails the
    /// stream with <see cref="ApiStreamException"/> (<see cref="ApiStreamFailure.TooLarge"/>) before it is held whole.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxItemSize;

    /// <summary>
    /// The most bytes one WebSocket message may take; a bigger one fails the stream with
    /// <see cref="ApiStreamException"/> (<see cref="ApiStreamFailure.TooLarge"/>) before it is held whole.
    /// </summary>
    public int MaxMessageSize { get; set; } = DefaultMaxItemSize;

    /// <summary>The default of <see cref="StreamFirstItemTimeout"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultStreamFirstItemTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="StreamIdleTimeout"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultStreamIdleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest a stream may take from its response headers (for a WebSocket, the handshake) to its first event,
    /// item or message, whatever else the server sends meanwhile; past it the stream fails with
    /// <see cref="ApiStreamException"/> (<see cref="ApiStreamFailure.FirstItemTimeout"/>). 10 minutes by default, for
    /// a model that thinks long before it answers; null waits as long as the server keeps the connection open.
    /// </summary>
    public TimeSpan? StreamFirstItemTimeout { get; set; } = DefaultStreamFirstItemTimeout;

    /// <summary>
    /// Once the first item has come, the longest a stream of events or WebSocket messages may receive nothing at all
    /// (SSE heartbeat comments count) before it fails with <see cref="ApiStreamException"/>
    /// (<see cref="ApiStreamFailure.IdleTimeout"/>). 5 minutes by default; null waits as long as the server keeps the
    /// connection open. Time the caller spends between items does not count. <see cref="System.Net.Http.HttpClient.Timeout"/>
    /// bounds only the wait for a stream's headers.
    /// </summary>
    public TimeSpan? StreamIdleTimeout { get; set; } = DefaultStreamIdleTimeout;
}
