using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Runtime.Tests.Infrastructure;

/// <summary>A response body that hands out its bytes in the given pieces, one piece per read, as a network would.</summary>
internal sealed class PiecewiseStream : Stream
{
    private readonly Queue<byte[]> _pieces;
    private byte[] _current = Array.Empty<byte>();
    private int _offset;

    public PiecewiseStream(IEnumerable<byte[]> pieces) => _pieces = new Queue<byte[]>(pieces);

    /// <summary>Cuts <paramref name="bytes"/> at each of <paramref name="cuts"/>.</summary>
    public static IEnumerable<byte[]> Cut(byte[] bytes, params int[] cuts)
    {
        int start = 0;
        foreach (int cut in cuts)
        {
            yield return bytes[start..cut];
            start = cut;
        }

        yield return bytes[start..];
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _current.Length)
        {
            if (!_pieces.TryDequeue(out byte[]? next))
            {
                return 0;
            }

            _current = next;
            _offset = 0;
        }

        int count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>An HttpClient handler that answers every request with an event stream made of the given pieces, without a network.</summary>
internal sealed class InMemoryEventStreamHandler : HttpMessageHandler
{
    private readonly IEnumerable<byte[]> _pieces;

    public InMemoryEventStreamHandler(IEnumerable<byte[]> pieces) => _pieces = pieces;

    public static ApiConnection Connect(IEnumerable<byte[]> pieces) =>
        new(new HttpClient(new InMemoryEventStreamHandler(pieces)) { BaseAddress = new Uri("http://in-memory.test/") }, new ApiClientOptions(), null, ownsHttpClient: true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new StreamContent(new PiecewiseStream(_pieces));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
