namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    /// <summary>The header that lets a server recognise a request sent again: <c>Idempotency-Key</c>.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private HttpContent? _formContent;
    private bool _unrepeatable;
    private bool _idempotencyKeyDeclared;

    /// <summary>The per-call settings in force when the request was first sent, or when its stream method was called.</summary>
    internal ApiCallOptions? CallOptions { get; set; }

    /// <summary>The span of the call, when a stream's session started it; null otherwise, or when nothing listens.</summary>
    internal System.Diagnostics.Activity? Activity { get; set; }

    /// <summary>Whether a resilience handler inside the HttpClient sent the request, and so retries it itself.</summary>
    internal bool RetriedInsideHttpClient { get; set; }

    /// <summary>
    /// Set by a caller that reads a success body itself, straight from the bytes: the body is then read into an array
    /// from the shared pool (<see cref="ResponseBody"/>) rather than into HttpClient's buffer of its own.
    /// </summary>
    internal bool PoolsResponseBody { get; set; }

    /// <summary>The success body read into the pool when <see cref="PoolsResponseBody"/> is set; its reader returns it.</summary>
    internal BufferedBody ResponseBody { get; set; }

    /// <summary>How many times the request was sent again after the first attempt.</summary>
    public int Retries { get; internal set; }

    /// <summary>
    /// Whether the body can be sent again as it was: not when it reads a stream that cannot go back to its start
    /// (an upload from a network stream, say), which a retry would send empty or half.
    /// </summary>
    internal bool CanResend => !_unrepeatable;

    /// <summary>
    /// Gives the request an <c>Idempotency-Key</c> when its operation declares one and the caller left it unset: one
    /// key for the logical call, so that every retry carries the same one and the server can do the work once.
    /// </summary>
    internal void AddIdempotencyKeyIfDeclared()
    {
        if (_idempotencyKeyDeclared && !(_headers ?? NoPairs).Any(h => string.Equals(h.Key, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase)))
        {
            (_headers ??= new(2)).Add(new KeyValuePair<string, string>(IdempotencyKeyHeader, Guid.NewGuid().ToString()));
        }
    }

    /// <summary>Disposes the body once no attempt will send it again.</summary>
    internal void DisposeContent()
    {
        Body?.Dispose();
        _formContent?.Dispose();
    }
}
