using System.Buffers;

namespace OpenApiClientGen.Runtime;

/// <summary>How the JSON texts of a sequential JSON body are told apart.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonSequenceFraming
{
    /// <summary>
    /// One JSON text per line, ended by LF (a CR before it is ignored): <c>application/x-ndjson</c>,
    /// <c>application/jsonl</c>, <c>application/x-json-stream</c>.
    /// </summary>
    Lines,

    /// <summary>
    /// Each JSON text starts with the record separator U+001E and ends with LF, as RFC 7464 sets for
    /// <c>application/json-seq</c>; a text may span lines.
    /// </summary>
    RecordSeparated,
}

/// <summary>
/// Sends a streaming request and reads its sequential JSON body (NDJSON, JSON Lines, JSON text sequences), one item
/// per JSON text, as it arrives.
/// </summary>
/// <remarks>
/// The body is split in a buffer that holds at most one item beyond what has been read, never the whole body. Blank
/// lines are skipped. A text that is not valid JSON for the item type, a body that ends inside a text, an item larger
/// than <see cref="ApiClientOptions.MaxEventSize"/> and a server that goes quiet for longer than
/// <see cref="ApiClientOptions.StreamIdleTimeout"/> are each an <see cref="ApiStreamException"/>. A server that answers
/// with <c>text/event-stream</c> instead (Cohere's chat, when its <c>Accepts</c> header asks for it) is read as events,
/// each event's data one item, by the event stream's rules.
/// </remarks>
internal static class JsonSequenceStream
{
    public static IAsyncEnumerable<T> ReadAsync<T>(
        ApiConnection connection,
        ApiRequest request,
        JsonConverter<T> codec,
        JsonSequenceFraming framing,
        CancellationToken cancellationToken) => new Items<T>(connection, request, codec, framing, cancellationToken);

