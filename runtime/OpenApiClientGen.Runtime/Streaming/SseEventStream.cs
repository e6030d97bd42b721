namespace OpenApiClientGen.Runtime;

/// <summary>Sends a streaming request and reads its <c>text/event-stream</c> body, one item per event, as it arrives.</summary>
/// <remarks>
/// The response is read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so <see cref="HttpClient.Timeout"/>
/// bounds only the wait for the response headers, never the length of a healthy stream; a stream that goes quiet is
/// bounded by <see cref="ApiClientOptions.StreamIdleTimeout"/> instead.
/// <para>
/// Leaving the enumeration early, cancelling it, reaching the sentinel or failing all dispose the response at once.
/// What happens to the connection then is the handler's choice: a cancelled or timed-out read makes
/// <c>SocketsHttpHandler</c> close it at once, while a response disposed between reads is drained for reuse, for
/// at most <c>SocketsHttpHandler.ResponseDrainTimeout</c> (2 seconds by default) before the connection is closed.
/// </para>
/// </remarks>
internal static class SseEventStream
{
    public static IAsyncEnumerable<TEvent> ReadAsync<TEvent>(
        ApiConnection connection,
        ApiRequest request,
        SseEventReader<TEvent> reader,
        CancellationToken cancellationToken) => new Events<TEvent>(connection, request, reader, cancellationToken);

    /// <summary>Each enumeration sends the request anew, as an iterator method would.</summary>
    private sealed class Events<TEvent>(ApiConnection connection, ApiRequest request, SseEventReader<TEvent> reader, CancellationToken cancellationToken)
        : IAsyncEnumerable<TEvent>
    {
        public IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default) =>
            new Enumerator<TEvent>(new StreamSession(connection, request, cancellationToken, enumeratorCancellation, "event"), reader);
    }

    internal const string EventStreamMediaType = "text/event-stream";

    /// <summary>
    /// Reads the events of a body <paramref name="session"/> has already opened, as another reader's stream that the
    /// server answered with events instead.
    /// </summary>
    internal static IAsyncEnumerator<TEvent> Adopt<TEvent>(StreamSession session, Stream body, SseEventReader<TEvent> reader)
    {
        var events = new Enumerator<TEvent>(session, reader);
        events.Adopt(body);
        return events;
    }

    /// <summary>
    /// Reads one response. Written by hand rather than as an iterator method so that an event the parser already holds
    /// is handed over without a suspension: <see cref="MoveNextAsync"/> completes synchronously whenever the parser does.
    /// </summary>
    private sealed class Enumerator<TEvent> : IAsyncEnumerator<TEvent>
    {
        private static readonly string[] ReadableMediaTypes = { EventStreamMediaType };

        private readonly StreamSession _session;
        private readonly SseEventReader<TEvent> _reader;
        private Stream? _body;
        private SseEventParser<TEvent>? _parser;
        private int _index;
        private SseEventFields? _fields;
        private bool _ended;

        public Enumerator(StreamSession session, SseEventReader<TEvent> reader)
        {
            _session = session;
            _reader = reader;
        }

        public TEvent Current { get; private set; } = default!;

        public void Adopt(Stream body)
        {
            _body = body;
            _parser = new SseEventParser<TEvent>(_session, body, _reader, _session.Options.MaxEventSize);
        }

        public ValueTask<bool> MoveNextAsync()
        {
            if (_ended)
            {
                return new ValueTask<bool>(false);
            }

            // Events the parser has already read would otherwise keep coming after the caller cancelled.
            if (_session.Cancellation.IsCancellationRequested)
            {
                End();
                return new ValueTask<bool>(Task.FromCanceled<bool>(_session.Cancellation));
            }

            if (_parser is null)
            {
                return StartAsync();
            }

            try
            {
                ValueTask<bool> next = _parser.MoveNextAsync();
                return next.IsCompletedSuccessfully ? new ValueTask<bool>(Moved(next.Result)) : AwaitAsync(next);
            }
            catch (Exception ex)
            {
                return Faulted(ex);
            }
        }

        public ValueTask DisposeAsync()
        {
            _ended = true;
            Release();
            _session.Dispose();
            return default;
        }

        private async ValueTask<bool> StartAsync()
        {
            try
            {
                _body = await _session.OpenAsync(EventStreamMediaType, ReadableMediaTypes).ConfigureAwait(false);
                _parser = new SseEventParser<TEvent>(_session, _body, _reader, _session.Options.MaxEventSize);
            }
            catch
            {
                End();
                throw;
            }

            return await AwaitAsync(_parser.MoveNextAsync()).ConfigureAwait(false);
        }

        private async ValueTask<bool> AwaitAsync(ValueTask<bool> next)
        {
            bool moved;
            try
            {
                moved = await next.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                End();
                Exception failure = ReadFailure(ex);
                if (ReferenceEquals(failure, ex))
                {
                    throw;
                }

                throw failure;
            }

            return Moved(moved);
        }

        private ValueTask<bool> Faulted(Exception ex)
        {
            End();
            Exception failure = ReadFailure(ex);
#if NET
            return ValueTask.FromException<bool>(failure);
#else
            return new ValueTask<bool>(Task.FromException<bool>(failure));
#endif
        }

        /// <summary>Takes the parser's next event, or its end; throws when either is a failure of the stream.</summary>
        private bool Moved(bool moved)
        {
            if (!moved)
            {
                End();
                if (_parser!.EndsInsideEvent)
                {
                    throw Failure(ApiStreamFailure.Truncated, $"the server closed the stream in the middle of event {_index}, before the empty line that completes it.");
                }

                if (_reader.SentinelRequired)
                {
                    throw Failure(ApiStreamFailure.Truncated, $"the server closed the stream after {ApiStreamException.Count(_index, "event")} without sending '{_reader.Sentinel}', which marks its end.");
                }

                return false;
            }

            SseEventParser<TEvent> parser = _parser!;
            ParsedEvent<TEvent> parsed = parser.Current;
            if (parsed.IsSentinel)
            {
                End();
                return false;
            }

            _fields = SseEventFields.Reuse(_fields, parser.CurrentEventType, parser.CurrentEventId, parser.LastEventId, parser.CurrentRetry);
            var info = new SseItemInfo(_fields, _index);
            if (parsed.Failure is not null)
            {
                End();
                throw Malformed(info, parsed.Decoder, parsed.Failure, parsed.FailedData);
            }

            try
            {
                // A text event's item may read JSON from the text itself (a contentSchema payload), so this can fail too.
                Current = parsed.Decoder.Create(info, parsed.Payload);
            }
            catch (JsonException ex)
            {
                End();
                throw Malformed(info, parsed.Decoder, ex, parsed.Payload as string ?? "");
            }

            _index++;
            _session.ItemRead();
            return true;
        }

        /// <summary>What a failed read means, as for every stream; an event over the size limit is this reader's own failure.</summary>
        private Exception ReadFailure(Exception ex)
        {
            if (ex is SseEventTooLargeException tooLarge && !_session.Cancellation.IsCancellationRequested)
            {
                return Failure(ApiStreamFailure.TooLarge, $"event {_index} {tooLarge.Message}; the stream was given up.", ex);
            }

            return _session.ReadFailure(ex, _index);
        }

        private ApiStreamException Malformed(SseItemInfo info, SseEventDecoder<TEvent> decoder, JsonException failure, string? data) =>
            _session.Malformed(info.Index, info.EventType, $"event {info.Index} ('{info.EventType}') is not valid {decoder.PayloadName} JSON: {failure.Message}", data ?? "", failure);

        private ApiStreamException Failure(ApiStreamFailure failure, string what, Exception? inner = null) => _session.Failure(failure, _index, what, inner);

        /// <summary>The stream is over (its end, the sentinel or a failure): later moves return false and the response goes at once.</summary>
        private void End()
        {
            _ended = true;
            Release();
        }

        // Disposing the response aborts a body still being received, which frees the connection.
        private void Release()
        {
            _parser?.Dispose();
            _body?.Dispose();
            _session.Release();
        }
    }
}

