using System.Buffers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads a <c>text/event-stream</c> body into events, as the WHATWG event-stream rules say, with the limits and
/// the end-of-stream check the runtime promises.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>Lines end in CR, LF or CRLF, wherever the network cuts them; a byte order mark first is skipped.
/// A line that begins with <c>:</c> is a comment. <c>event</c>, <c>data</c>, <c>id</c> (without NUL) and
/// <c>retry</c> (digits only) are read; other fields are ignored. An empty line ends an event, which is handed over
/// when it has a <c>data</c> field.</description></item>
/// <item><description>The rules discard an event the end of the stream cuts off before its empty line, so a stream cut
/// mid-event would look like a normal end: <see cref="EndsInsideEvent"/> says whether the bytes stopped inside one
/// (a line that is not a comment has begun since the last empty line).</description></item>
/// <item><description>The bytes since the last empty line never reach <see cref="ApiClientOptions.MaxEventSize"/>: a read
/// never asks for more than the limit leaves, and reaching it throws <see cref="SseEventTooLargeException"/>. Buffers
/// up to 1 MiB come from the shared pool; larger ones are the parser's own and are dropped as it grows, so the pool
/// never keeps them.</description></item>
/// <item><description>An event whose only data line is already whole in the read buffer is handed over from there,
/// without a copy.</description></item>
/// </list>
/// </remarks>
internal sealed class SseEventParser<TEvent> : IDisposable
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const int FirstBufferSize = 8 * 1024;
    private const int LargestPooledBuffer = 1024 * 1024;
    private const string DefaultEventType = "message";

    private readonly StreamSession _session;
    private readonly Stream _body;
    private readonly SseEventReader<TEvent> _reader;
    private readonly long _maxEventSize;

    private byte[] _buffer;
    private int _start;
    private int _end;

    // Where the search for the open line's end goes on: the bytes before it hold none.
    private int _searched;
    private bool _endOfStream;
    private bool _skipLineFeed;
    private bool _bomChecked;

    // The bytes of lines read since the last empty line, terminators included.
    private long _eventBytes;

    // The data so far: copied here, or (for a first data line still in the read buffer) where it lies there.
    private byte[]? _data;
    private int _dataLength;
    private bool _hasData;
    private int _lineDataStart = -1;
    private int _lineDataLength;

    private string? _eventType;
    private string? _eventId;
    private TimeSpan? _retry;
    private string _lastEventType = DefaultEventType;
    private byte[] _lastEventTypeBytes = Encoding.UTF8.GetBytes(DefaultEventType);

    public SseEventParser(StreamSession session, Stream body, SseEventReader<TEvent> reader, long maxEventSize)
    {
        _session = session;
        _body = body;
        _reader = reader;
        _maxEventSize = maxEventSize;
        _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    }

    /// <summary>Whether the bytes read so far end with an event that is missing its closing empty line.</summary>
    public bool EndsInsideEvent { get; private set; }

    /// <summary>The last <c>id</c> the stream set, empty when none did.</summary>
    public string LastEventId { get; private set; } = "";

    /// <summary>The event <see cref="MoveNextAsync"/> last read.</summary>
    public ParsedEvent<TEvent> Current { get; private set; }

    /// <summary>The name of the event <see cref="MoveNextAsync"/> last read.</summary>
    public string CurrentEventType { get; private set; } = DefaultEventType;

    /// <summary>The <c>id</c> field of the event last read, or null.</summary>
    public string? CurrentEventId { get; private set; }

    /// <summary>The <c>retry</c> field of the event last read, or null.</summary>
    public TimeSpan? CurrentRetry { get; private set; }

    /// <summary>Reads the next event; completes synchronously when it is already in the buffer.</summary>
    public ValueTask<bool> MoveNextAsync()
    {
        if (TryReadEvent())
        {
            return new ValueTask<bool>(true);
        }

        return _endOfStream ? new ValueTask<bool>(false) : ReadMoreAsync();
    }

    public void Dispose()
    {
        Return(_buffer);
        _buffer = Array.Empty<byte>();
        if (_data is not null)
        {
            Return(_data);
            _data = null;
        }

        _start = _end = _searched = 0;
        _lineDataStart = -1;
    }

    private async ValueTask<bool> ReadMoreAsync()
    {
        while (true)
        {
            await FillAsync().ConfigureAwait(false);
            if (TryReadEvent())
            {
                return true;
            }

            if (_endOfStream)
            {
                return false;
            }
        }
    }

    /// <summary>Reads more bytes after the line that is not whole yet, making room for them first.</summary>
    private async ValueTask FillAsync()
    {
        // The open line is all that is left; the bytes of the event so far include it.
        long open = _eventBytes + (_end - _start);
        if (open >= _maxEventSize)
        {
            throw new SseEventTooLargeException(_maxEventSize);
        }

        KeepLineData();
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _searched -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            int size = (int)Math.Min(Math.Min((long)_buffer.Length * 2, _maxEventSize), int.MaxValue - 64);
            _buffer = Grow(_buffer, _end, Math.Max(size, _end + 1));
        }

        int budget = (int)Math.Max(1, Math.Min(_buffer.Length - _end, _maxEventSize - open));
        int read = await _session.ReadAsync(_body, _buffer, _end, budget).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        _end += read;
    }

    /// <summary>Reads the whole lines in the buffer until one ends an event with data.</summary>
    private bool TryReadEvent()
    {
        if (!_bomChecked && !SkipByteOrderMark())
        {
            return false;
        }

        while (true)
        {
            if (_skipLineFeed && _start < _end)
            {
                _skipLineFeed = false;
                if (_buffer[_start] == LF)
                {
                    _start++;
                    _eventBytes++;
                }
            }

            ReadOnlySpan<byte> rest = _buffer.AsSpan(_start, _end - _start);
            int searched = Math.Max(_searched - _start, 0);
            int lineEnd = rest.Slice(searched).IndexOfAny(CR, LF);
            if (lineEnd < 0)
            {
                _searched = _end;
                if (_endOfStream && !rest.IsEmpty && rest[0] != (byte)':')
                {
                    // The rules drop a last line without its line end; it still left an event open.
                    EndsInsideEvent = true;
                }

                return false;
            }

            lineEnd += searched;
            int lineStart = _start;
            int terminator = 1;
            if (rest[lineEnd] == CR)
            {
                if (lineEnd + 1 < rest.Length)
                {
                    terminator = rest[lineEnd + 1] == LF ? 2 : 1;
                }
                else
                {
                    _skipLineFeed = true;
                }
            }

            _start += lineEnd + terminator;
            if (lineEnd == 0)
            {
                _eventBytes = 0;
                EndsInsideEvent = false;
                if (Dispatch())
                {
                    return true;
                }

                continue;
            }

            _eventBytes += lineEnd + terminator;
            if (_eventBytes >= _maxEventSize)
            {
                throw new SseEventTooLargeException(_maxEventSize);
            }

            ReadLine(lineStart, lineEnd);
        }
    }

    private bool SkipByteOrderMark()
    {
        ReadOnlySpan<byte> bom = "\uFEFF"u8;
        int available = _end - _start;
        int compared = Math.Min(available, bom.Length);
        if (!_buffer.AsSpan(_start, compared).SequenceEqual(bom.Slice(0, compared)))
        {
            _bomChecked = true;
            return true;
        }

        if (compared < bom.Length && !_endOfStream)
        {
            return false;
        }

        _bomChecked = true;
        _start += compared;
        return true;
    }

    private void ReadLine(int start, int length)
    {
        ReadOnlySpan<byte> line = _buffer.AsSpan(start, length);
        if (line[0] == (byte)':')
        {
            return;
        }

        EndsInsideEvent = true;
        int colon = line.IndexOf((byte)':');
        ReadOnlySpan<byte> field = colon < 0 ? line : line.Slice(0, colon);
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == (byte)' ')
        {
            valueStart++;
        }

        ReadOnlySpan<byte> value = line.Slice(valueStart);
        if (field.SequenceEqual("data"u8))
        {
            AddData(start + valueStart, value.Length);
        }
        else if (field.SequenceEqual("event"u8))
        {
            _eventType = EventType(value);
        }
        else if (field.SequenceEqual("id"u8))
        {
            if (value.IndexOf((byte)0) < 0)
            {
                _eventId = JsonCodecs.Utf8ToString(value);
                LastEventId = _eventId;
            }
        }
        else if (field.SequenceEqual("retry"u8))
        {
            _retry = Milliseconds(value) ?? _retry;
        }
    }

    /// <summary>Adds one data line; the first stays where it is in the read buffer until another comes or the buffer moves.</summary>
    private void AddData(int start, int length)
    {
        if (!_hasData)
        {
            _hasData = true;
            _lineDataStart = start;
            _lineDataLength = length;
            return;
        }

        KeepLineData();
        Append("\n"u8);
        Append(_buffer.AsSpan(start, length));
    }

    private void KeepLineData()
    {
        if (_lineDataStart < 0)
        {
            return;
        }

        int start = _lineDataStart;
        _lineDataStart = -1;
        Append(_buffer.AsSpan(start, _lineDataLength));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        int needed = _dataLength + bytes.Length;
        if (_data is null || needed > _data.Length)
        {
            long doubled = _data is null ? FirstBufferSize : (long)_data.Length * 2;
            int size = (int)Math.Max(needed, Math.Min(doubled, Math.Min(_maxEventSize, int.MaxValue - 64)));
            _data = _data is null ? Rent(size) : Grow(_data, _dataLength, size);
        }

        bytes.CopyTo(_data.AsSpan(_dataLength));
        _dataLength = needed;
    }

    /// <summary>Ends the event at an empty line: true when it had data and is now <see cref="Current"/>.</summary>
    private bool Dispatch()
    {
        bool hasData = _hasData;
        if (hasData)
        {
            ReadOnlySpan<byte> data = _lineDataStart >= 0 ? _buffer.AsSpan(_lineDataStart, _lineDataLength) : _data.AsSpan(0, _dataLength);
            CurrentEventType = _eventType ?? DefaultEventType;
            CurrentEventId = _eventId;
            CurrentRetry = _retry;
            Current = ParsedEvent<TEvent>.Parse(_reader, CurrentEventType, data);
        }

        // An empty line without data ends nothing: the name, id and retry so far wait for the next event, as
        // System.Net.ServerSentEvents has it.
        if (hasData)
        {
            _hasData = false;
            _dataLength = 0;
            _lineDataStart = -1;
            _eventType = null;
            _eventId = null;
            _retry = null;
        }

        return hasData;
    }

    // Streams name a handful of event types over and over: the last name is kept and its string reused.
    private string EventType(ReadOnlySpan<byte> value)
    {
        if (!value.SequenceEqual(_lastEventTypeBytes))
        {
            _lastEventTypeBytes = value.ToArray();
            _lastEventType = JsonCodecs.Utf8ToString(value);
        }

        return _lastEventType;
    }

    private static TimeSpan? Milliseconds(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 15)
        {
            return null;
        }

        long total = 0;
        foreach (byte digit in value)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return null;
            }

            total = (total * 10) + (digit - '0');
        }

        return TimeSpan.FromMilliseconds(total);
    }

    private static byte[] Rent(int size) => size <= LargestPooledBuffer ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    private static byte[] Grow(byte[] old, int keep, int size)
    {
        byte[] grown = Rent(size);
        Buffer.BlockCopy(old, 0, grown, 0, keep);
        Return(old);
        return grown;
    }

    // Only what came from the pool goes back to it: a large buffer is dropped, so nothing keeps it once it is replaced.
    private static void Return(byte[] array)
    {
        if (array.Length is > 0 and <= LargestPooledBuffer)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

/// <summary>An event reached the client's <see cref="ApiClientOptions.MaxEventSize"/> before its empty line.</summary>
internal sealed class SseEventTooLargeException(long limit) : IOException($"reached {limit} bytes, the client's MaxEventSize, before its end")
{
    public long Limit { get; } = limit;
}