    /// <summary>Each enumeration sends the request anew, as an iterator method would.</summary>
    private sealed class Items<T>(ApiConnection connection, ApiRequest request, JsonConverter<T> codec, JsonSequenceFraming framing, CancellationToken cancellationToken)
        : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken enumeratorCancellation = default) =>
            new Enumerator<T>(new StreamSession(connection, request, cancellationToken, enumeratorCancellation, "item"), codec, framing);
    }

    /// <summary>
    /// Reads one response. Written by hand rather than as an iterator method so that an item already in the buffer is
    /// handed over without a suspension: <see cref="MoveNextAsync"/> completes synchronously whenever one is there.
    /// </summary>
    private sealed class Enumerator<T> : IAsyncEnumerator<T>
    {
        private const byte LF = (byte)'\n';
        private const byte RecordSeparator = 0x1E;
        private const int FirstBufferSize = 16 * 1024;

        // The sequential media types of OpenAPI 3.2 and the names servers use for them; a JSON answer is not one of
        // them: it is what a server sends when it did not see a stream request.
        private static readonly string[] ReadableMediaTypes =
        {
            "application/x-ndjson", "application/jsonl", "application/json-seq", "application/x-json-stream",
            "application/x-jsonlines", "application/jsonlines", "application/stream+json",
            SseEventStream.EventStreamMediaType,
        };

        private readonly StreamSession _session;
        private readonly JsonConverter<T> _codec;
        private readonly JsonSequenceFraming _framing;
        private readonly byte _separator;
        private readonly int _maxItemSize;
        private Stream? _body;
        private byte[]? _buffer;

        // _buffer[_start.._end] is read but not yet handed over; no separator lies in _buffer[_start.._scanned].
        private int _start;
        private int _scanned;
        private int _end;
        private int _index;
        private bool _ended;

        public Enumerator(StreamSession session, JsonConverter<T> codec, JsonSequenceFraming framing)
        {
            _session = session;
            _codec = codec;
            _framing = framing;
            _separator = framing == JsonSequenceFraming.RecordSeparated ? RecordSeparator : LF;
            _maxItemSize = session.Options.MaxEventSize;
        }

        // Set when the server answered with events (Cohere's chat does, given its Accepts header): each event's data is
        // an item, and the event stream's own rules hold for its end.
        private IAsyncEnumerator<T>? _events;
        private T _current = default!;

        public T Current => _events is null ? _current : _events.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            if (_events is not null)
            {
                return _events.MoveNextAsync();
            }

            if (_ended)
            {
                return new ValueTask<bool>(false);
            }

            if (_body is null)
            {
                return new ValueTask<bool>(StartAsync());
            }

            try
            {
                // An item already buffered is not handed over once the caller has cancelled.
                _session.Cancellation.ThrowIfCancellationRequested();
                return TakeBuffered() ? new ValueTask<bool>(true) : new ValueTask<bool>(ReadMoreAsync());
            }
            catch (Exception ex)
            {
                End();
#if NET
                return ValueTask.FromException<bool>(ex);
#else
                return new ValueTask<bool>(Task.FromException<bool>(ex));
#endif
            }
        }

        public ValueTask DisposeAsync()
        {
            if (_events is not null)
            {
                _ended = true;
                return _events.DisposeAsync();
            }

            _ended = true;
            ReleaseBody();
            _session.Dispose();
            return default;
        }

        private async Task<bool> StartAsync()
        {
            Stream body;
            try
            {
                body = await _session.OpenAsync(_framing == JsonSequenceFraming.RecordSeparated ? "application/json-seq" : "application/x-ndjson", ReadableMediaTypes).ConfigureAwait(false);
                if (!string.Equals(_session.AnsweredMediaType, SseEventStream.EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    _body = body;
                    _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
                }
            }
            catch
            {
                End();
                throw;
            }

            if (_body is null)
            {
                // The events' reader owns the body and the session from here on, and ends them itself.
                _events = SseEventStream.Adopt(_session, body, SseEventReader.Json(_codec));
                return await _events.MoveNextAsync().ConfigureAwait(false);
            }

            return await ReadMoreAsync().ConfigureAwait(false);
        }

        private async Task<bool> ReadMoreAsync()
        {
            try
            {
                while (true)
                {
                    MakeRoom();
                    int read;
                    try
                    {
                        read = await _session.ReadAsync(_body!, _buffer!, _end, _buffer!.Length - _end).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        Exception failure = _session.ReadFailure(ex, _index);
                        if (ReferenceEquals(failure, ex))
                        {
                            throw;
                        }

                        throw failure;
                    }

                    if (read == 0)
                    {
                        return TakeLast();
                    }

                    _end += read;
                    if (TakeBuffered())
                    {
                        return true;
                    }
                }
            }
            catch
            {
                End();
                throw;
            }
        }

        /// <summary>Hands over the next complete item in the buffer, skipping blank ones; false when none is complete yet.</summary>
        private bool TakeBuffered()
        {
            while (true)
            {
                int found = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf(_separator);
                if (found < 0)
                {
                    _scanned = _end;
                    if (_end - _start > _maxItemSize)
                    {
                        throw _session.Failure(ApiStreamFailure.TooLarge, _index, $"item {_index} is larger than the {_maxItemSize}-byte limit (ApiClientOptions.MaxEventSize), so the stream was given up.");
                    }

                    return _framing == JsonSequenceFraming.RecordSeparated && TakeFinishedRecord();
                }

                int separator = _scanned + found;
                ReadOnlySpan<byte> text = Trim(_buffer.AsSpan(_start, separator - _start));
                _start = separator + 1;
                _scanned = _start;
                if (text.Length > _maxItemSize)
                {
                    throw _session.Failure(ApiStreamFailure.TooLarge, _index, $"item {_index} is larger than the {_maxItemSize}-byte limit (ApiClientOptions.MaxEventSize), so the stream was given up.");
                }

                if (!text.IsEmpty)
                {
                    _current = Parse(text);
                    _index++;
                    _session.ItemRead();
                    return true;
                }
            }
        }

        /// <summary>
        /// A JSON text sequence has no separator after its last record, so a record is also over when what is buffered
        /// ends with LF right after a whole JSON value: the item need not wait for the next record to start.
        /// </summary>
        private bool TakeFinishedRecord()
        {
            if (_end == _start || _buffer![_end - 1] != LF)
            {
                return false;
            }

            ReadOnlySpan<byte> text = Trim(_buffer.AsSpan(_start, _end - _start));
            if (text.IsEmpty || !IsWholeValue(text))
            {
                return false;
            }

            _start = _end;
            _scanned = _end;
            _current = Parse(text);
            _index++;
            _session.ItemRead();
            return true;
        }

        /// <summary>The body has ended: what is left must be blank, or (for a JSON text sequence) a whole last record.</summary>
        private bool TakeLast()
        {
            ReadOnlySpan<byte> text = Trim(_buffer.AsSpan(_start, _end - _start));
            if (text.IsEmpty)
            {
                End();
                return false;
            }

            // RFC 7464 ends every record with LF, as NDJSON ends every line, so a text without it may have been cut short.
            throw _session.Failure(ApiStreamFailure.Truncated, _index, $"the server closed the stream in the middle of item {_index}, before the line break that ends it.");
        }

        private T Parse(ReadOnlySpan<byte> text)
        {
            try
            {
                return JsonCodecs.Deserialize(text, _codec);
            }
            catch (JsonException ex)
            {
                throw _session.Malformed(_index, null, $"item {_index} is not valid {typeof(T).Name} JSON: {ex.Message}", JsonCodecs.Utf8ToString(text), ex);
            }
        }

        // Whether the text holds one whole JSON value; a malformed one counts as whole, so that it is reported at once.
        private static bool IsWholeValue(ReadOnlySpan<byte> text)
        {
            var reader = new Utf8JsonReader(text, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256 }));
            try
            {
                return reader.Read() && reader.TrySkip();
            }
            catch (JsonException)
            {
                return true;
            }
        }

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
        {
            int start = 0;
            while (start < text.Length && IsSpace(text[start]))
            {
                start++;
            }

            int end = text.Length;
            while (end > start && IsSpace(text[end - 1]))
            {
                end--;
            }

            return text.Slice(start, end - start);
        }

        private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

        /// <summary>Moves the unfinished item to the front of the buffer, and grows the buffer when the item fills it.</summary>
        private void MakeRoom()
        {
            byte[] buffer = _buffer!;
            if (_start > 0 && (_end == buffer.Length || _start == _end))
            {
                int pending = _end - _start;
                Buffer.BlockCopy(buffer, _start, buffer, 0, pending);
                _scanned -= _start;
                _end = pending;
                _start = 0;
            }

            if (_end == buffer.Length)
            {
                // Growing past the limit is never needed: an item that long fails before the next read.
                byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)_maxItemSize + 2));
                Buffer.BlockCopy(buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(buffer);
                _buffer = larger;
            }
        }

        /// <summary>The stream is over (its end or a failure): later moves return false and the response goes at once.</summary>
        private void End()
        {
            _ended = true;
            ReleaseBody();
            _session.Release();
        }

        private void ReleaseBody()
        {
            _body?.Dispose();
            if (_buffer is { } buffer)
            {
                _buffer = null;
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