/// <summary>
/// One event as the parser hands it over: its data already read by the decoder its name picks, or the failure and
/// the data text when the data is malformed, or the sentinel.
/// </summary>
internal readonly struct ParsedEvent<TEvent>
{
    private ParsedEvent(SseEventDecoder<TEvent> decoder, object? payload, JsonException? failure, string? failedData, bool isSentinel)
    {
        Decoder = decoder;
        Payload = payload;
        Failure = failure;
        FailedData = failedData;
        IsSentinel = isSentinel;
    }

    public SseEventDecoder<TEvent> Decoder { get; }

    public object? Payload { get; }

    public JsonException? Failure { get; }

    public string? FailedData { get; }

    public bool IsSentinel { get; }

    // Runs inside the parser, while it still holds the data; nothing may throw from here, or the event's position is lost.
    public static ParsedEvent<TEvent> Parse(SseEventReader<TEvent> reader, string eventType, ReadOnlySpan<byte> data)
    {
        SseEventDecoder<TEvent> decoder = reader.DecoderFor(eventType);
        if (reader.IsSentinel(data))
        {
            return new ParsedEvent<TEvent>(decoder, null, null, null, isSentinel: true);
        }

        try
        {
            return new ParsedEvent<TEvent>(decoder, decoder.Parse(data), null, null, isSentinel: false);
        }
        catch (JsonException ex)
        {
            return new ParsedEvent<TEvent>(decoder, null, ex, JsonCodecs.Utf8ToString(data), isSentinel: false);
        }
    }
}
