using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// The response body on its way to <c>SseParser</c>: it remembers whether the bytes so far stop inside an event, and
/// gives up on a read that waits longer than the idle timeout.
/// </summary>
/// <remarks>
/// <c>SseParser</c> follows the WHATWG rule and silently discards an event that the end of the stream cuts off before
/// its blank line, so a stream cut mid-event would look like a normal end. This stream does not parse events: it only
/// follows line breaks (CR, LF or CRLF) far enough to know whether a data or field line is still waiting for the empty
/// line that completes its event. Comment lines (<c>:</c>...) never leave an event open.
/// </remarks>
internal sealed class SseBoundaryStream : Stream
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';

    private readonly Stream _inner;
    private readonly CancellationTokenSource? _idle;
    private readonly TimeSpan _idleTimeout;
    private readonly long _maxEventSize;
    private long _eventBytes;
    private byte _previous;
    private bool _atLineStart = true;
    private bool _inComment;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The response body.</param>
    /// <param name="idle">Cancelled when a read waits longer than <paramref name="idleTimeout"/>; its token must be the one reads are given.</param>
    /// <param name="idleTimeout">The longest wait for the next bytes.</param>
    /// <param name="maxEventSize">The most bytes one event may take before its empty line; a read past it throws <see cref="SseEventTooLargeException"/>.</param>
    public SseBoundaryStream(Stream inner, CancellationTokenSource? idle, TimeSpan idleTimeout, long maxEventSize = long.MaxValue)
    {
        _inner = inner;
        _idle = idle;
        _idleTimeout = idleTimeout;
        _maxEventSize = maxEventSize;
    }

    /// <summary>Whether the bytes read so far end with an event that is missing its closing empty line.</summary>
    public bool EndsInsideEvent { get; private set; }

    /// <summary>Whether the idle timeout has cancelled a read.</summary>
    public bool IdleTimedOut => _idle?.IsCancellationRequested == true;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        count = Budget(count);
        int read = _inner.Read(buffer, offset, count);
        Follow(buffer.AsSpan(offset, read));
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ArmIdleTimer();
        try
        {
            int read = await _inner.ReadAsync(buffer, offset, Budget(count), cancellationToken).ConfigureAwait(false);
            Follow(buffer.AsSpan(offset, read));
            return read;
        }
        finally
        {
            DisarmIdleTimer();
        }
    }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ArmIdleTimer();
        try
        {
            int read = await _inner.ReadAsync(buffer.Slice(0, Budget(buffer.Length)), cancellationToken).ConfigureAwait(false);
            Follow(buffer.Span.Slice(0, read));
            return read;
        }
        finally
        {
            DisarmIdleTimer();
        }
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // A read never takes the open event past the limit, so the parser's buffer never has to grow past it either.
    private int Budget(int count) => (int)Math.Max(1, Math.Min(count, _maxEventSize - _eventBytes));

    private void ArmIdleTimer() => _idle?.CancelAfter(_idleTimeout);

    private void DisarmIdleTimer() => _idle?.CancelAfter(Timeout.InfiniteTimeSpan);

    // Only what follows the chunk's last empty line can leave an event open, so the lines before it are skipped.
    private void Follow(ReadOnlySpan<byte> bytes)
    {
        int blank = LastEmptyLineEnd(bytes);

        // The parser keeps an event whole until its empty line, so the bytes since the last one are what it holds.
        _eventBytes = blank >= 0 ? bytes.Length - blank : _eventBytes + bytes.Length;
        if (_eventBytes >= _maxEventSize)
        {
            throw new SseEventTooLargeException(_maxEventSize);
        }

        if (blank >= 0)
        {
            // The line end before the empty line's: the state after it is known without looking further back.
            _previous = bytes[blank - 1];
            _atLineStart = true;
            _inComment = false;
            bytes = bytes.Slice(blank);
        }

        FollowLines(bytes);
    }

    /// <summary>
    /// The index of the line end that ends the chunk's last empty line, where that line end directly follows another
    /// one inside the chunk; -1 when there is none.
    /// </summary>
    private static int LastEmptyLineEnd(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.LastIndexOfAny(CR, LF);
        while (end > 0)
        {
            byte before = bytes[end - 1];
            if (before is CR or LF)
            {
                // CR LF is a single line end; any other pair of line-end bytes is a line end followed by an empty line.
                if (!(before == CR && bytes[end] == LF))
                {
                    return end;
                }

                end--;
                continue;
            }

            end = bytes.Slice(0, end).LastIndexOfAny(CR, LF);
        }

        return -1;
    }

    // Line by line rather than byte by byte: the search for line ends is vectorized, and only a line's first and
    // last bytes change the state.
    private void FollowLines(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            int end = bytes.IndexOfAny(CR, LF);
            ReadOnlySpan<byte> text = end < 0 ? bytes : bytes.Slice(0, end);
            if (!text.IsEmpty)
            {
                if (_atLineStart)
                {
                    _inComment = text[0] == (byte)':';
                    _atLineStart = false;
                }

                if (!_inComment)
                {
                    EndsInsideEvent = true;
                }

                _previous = text[text.Length - 1];
            }

            if (end < 0)
            {
                return;
            }

            byte lineEnd = bytes[end];
            if (lineEnd == LF && _previous == CR)
            {
                // The second half of a CRLF: the line already ended at the CR.
            }
            else
            {
                if (_atLineStart)
                {
                    EndsInsideEvent = false;
                }

                _atLineStart = true;
                _inComment = false;
            }

            _previous = lineEnd;
            bytes = bytes.Slice(end + 1);
        }
    }
}

/// <summary>An event reached the client's <see cref="ApiClientOptions.MaxEventSize"/> before its empty line.</summary>
internal sealed class SseEventTooLargeException(long limit) : IOException($"reached {limit} bytes, the client's MaxEventSize, before its end")
{
    public long Limit { get; } = limit;
}
