using System.Diagnostics;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Sends the requests of one generated client: resolves the base address, adds the default headers,
/// turns failure statuses into <see cref="ApiException"/> and reads the body into the operation's type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiConnection : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string? _defaultBaseAddress;
    private readonly ApiClientOptions _options;
    private readonly Func<ApiClientOptions>? _currentOptions;

    // Set once a resilience handler inside the HttpClient is seen: from then on it alone retries.
    private volatile bool _retriedInsideHttpClient;

    // The credentials the last call sent; the next call with the same ones reuses them (ApiCredential.ResolveAsync).
    private ApiCredential[]? _lastCredentials;

    /// <summary>Creates a connection over <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The client that sends. Its <c>BaseAddress</c>, when set, wins.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when nothing else names one.</param>
    /// <param name="ownsHttpClient">Whether <see cref="Dispose"/> disposes <paramref name="httpClient"/>.</param>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string? defaultBaseAddress, bool ownsHttpClient)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _defaultBaseAddress = string.IsNullOrEmpty(defaultBaseAddress) ? null : defaultBaseAddress;
        _ownsHttpClient = ownsHttpClient;
    }

    /// <summary>
    /// Creates a connection for an API secured by <paramref name="securitySchemes"/>, and checks that one of them takes
    /// each credential set on <paramref name="options"/>: a credential nothing would send is a mistake better heard of
    /// now (an <c>ApiKey</c> for an API that wants a bearer token) than as a 401 later.
    /// </summary>
    /// <param name="httpClient">The client that sends. Its <c>BaseAddress</c>, when set, wins.</param>
    /// <param name="options">The client's settings.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when nothing else names one.</param>
    /// <param name="ownsHttpClient">Whether <see cref="Dispose"/> disposes <paramref name="httpClient"/>.</param>
    /// <param name="securitySchemes">Every security scheme the spec declares.</param>
    /// <exception cref="ArgumentException">A credential is set that none of <paramref name="securitySchemes"/> takes.</exception>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, string? defaultBaseAddress, bool ownsHttpClient, IReadOnlyList<ApiSecurityScheme> securitySchemes)
        : this(httpClient, options, defaultBaseAddress, ownsHttpClient)
    {
        if (Options.DescribeUnusedCredentials(securitySchemes ?? throw new ArgumentNullException(nameof(securitySchemes))) is { } unused)
        {
            Dispose();
            throw new ArgumentException(unused, nameof(options));
        }
    }

    /// <summary>
    /// Creates a connection whose settings are read from <paramref name="currentOptions"/> each time they are needed,
    /// so that a changed credential (from <c>IOptionsMonitor</c>, when configuration reloads) is sent by the next
    /// request. The credentials are checked against <paramref name="securitySchemes"/> once, here, with the first options.
    /// </summary>
    /// <param name="httpClient">The client that sends. Its <c>BaseAddress</c>, when set, wins.</param>
    /// <param name="currentOptions">Returns the client's settings as they are now.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when nothing else names one.</param>
    /// <param name="ownsHttpClient">Whether <see cref="Dispose"/> disposes <paramref name="httpClient"/>.</param>
    /// <param name="securitySchemes">Every security scheme the spec declares.</param>
    /// <exception cref="ArgumentException">A credential is set that none of <paramref name="securitySchemes"/> takes.</exception>
    public ApiConnection(HttpClient httpClient, Func<ApiClientOptions> currentOptions, string? defaultBaseAddress, bool ownsHttpClient, IReadOnlyList<ApiSecurityScheme> securitySchemes)
        : this(httpClient, (currentOptions ?? throw new ArgumentNullException(nameof(currentOptions)))(), defaultBaseAddress, ownsHttpClient, securitySchemes)
    {
        _currentOptions = currentOptions;
    }

    /// <summary>
    /// The <see cref="HttpClient"/> a generated client creates when none is handed in. Its handler leaves redirects
    /// to the connection, which follows them to the same origin and never takes a credential to another one.
    /// </summary>
    public static HttpClient CreateHttpClient() => new(CreatePrimaryHandler());

    /// <summary>
    /// The innermost handler for a generated client's requests, also the one the generated <c>IHttpClientFactory</c>
    /// registration configures: it leaves redirects to the connection, which follows them to the same origin and
    /// never takes a credential to another one.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler() => ApiRedirects.CreatePrimaryHandler();

    /// <summary>The client's settings, as they are now.</summary>
    public ApiClientOptions Options => _currentOptions is null ? _options : _currentOptions() ?? _options;

    /// <summary>Where requests go: the HttpClient's <c>BaseAddress</c>, else the options', else the spec's server.</summary>
    public Uri BaseAddress =>
        _httpClient.BaseAddress
        ?? Options.BaseAddress
        ?? (_defaultBaseAddress is not null && Uri.TryCreate(_defaultBaseAddress, UriKind.Absolute, out Uri? fromSpec) ? fromSpec : null)
        ?? throw new InvalidOperationException(
            "No base address: set HttpClient.BaseAddress or the client options' BaseAddress" +
            (_defaultBaseAddress is null ? "." : $" (the spec's server '{_defaultBaseAddress}' is relative)."));

    /// <summary>
    /// Sends the request and reads its <c>text/event-stream</c> body as it arrives, one item per event, as
    /// <paramref name="events"/> says. The request is sent when enumeration starts; a failure status throws
    /// <see cref="ApiException"/> from the first <c>MoveNextAsync</c>, and a stream that breaks, stops short or carries
    /// a malformed event throws <see cref="ApiStreamException"/>.
    /// </summary>
    public IAsyncEnumerable<TEvent> StreamEventsAsync<TEvent>(ApiRequest request, SseEventReader<TEvent> events, CancellationToken cancellationToken) =>
        SseEventStream.ReadAsync(this, WithCallOptions(request), events ?? throw new ArgumentNullException(nameof(events)), cancellationToken);

    /// <summary>
    /// Sends the request and reads its sequential JSON body (<c>application/x-ndjson</c>, <c>application/jsonl</c>,
    /// <c>application/json-seq</c>, <c>application/x-json-stream</c>) as it arrives, one item per JSON text read by
    /// <paramref name="codec"/>. The request is sent when enumeration starts; a failure status throws
    /// <see cref="ApiException"/> from the first <c>MoveNextAsync</c>, and a stream that breaks, stops inside an item,
    /// carries a malformed or oversized item or goes quiet throws <see cref="ApiStreamException"/>.
    /// </summary>
    public IAsyncEnumerable<T> StreamJsonSequenceAsync<T>(ApiRequest request, JsonConverter<T> codec, JsonSequenceFraming framing, CancellationToken cancellationToken) =>
        JsonSequenceStream.ReadAsync(this, WithCallOptions(request), codec ?? throw new ArgumentNullException(nameof(codec)), framing, cancellationToken);

    // A stream is sent when it is enumerated, perhaps outside the scope its method was called in: it takes the scope's settings now.
    private static ApiRequest WithCallOptions(ApiRequest request)
    {
        request.CallOptions ??= ApiCallOptions.Current;
        return request;
    }

    /// <summary>
    /// Sends the request and returns the response when its status is a success; otherwise reads the body and throws
    /// <see cref="ApiException"/>. The caller disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> SendCheckedAsync(ApiRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        // The span, the deadline and the attempts are one method: each async layer would be a state machine
        // allocated on every call. A stream's span is its session's, and lasts until the stream ends; any other
        // call's is this one.
        Activity? owned = request.Activity is null ? ApiTelemetry.Start(request) : null;
        Activity? activity = request.Activity ?? owned;
        long started = ApiTelemetry.Timestamp(activity);
        ApiCallOptions? call = request.CallOptions ??= ApiCallOptions.Current;
        CancellationTokenSource? callDeadline = null;
        if (call?.Timeout is { } timeout)
        {
            callDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            callDeadline.CancelAfter(timeout);
        }

        CancellationToken token = callDeadline?.Token ?? cancellationToken;
        try
        {
            ApiCredential[] credentials = await ApiCredential.ResolveAsync(Options, request.SecuritySchemes, _lastCredentials, token).ConfigureAwait(false);
            // Written only when it changed: calls run on many threads at once, and a write on every call would pass
            // the connection's fields from core to core.
            if (credentials.Length > 0 && !ReferenceEquals(credentials, _lastCredentials))
            {
                _lastCredentials = credentials;
            }

            // Before anything can fail: every exception of every attempt is scrubbed of these credentials.
            request.Credentials = credentials;
            request.AddIdempotencyKeyIfDeclared();
            int maxRetries = request.CanResend && !_retriedInsideHttpClient ? Math.Max(0, call?.MaxRetries ?? Options.MaxRetries) : 0;
            HttpResponseMessage response;
            try
            {
                // The first attempt is sent here, not inside the retries: one layer fewer on a call that succeeds at once.
                HttpResponseMessage? first = null;
                System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
                try
                {
                    first = await SendOnceAsync(request, credentials, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (maxRetries > 0 && ApiRetries.ShouldRetry(ex, token))
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
                }

                response = failure is null && (maxRetries == 0 || !ApiRetries.ShouldRetry(first!, Options))
                    ? first!
                    : await ApiRetries.RetryAsync(maxRetries, Options, request, first, failure, SendOnceAsync, (this, request, (IReadOnlyList<ApiCredential>)credentials), token).ConfigureAwait(false);
            }
            finally
            {
                request.DisposeContent();
                if (request.RetriedInsideHttpClient)
                {
                    // A resilience handler in the HttpClient retried an attempt already: another loop here would multiply
                    // its attempts, so from now on this connection leaves retrying to the handler.
                    _retriedInsideHttpClient = true;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                if (completion == HttpCompletionOption.ResponseContentRead)
                {
                    await BufferAsync(response, request, token).ConfigureAwait(false);
                }

                ApiTelemetry.Sent(activity, request, response.StatusCode, null, started);
                return response;
            }

            using (response)
            {
                byte[] body;
                using (CancellationTokenSource? deadline = BodyDeadline(token))
                {
                    try
                    {
                        body = await ReadErrorBodyAsync(response.Content, Options.MaxErrorBodyLength, deadline?.Token ?? token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException ex) when (deadline?.IsCancellationRequested == true && !token.IsCancellationRequested)
                    {
                        throw BodyTimedOut(ex);
                    }
                }

                throw request.ErrorTable.CreateException(new ApiErrorResponse(
                    response.StatusCode,
                    response.ReasonPhrase,
                    body,
                    HeadersOf(response),
                    request.Operation,
                    Options.MaxErrorBodyLength,
                    request.Secrets));
            }
        }
        catch (OperationCanceledException ex) when (callDeadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = new TimeoutException($"{request.Operation} did not complete within {call!.Timeout} (ApiCallOptions.Timeout).", ex);
            ApiTelemetry.Sent(activity, request, null, timedOut, started);
            throw timedOut;
        }
        catch (Exception ex)
        {
            ApiTelemetry.Sent(activity, request, (ex as ApiException)?.StatusCode, ex, started);
            throw;
        }
        finally
        {
            callDeadline?.Dispose();
            owned?.Dispose();
        }
    }

    // One attempt: a fresh message each time, sharing the request's body, which outlives the message. Static, with the
    // connection in its state, so that the retry loop takes it as a cached delegate rather than a new one per call.
    private static Task<HttpResponseMessage> SendOnceAsync((ApiConnection Connection, ApiRequest Request, IReadOnlyList<ApiCredential> Credentials) state, CancellationToken cancellationToken) =>
        state.Connection.SendOnceAsync(state.Request, state.Credentials, cancellationToken);

    private Task<HttpResponseMessage> SendOnceAsync(ApiRequest request, IReadOnlyList<ApiCredential> credentials, CancellationToken cancellationToken)
    {
        ApiCallOptions? call = request.CallOptions;
        HttpRequestMessage message = request.ToHttpRequestMessage(BaseAddress, credentials, call?.Query);
        try
        {
            if (call is not null)
            {
                foreach (KeyValuePair<string, string> header in call.Headers)
                {
                    message.Headers.Remove(header.Key);
                    string value = ParameterFormatter.HeaderValue(header.Key, header.Value);
                    if (!message.Headers.TryAddWithoutValidation(header.Key, value) && message.Content is { } content)
                    {
                        content.Headers.Remove(header.Key);
                        content.Headers.TryAddWithoutValidation(header.Key, value);
                    }
                }
            }

            if (Options.UserAgent is { Length: > 0 } userAgent)
            {
                message.Headers.TryAddWithoutValidation("User-Agent", ParameterFormatter.HeaderValue("User-Agent", userAgent));
            }

            if (Options.DefaultHeaders.Count > 0)
            {
                foreach (KeyValuePair<string, string> header in Options.DefaultHeaders)
                {
                    if (!message.Headers.Contains(header.Key))
                    {
                        message.Headers.TryAddWithoutValidation(header.Key, ParameterFormatter.HeaderValue(header.Key, header.Value));
                    }
                }
            }
        }
        catch
        {
            ApiRedirects.Release(message);
            throw;
        }

        // Headers first, whatever the caller asked for: an error body is read only up to the limit, never whole. From
        // here on the message is the redirects', which dispose it.
        // A credential the caller set as a plain header is one all the same: it keeps the redirects on the request's
        // origin and is scrubbed from what comes back.
        request.HeaderSecrets = SecretHeaders.CarriedBy(Options.DefaultHeaders, call?.Headers, _httpClient.DefaultRequestHeaders);
        bool credentialed = credentials.Count > 0 || request.HeaderSecrets is not null;
        return ApiRedirects.SendAsync(_httpClient, message, HttpCompletionOption.ResponseHeadersRead, credentialed, request, cancellationToken);
    }

    // The body is read whole, up to the HttpClient's MaxResponseContentBufferSize: a longer one is a typed error.
    private async Task BufferAsync(HttpResponseMessage response, ApiRequest request, CancellationToken cancellationToken)
    {
        long limit = _httpClient.MaxResponseContentBufferSize;
        try
        {
            if (response.Content.Headers.ContentLength > limit)
            {
                throw TooLarge(response, request, limit, null);
            }

            // A body that came with its headers is buffered at once; only one still arriving needs the timers.
            Task load = request.PoolsResponseBody ? PoolAsync(response, request, limit, cancellationToken) : response.Content.LoadIntoBufferAsync(limit);
            await (load.IsCompleted ? load : BodyArrivalAsync(load, response, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            response.Dispose();
            throw new OperationCanceledException(cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is null)
        {
            // What HttpContent throws when the body passes the limit it was given, with no cause of its own.
            response.Dispose();
            throw TooLarge(response, request, limit, ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException { InnerException: IOException })
        {
            // The connection broke, or closed before Content-Length: the pooled read throws the IOException itself,
            // HttpContent's own buffering wraps it.
            response.Dispose();
            throw new ApiBodyIncompleteException(
                response.StatusCode,
                ApiSecrets.ScrubOrNull(response.ReasonPhrase, request.Secrets),
                ApiSecrets.Scrub(HeadersOf(response), request.Secrets),
                request.Operation,
                ApiSecrets.Scrub(ex, request.Secrets));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static async Task PoolAsync(HttpResponseMessage response, ApiRequest request, long limit, CancellationToken cancellationToken) =>
        request.ResponseBody = await BufferedBody.ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);

    // Disposing the response is what stops a body that is still arriving: the caller's token or the deadline does it.
    private async Task BodyArrivalAsync(Task load, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using CancellationTokenSource? deadline = BodyDeadline(cancellationToken);
        using ((deadline?.Token ?? cancellationToken).Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
        {
            try
            {
                await load.ConfigureAwait(false);
            }
            catch (Exception ex) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                throw BodyTimedOut(ex);
            }
        }
    }

    /// <summary>
    /// The HttpClient's <see cref="HttpClient.Timeout"/> again, for a body read after its headers: HttpClient times
    /// only the wait for the headers of a response it hands over early, and a body that trickles must not hang the call.
    /// </summary>
    private CancellationTokenSource? BodyDeadline(CancellationToken cancellationToken)
    {
        TimeSpan timeout = _httpClient.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        return deadline;
    }

    // As HttpClient reports its own timeout: a cancellation whose cause is a TimeoutException.
    private TaskCanceledException BodyTimedOut(Exception inner) =>
        new($"The response body did not arrive within the HttpClient's Timeout of {_httpClient.Timeout.TotalSeconds} seconds after its headers.", new TimeoutException(inner.Message, inner));

    private static ApiException TooLarge(HttpResponseMessage response, ApiRequest request, long limit, Exception? inner) =>
        new ApiBodyTooLargeException(response.StatusCode, ApiSecrets.ScrubOrNull(response.ReasonPhrase, request.Secrets), ApiSecrets.Scrub(HeadersOf(response), request.Secrets), request.Operation, limit, inner);

    /// <summary>
    /// Reads at most <paramref name="maxLength"/> bytes of an error body and one more, as a stream, so that a huge
    /// error costs no more than the limit and the cut shows; the caller disposes the response, which drops the rest.
    /// </summary>
    internal static async Task<byte[]> ReadErrorBodyAsync(HttpContent? content, int maxLength, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }

        if (maxLength < 0)
        {
            return await ReadBytesAsync(content, cancellationToken).ConfigureAwait(false);
        }
#if NET
        using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        // Until the body holds one character more than the limit, which tells that it was longer. A read asks for no
        // more bytes than characters are still wanted, so an ASCII body is read to one byte past the limit; no
        // character takes more than 4 bytes, which bounds a body of bytes that start none.
        long most = Math.Min(4L * ((long)maxLength + 1), int.MaxValue - 64);
        byte[] buffer = new byte[(int)Math.Min(most, 16 * 1024)];
        int length = 0;
        long characters = 0;
        int missing = 0;
        while ((characters <= maxLength || missing > 0) && length < most)
        {
            if (length == buffer.Length)
            {
                // Doubling, but stopping once at one byte past the limit, where an ASCII body ends.
                long grown = Math.Min(most, 2L * buffer.Length);
                Array.Resize(ref buffer, (int)(length <= maxLength && grown > maxLength + 1L ? maxLength + 1L : grown));
            }

            // Past the limit, only the rest of a character the last read cut.
            long still = characters <= maxLength ? maxLength + 1 - characters : missing;
            int wanted = (int)Math.Min(buffer.Length - length, Math.Max(1, still));
            int read = await stream.ReadAsync(buffer, length, wanted, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            characters += Utf8Counts.Utf16Length(buffer.AsSpan(length, read));
            length += read;
            missing = Utf8Counts.MissingBytes(buffer.AsSpan(0, length));
        }

        if (length != buffer.Length)
        {
            Array.Resize(ref buffer, length);
        }

        return buffer;
    }

    /// <summary>Disposes the HttpClient if this connection created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(h => h.Value), StringComparer.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBytesAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Array.Empty<byte>();
        }
#if NET
        return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }
}
