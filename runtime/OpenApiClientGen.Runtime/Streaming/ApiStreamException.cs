namespace OpenApiClientGen.Runtime;

/// <summary>What went wrong with a stream that had already started.</summary>
public enum ApiStreamFailure
{
    /// <summary>The connection broke while the stream was being read.</summary>
    Disconnected,

    /// <summary>
    /// The server ended the stream before it was complete: in the middle of an event, before the sentinel that marks
    /// the end, or (for a WebSocket) with a close status that is not a normal closure.
    /// </summary>
    Truncated,

    /// <summary>An event's data could not be read as the type the operation expects.</summary>
    MalformedEvent,

    /// <summary>
    /// After the first item, the server sent nothing for longer than the client's
    /// <see cref="ApiClientOptions.StreamIdleTimeout"/>.
    /// </summary>
    IdleTimeout,

    /// <summary>
    /// One event, item or message was larger than the client's <see cref="ApiClientOptions.MaxEventSize"/> or
    /// <see cref="ApiClientOptions.MaxMessageSize"/>; the stream was given up without reading it whole.
    /// </summary>
    TooLarge,

    /// <summary>
    /// The first event, item or message did not come within the client's
    /// <see cref="ApiClientOptions.StreamFirstItemTimeout"/> of the response (for a WebSocket, of the handshake).
    /// </summary>
    FirstItemTimeout,
}

/// <summary>
/// A stream of events failed after the server had accepted the request: the connection broke, the stream stopped
/// short, an event was malformed, or the server went quiet for too long. A stream that ends early never looks like
/// one that ended normally.
/// </summary>
/// <remarks>
/// It is an <see cref="ApiException"/>, so one <c>catch</c> covers every way an operation fails;
/// <see cref="ApiException.StatusCode"/> is the status the stream was opened with (200, or 101 for a WebSocket).
/// </remarks>
public sealed class ApiStreamException : ApiException
{
    private readonly string _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation whose stream failed, as <c>METHOD /path</c>.</param>
    /// <param name="failure">What went wrong.</param>
    /// <param name="message">The whole message, naming the operation.</param>
    /// <param name="eventIndex">The 0-based position of the event that failed, or of the next event when the stream broke between events.</param>
    /// <param name="eventType">The failed event's name, when the failure belongs to one event.</param>
    /// <param name="statusCode">The status the stream was opened with.</param>
    /// <param name="body">The text that could not be read, such as a malformed event's data.</param>
    /// <param name="innerException">The underlying error.</param>
    public ApiStreamException(
        string operation,
        ApiStreamFailure failure,
        string message,
        int eventIndex,
        string? eventType = null,
        HttpStatusCode statusCode = HttpStatusCode.OK,
        string? body = null,
        Exception? innerException = null)
        : base(statusCode, null, body, null, operation, innerException)
    {
        _message = message ?? throw new ArgumentNullException(nameof(message));
        Failure = failure;
        EventIndex = eventIndex;
        EventType = eventType;
    }

    /// <summary>What went wrong.</summary>
    public ApiStreamFailure Failure { get; }

    /// <summary>
    /// The 0-based position of the event that failed; when the stream broke between events, the position the next
    /// event would have had, which is also how many events were read.
    /// </summary>
    public int EventIndex { get; }

    /// <summary>The failed event's name, when the failure belongs to one event.</summary>
    public string? EventType { get; }

    /// <inheritdoc/>
    public override string Message => _message;

    internal static string Count(int count, string noun) => count == 1 ? "1 " + noun : $"{count} {noun}s";
}
