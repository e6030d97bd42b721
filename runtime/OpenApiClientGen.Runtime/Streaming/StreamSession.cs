using System.Diagnostics;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// What every reader of a streamed HTTP body shares, whatever its framing: the caller's two cancellation tokens made
/// one, the response and its body, the idle timer, and how a failed read is reported.
/// </summary>
/// <remarks>
/// The response is read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so <see cref="HttpClient.Timeout"/>
/// bounds only the wait for the headers; a stream that goes quiet is bounded by
/// <see cref="ApiClientOptions.StreamIdleTimeout"/> instead, which cancels <see cref="Reads"/> when one read waits
/// longer than that.
/// </remarks>
internal sealed class StreamSession
{
    private readonly ApiConnection _connection;
    private readonly ApiRequest _request;
    private readonly CancellationTokenSource? _callerTokens;
    private readonly string _itemNoun;
    private HttpResponseMessage? _response;
    private CancellationTokenSource? _reads;
    private Activity? _activity;
    private long _started;
    private long _headersAt;
    private bool _opened;
    private bool _released;
    private int _items;
    private TimeSpan? _firstItem;
    private string? _outcome;

    /// <summary>Prepares a read of <paramref name="request"/>'s response; nothing is sent until <see cref="OpenAsync"/>.</summary>
    /// <param name="connection">The connection that sends the request.</param>
    /// <param name="request">The request.</param>
    /// <param name="method">The token given to the generated method.</param>
    /// <param name="enumerator">The token given to <c>GetAsyncEnumerator</c>.</param>
    /// <param name="itemNoun">What one item of the stream is called in messages: <c>event</c>, <c>item</c>.</param>
    public StreamSession(ApiConnection connection, ApiRequest request, CancellationToken method, CancellationToken enumerator, string itemNoun)
    {
        _connection = connection;
        _request = request;
        _itemNoun = itemNoun;
        IdleTimeout = connection.Options.StreamIdleTimeout;
        FirstItemTimeout = connection.Options.StreamFirstItemTimeout;

        // Either token cancels, as with [EnumeratorCancellation]; a link is made only when both can.
        if (method.CanBeCanceled && enumerator.CanBeCanceled && method != enumerator)
        {
            _callerTokens = CancellationTokenSource.CreateLinkedTokenSource(method, enumerator);
            Cancellation = _callerTokens.Token;
        }
        else
        {
            Cancellation = method.CanBeCanceled ? method : enumerator;
        }
    }

    /// <summary>The caller's cancellation.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The token every read of the body takes: the caller's cancellation, and the read timer's.</summary>
    public CancellationToken Reads => _reads?.Token ?? Cancellation;

    /// <summary>The longest silence between reads once the first item has come; null for none.</summary>
    public TimeSpan? IdleTimeout { get; }

    /// <summary>The longest wait from the response headers to the first item; null for none.</summary>
    public TimeSpan? FirstItemTimeout { get; }

    public ApiClientOptions Options => _connection.Options;

    /// <summary>The media type of the response <see cref="OpenAsync"/> opened, or null before it or when none was given.</summary>
    public string? AnsweredMediaType => _response?.Content.Headers.ContentType?.MediaType;

    public string Operation => _request.Operation;

    /// <summary>Whether the read timer, rather than the caller, has cancelled a read.</summary>
    private bool TimedOut => _reads?.IsCancellationRequested == true && !Cancellation.IsCancellationRequested;

