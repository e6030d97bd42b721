using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace OpenApiClientGen.Runtime;

/// <summary>Reads the messages a server pushes over a WebSocket, each a JSON text message, as a stream of items.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebSocketMessages
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Opens a WebSocket for <paramref name="request"/> and reads each text message as JSON with <paramref name="codec"/>,
    /// until the server closes the socket.
    /// </summary>
    /// <remarks>
    /// The address is the request's URL against the connection's base address, with <c>http</c> turned into <c>ws</c>
    /// and <c>https</c> into <c>wss</c>; the path and query stay as they are. The request's headers, its credentials (in
    /// a header, the query or a cookie, as its security schemes say), the default headers and the user agent are sent
    /// with the handshake; a refused handshake throws <see cref="ApiException"/> with its
    /// status (on .NET 8 and later; on older frameworks, which do not report it, an <see cref="ApiStreamException"/>). Messages sent in several frames are put back together. A close with a normal status
    /// ends the stream; any other close, a broken connection, a binary message, malformed JSON or a silence longer than
    /// <see cref="ApiClientOptions.StreamIdleTimeout"/> throws <see cref="ApiStreamException"/>. Cancelling, or leaving
    /// the enumeration early, closes the socket.
    /// </remarks>
    /// <para>
    /// The <see cref="ApiCallOptions"/> in force when this is called apply: their headers and query parameters go with
    /// the handshake, and their timeout bounds it. With a listener, the stream has a span and the stream instruments
    /// of <see cref="ApiTelemetry"/>, as an event stream does.
    /// </para>
    public static IAsyncEnumerable<T> ReadJsonAsync<T>(
        ApiConnection connection,
        ApiRequest request,
        JsonConverter<T> codec,
        CancellationToken cancellationToken = default)
    {
        // A stream takes the per-call settings in force when its method is called, wherever it is enumerated.
        request.CallOptions ??= ApiCallOptions.Current;
        return ReadCoreAsync(connection, request, codec, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadCoreAsync<T>(
        ApiConnection connection,
        ApiRequest request,
        JsonConverter<T> codec,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string operation = request.Operation;
        Activity? activity = ApiTelemetry.Start(request);
        long started = ApiTelemetry.Timestamp(activity);
        int items = 0;
        TimeSpan? firstItem = null;
        string? outcome = null;
        using var socket = new ClientWebSocket();
        try
        {
            try
            {
                IReadOnlyList<ApiCredential> credentials = await ApiCredential.ResolveAsync(connection.Options, request.SecuritySchemes, previous: null, cancellationToken).ConfigureAwait(false);
                request.Credentials = credentials;
                request.HeaderSecrets = SecretHeaders.CarriedBy(connection.Options.DefaultHeaders, request.CallOptions?.Headers, clientHeaders: null);
                Uri address = Prepare(socket, connection, request, credentials);
                await ConnectAsync(socket, address, request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outcome = OutcomeOf(ex, cancellationToken);
                throw;
            }

            using var receiver = new MessageReceiver(socket, operation, connection.Options, cancellationToken);
            try
            {
                for (int index = 0; ; index++)
                {
                    T value;
                    try
                    {
                        if (!await receiver.ReceiveAsync(index).ConfigureAwait(false))
                        {
                            break;
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        value = Read(receiver, codec, index, request, connection.Options);
                    }
                    catch (Exception ex)
                    {
                        outcome = OutcomeOf(ex, cancellationToken);
                        throw;
                    }

                    if (++items == 1 && started != 0)
                    {
                        firstItem = ApiTelemetry.Elapsed(started);
                    }

                    yield return value;
                }

                outcome = "completed";
            }
            finally
            {
                await CloseAsync(socket).ConfigureAwait(false);
            }
        }
        finally
        {
            if (activity is not null || started != 0)
            {
                ApiTelemetry.StreamEnded(activity, request, items, firstItem, outcome ?? (cancellationToken.IsCancellationRequested ? "cancelled" : "abandoned"));
            }
        }
    }

    private static T Read<T>(MessageReceiver receiver, JsonConverter<T> codec, int index, ApiRequest request, ApiClientOptions options)
    {
        try
        {
            return JsonCodecs.Deserialize(receiver.Message, codec);
        }
        catch (JsonException ex)
        {
            string operation = request.Operation;
            throw new ApiStreamException(
                operation,
                ApiStreamFailure.MalformedEvent,
                ApiSecrets.Scrub($"{operation}: WebSocket message {index} is not valid {typeof(T).Name} JSON: {ex.Message}", request.Secrets),
                index,
                statusCode: HttpStatusCode.SwitchingProtocols,
                body: ApiException.BodyText(ApiSecrets.Scrub(receiver.Message.ToArray(), request.Secrets), options.MaxErrorBodyLength),
                innerException: ApiSecrets.Scrub(ex, request.Secrets));
        }
    }

    // How a stream that failed ended, as its span and instruments name it.
    private static string OutcomeOf(Exception failure, CancellationToken cancellationToken) => failure switch
    {
        ApiStreamException stream => stream.Failure.ToString(),
        OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
        ApiException api => ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => failure.GetType().Name,
    };

    private static Uri Prepare(ClientWebSocket socket, ApiConnection connection, ApiRequest request, IReadOnlyList<ApiCredential> credentials)
    {
        ApiCallOptions? call = request.CallOptions;
        using HttpRequestMessage message = request.ToHttpRequestMessage(connection.BaseAddress, credentials, call?.Query);
        if (connection.Options.UserAgent is { Length: > 0 } userAgent)
        {
            socket.Options.SetRequestHeader("User-Agent", ParameterFormatter.HeaderValue("User-Agent", userAgent));
        }

        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in message.Headers)
        {
            socket.Options.SetRequestHeader(header.Key, string.Join(",", header.Value));
            sent.Add(header.Key);
        }

        if (call is not null)
        {
            // A per-call header replaces the request's or the client's of that name.
            foreach (KeyValuePair<string, string> header in call.Headers)
            {
                socket.Options.SetRequestHeader(header.Key, ParameterFormatter.HeaderValue(header.Key, header.Value));
                sent.Add(header.Key);
            }
        }

        foreach (KeyValuePair<string, string> header in connection.Options.DefaultHeaders)
        {
            if (sent.Add(header.Key))
            {
                socket.Options.SetRequestHeader(header.Key, ParameterFormatter.HeaderValue(header.Key, header.Value));
            }
        }

#if NET
        socket.Options.CollectHttpResponseDetails = true;
#endif
        return ToWebSocketAddress(message.RequestUri!);
    }

    private static Uri ToWebSocketAddress(Uri address)
    {
        string url = address.OriginalString;
        string webSocketUrl = address.Scheme switch
        {
            "http" => "ws" + url.Substring("http".Length),
            "https" => "wss" + url.Substring("https".Length),
            "ws" or "wss" => url,
            _ => throw new InvalidOperationException($"A WebSocket cannot be opened to '{address}': the base address must be http, https, ws or wss."),
        };
#if NET
        // As in ApiRequest: every parameter is escaped already, so the path must not be canonicalized again.
        return new Uri(webSocketUrl, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        return new Uri(webSocketUrl, UriKind.Absolute);
#endif
    }

    private static async Task ConnectAsync(ClientWebSocket socket, Uri address, ApiRequest request, CancellationToken cancellationToken)
    {
        if (request.CallOptions?.Timeout is not { } timeout)
        {
            await ConnectAsync(socket, address, request.Operation, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await ConnectAsync(socket, address, request.Operation, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Operation} did not open within {timeout} (ApiCallOptions.Timeout).", ex);
        }
    }

    private static async Task ConnectAsync(ClientWebSocket socket, Uri address, string operation, CancellationToken cancellationToken)
    {
#if NET
        try
        {
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex) when (socket.HttpStatusCode is not (0 or HttpStatusCode.SwitchingProtocols))
        {
            // The server refused the upgrade with an HTTP status: the same failure as any other call's.
            throw new ApiException(socket.HttpStatusCode, null, null, socket.HttpResponseHeaders, operation, ex);
        }
        catch (WebSocketException ex)
        {
            // The server answered 101 but the upgrade is not a valid one (a wrong Sec-WebSocket-Accept, say), or the
            // connection failed before any status: still the API's own failure, with the status when there was one.
            throw new ApiStreamException(operation, ApiStreamFailure.Disconnected, $"{operation}: the WebSocket handshake failed: {ex.Message}", 0, statusCode: socket.HttpStatusCode, innerException: ex);
        }
#else
        try
        {
            await socket.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException ex)
        {
            // This framework does not say which status refused the upgrade; the failure is still the API's own type.
            throw new ApiStreamException(operation, ApiStreamFailure.Disconnected, $"{operation}: the WebSocket handshake failed: {ex.Message}", 0, statusCode: 0, innerException: ex);
        }
#endif
    }

    /// <summary>Answers the server's close, or starts one; a socket that cannot close politely in time is dropped.</summary>
    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Abort();
        }
    }

    /// <summary>Reads whole messages from the socket, frame after frame, and turns every way receiving fails into its exception.</summary>
    private sealed class MessageReceiver : IDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly string _operation;
        private readonly TimeSpan? _idleTimeout;
        private readonly TimeSpan? _firstItemTimeout;
        private readonly long _openedAt = Stopwatch.GetTimestamp();
        private readonly CancellationToken _cancellationToken;
        private readonly CancellationTokenSource _receives;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private readonly MemoryStream _message = new();
        private readonly int _maxMessageSize;

        public MessageReceiver(ClientWebSocket socket, string operation, ApiClientOptions options, CancellationToken cancellationToken)
        {
            _maxMessageSize = options.MaxMessageSize;
            _socket = socket;
            _operation = operation;
            _idleTimeout = options.StreamIdleTimeout;
            _firstItemTimeout = options.StreamFirstItemTimeout;
            _cancellationToken = cancellationToken;
            _receives = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The message last received, as UTF-8.</summary>
        public ReadOnlySpan<byte> Message => new(_message.GetBuffer(), 0, (int)_message.Length);

        /// <summary>Receives message <paramref name="index"/> into <see cref="Message"/>; false when the server closed the socket normally.</summary>
        public async Task<bool> ReceiveAsync(int index)
        {
            _message.SetLength(0);
            WebSocketReceiveResult result;
            do
            {
                result = await ReceiveFrameAsync(index).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (result.CloseStatus is WebSocketCloseStatus.NormalClosure or null)
                    {
                        return false;
                    }

                    throw Failure(ApiStreamFailure.Truncated, index, $"the server closed the WebSocket after {ApiStreamException.Count(index, "message")} with status {(int)result.CloseStatus} ({result.CloseStatus}): {result.CloseStatusDescription}");
                }

                if (_message.Length + result.Count > _maxMessageSize)
                {
                    throw Failure(ApiStreamFailure.TooLarge, index, $"WebSocket message {index} grew past {_maxMessageSize} bytes, the client's MaxMessageSize, before its end; the WebSocket was given up.");
                }

                _message.Write(_buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType != WebSocketMessageType.Text)
            {
                throw Failure(ApiStreamFailure.MalformedEvent, index, $"WebSocket message {index} is {result.MessageType}; a JSON text message was expected.");
            }

            return true;
        }

        public void Dispose() => _receives.Dispose();

        private async Task<WebSocketReceiveResult> ReceiveFrameAsync(int index)
        {
            // Before the first message only the first-message deadline counts, as for event streams.
            TimeSpan? wait = index == 0 && _firstItemTimeout is { } first ? Max(first - ApiTelemetry.Elapsed(_openedAt), TimeSpan.Zero) : _idleTimeout;
            if (wait is { } limit)
            {
                _receives.CancelAfter(limit);
            }

            try
            {
                return await _socket.ReceiveAsync(new ArraySegment<byte>(_buffer), _receives.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // The caller's own cancellation is no failure of the stream: it surfaces as itself.
                _cancellationToken.ThrowIfCancellationRequested();
                if (_receives.IsCancellationRequested)
                {
                    throw index == 0 && _firstItemTimeout is not null
                        ? Failure(ApiStreamFailure.FirstItemTimeout, index, $"the server sent no message within {_firstItemTimeout} of the handshake (ApiClientOptions.StreamFirstItemTimeout), so the WebSocket was given up.", ex)
                        : Failure(ApiStreamFailure.IdleTimeout, index, $"the server sent nothing for {_idleTimeout} after {ApiStreamException.Count(index, "message")} (ApiClientOptions.StreamIdleTimeout), so the WebSocket was given up.", ex);
                }

                if (ex is OperationCanceledException)
                {
                    throw;
                }

                throw Failure(ApiStreamFailure.Disconnected, index, $"the WebSocket connection broke after {ApiStreamException.Count(index, "message")}: {ex.Message}", ex);
            }
            finally
            {
                _receives.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private ApiStreamException Failure(ApiStreamFailure failure, int index, string what, Exception? inner = null) =>
            new(_operation, failure, _operation + ": " + what, index, statusCode: HttpStatusCode.SwitchingProtocols, innerException: inner);
    }
}