    /// <summary>
    /// Sends the request (with <c>Accept: <paramref name="mediaType"/></c> unless the operation set its own) and opens
    /// the body of its success response. A failure status throws <see cref="ApiException"/>; a success whose
    /// <c>Content-Type</c> is none of <paramref name="readable"/> (JSON, when the server did not see a stream request)
    /// throws <see cref="ApiContentTypeException"/> with the body, read only up to the error body limit.
    /// </summary>
    public async Task<Stream> OpenAsync(string mediaType, IReadOnlyCollection<string> readable)
    {
        string accepted = _request.AcceptUnlessSet(mediaType);
        _opened = true;
        _activity = ApiTelemetry.Start(_request);
        _request.Activity = _activity;
        _started = ApiTelemetry.Timestamp(_activity);
        try
        {
            _response = await _connection.SendCheckedAsync(_request, HttpCompletionOption.ResponseHeadersRead, Cancellation).ConfigureAwait(false);
            if (_response.Content.Headers.ContentType?.MediaType is { } answered && !readable.Contains(answered, StringComparer.OrdinalIgnoreCase))
            {
                throw await _connection.WrongMediaTypeAsync(_request, _response, answered, accepted, Cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _outcome ??= ex is ApiException api ? ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.GetType().Name;
            throw;
        }

        _reads = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        _headersAt = Stopwatch.GetTimestamp();
#if NET
        return await _response.Content.ReadAsStreamAsync(Cancellation).ConfigureAwait(false);
#else
        Cancellation.ThrowIfCancellationRequested();
        return await _response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }

    /// <summary>
    /// Reads the next bytes of <paramref name="body"/>, giving up when the first item has not come within
    /// <see cref="FirstItemTimeout"/> of the headers, or when a later read waits longer than <see cref="IdleTimeout"/>.
    /// </summary>
    public async Task<int> ReadAsync(Stream body, byte[] buffer, int offset, int count)
    {
        TimeSpan? wait = ReadWait();
        if (wait is { } limit)
        {
            _reads!.CancelAfter(limit);
        }

        try
        {
            return await body.ReadAsync(buffer, offset, count, Reads).ConfigureAwait(false);
        }
        finally
        {
            if (wait is not null)
            {
                _reads!.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Before the first item only the first-item deadline counts: a server may think a long while before it answers.
    private TimeSpan? ReadWait()
    {
        if (_items > 0 || FirstItemTimeout is not { } first)
        {
            return IdleTimeout;
        }

        TimeSpan left = first - ApiTelemetry.Elapsed(_headersAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// What a failed read means: the caller's own cancellation surfaces as itself, an idle or broken stream as an
    /// <see cref="ApiStreamException"/>, anything else as it is.
    /// </summary>
    /// <param name="ex">What the read threw.</param>
    /// <param name="itemsRead">How many items the stream had given before the read.</param>
    public Exception ReadFailure(Exception ex, int itemsRead)
    {
        if (ex is not (IOException or OperationCanceledException))
        {
            return ex;
        }

        Cancellation.ThrowIfCancellationRequested();
        if (TimedOut)
        {
            return itemsRead == 0 && FirstItemTimeout is not null
                ? Failure(ApiStreamFailure.FirstItemTimeout, itemsRead, $"the server sent no {_itemNoun} within {FirstItemTimeout} of its response headers (ApiClientOptions.StreamFirstItemTimeout), so the stream was given up.", ex)
                : Failure(ApiStreamFailure.IdleTimeout, itemsRead, $"the server sent nothing for {IdleTimeout} after {Count(itemsRead)} (ApiClientOptions.StreamIdleTimeout), so the stream was given up.", ex);
        }

        return ex is IOException
            ? Failure(ApiStreamFailure.Disconnected, itemsRead, $"the connection broke after {Count(itemsRead)}: {ex.Message}", ex)
            : ex;
    }

    /// <summary>A failure of the stream as a whole, at item <paramref name="index"/>.</summary>
    public ApiStreamException Failure(ApiStreamFailure failure, int index, string what, Exception? inner = null) =>
        Outcome(failure, new(Operation, failure, ApiSecrets.Scrub(Operation + ": " + what, _request.Secrets), index, null, StatusCode, null, ApiSecrets.Scrub(inner, _request.Secrets)));

    /// <summary>An item whose text is not what the operation expects; its text is kept, cut to the error body limit.</summary>
    public ApiStreamException Malformed(int index, string? eventType, string what, string text, Exception inner) =>
        Outcome(ApiStreamFailure.MalformedEvent, new(Operation, ApiStreamFailure.MalformedEvent, ApiSecrets.Scrub(Operation + ": " + what, _request.Secrets), index,
            ApiSecrets.ScrubOrNull(eventType, _request.Secrets), StatusCode,
            ApiException.Truncate(ApiSecrets.Scrub(text, _request.Secrets), Options.MaxErrorBodyLength), ApiSecrets.Scrub(inner, _request.Secrets)));

    private ApiStreamException Outcome(ApiStreamFailure failure, ApiStreamException ex)
    {
        _outcome ??= failure.ToString();
        return ex;
    }

    /// <summary>Counts an event or item handed to the caller, and the time to the first.</summary>
    public void ItemRead()
    {
        if (++_items == 1 && _started != 0)
        {
            _firstItem = ApiTelemetry.Elapsed(_started);
        }
    }

    /// <summary><c>1 event</c>, <c>3 items</c>.</summary>
    public string Count(int count) => ApiStreamException.Count(count, _itemNoun);

    /// <summary>Frees the response at once; disposing it aborts a body still being received, which frees the connection.</summary>
    public void Release()
    {
        _released = true;
        _reads?.Dispose();
        _response?.Dispose();
    }

    /// <summary>Frees everything, the linked caller tokens included; the session is not used after this.</summary>
    public void Dispose()
    {
        if (_opened)
        {
            _opened = false;
            string outcome = _outcome ?? (Cancellation.IsCancellationRequested ? "cancelled" : _released ? "completed" : "abandoned");
            if (_activity is not null || _started != 0)
            {
                ApiTelemetry.StreamEnded(_activity, _request, _items, _firstItem, outcome);
            }
        }

        Release();
        _callerTokens?.Dispose();
    }

    private System.Net.HttpStatusCode StatusCode => _response?.StatusCode ?? System.Net.HttpStatusCode.OK;
}
