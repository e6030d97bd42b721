using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// One event or message over the client's limit fails the stream before it is held whole, with the live heap's peak
/// while it is read measured against the limit.
/// </summary>
[Collection(nameof(PeakHeapCollection))]
public sealed class StreamItemBoundTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_100_MB_event_fails_as_too_large_having_read_little_more_than_the_limit()
    {
        const long EventLength = 100L * 1024 * 1024;
        await using PeakHeap heap = PeakHeap.Measure();
        var body = new GeneratedBody("data: ", EventLength, heap);
        var options = new ApiClientOptions { BaseAddress = new Uri("http://api.test/") };
        using var connection = new ApiConnection(new HttpClient(new EventStreamResponse(body)), options, null, ownsHttpClient: true);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Exception? failure = null;
        try
        {
            await foreach (string _ in connection.StreamEventsAsync(new ApiRequest("GET", "/events"), SseEventReader.Text(static (_, data) => data), CancellationToken.None))
            {
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"read {body.Served:N0} of {EventLength:N0} bytes; allocated {allocated:N0} bytes on this thread, live heap peak {heap.Growth:N0} bytes above the start, for a limit of {options.MaxEventSize:N0}");
        ApiStreamException ex2 = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal(ApiStreamFailure.TooLarge, ex2.Failure);
        Assert.True(body.Served <= options.MaxEventSize, $"read {body.Served} bytes");
        Assert.True(allocated < 3L * options.MaxEventSize, $"allocated {allocated} bytes");
        // Measured at 1.62 times the limit: the event's buffer, and while it grew the one before it (half as large),
        // which nothing keeps afterwards. With System.Net.ServerSentEvents it was 2.01 times: the shared ArrayPool kept
        // every smaller buffer the parser grew through. Buffering the event whole held more than six times the limit.
        Assert.True(heap.Growth < 2L * options.MaxEventSize, $"live heap peak {heap.Growth} bytes");
        Assert.True(body.Disposed);
    }

    [Fact]
    public async Task A_200_MB_websocket_message_fails_as_too_large()
    {
        const long MessageLength = 200L * 1024 * 1024;
        long sent = 0;
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            byte[] chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            chunk[0] = (byte)'[';
            try
            {
                for (; sent < MessageLength; sent += chunk.Length)
                {
                    await socket.SendAsync(new ArraySegment<byte>(chunk), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
                    chunk[0] = (byte)' ';
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
            }
        });
        var options = new ApiClientOptions();
        using ApiConnection connection = server.Connect(options);

        ApiStreamException failure;
        long growth;
        await using (PeakHeap heap = PeakHeap.Measure(background: true))
        {
            failure = await Assert.ThrowsAsync<ApiStreamException>(async () =>
            {
                await foreach (JsonElement _ in WebSocketMessages.ReadJsonAsync(connection, new ApiRequest("GET", "/ws"), JsonCodecs.Element, CancellationToken.None))
                {
                }
            });
            growth = heap.Growth;
        }

        output.WriteLine($"the client gave up a {MessageLength:N0}-byte message at its limit of {options.MaxMessageSize:N0}; live heap peak {growth:N0} bytes above the start, server included");
        // Measured at 1.5 times the limit; holding the message whole, as before the limit, took more than 400 MB.
        Assert.True(growth < 2L * options.MaxMessageSize, $"live heap peak {growth} bytes");
        Assert.Equal(ApiStreamFailure.TooLarge, failure.Failure);
        Assert.Contains("MaxMessageSize", failure.Message);
    }

    private sealed class EventStreamResponse(Stream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A prefix and then <c>x</c>s up to the given length, served synchronously, counting what was read.</summary>
    private sealed class GeneratedBody(string prefix, long length, PeakHeap heap) : Stream
    {
        public long Served { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Fill(buffer.AsSpan(offset, count));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Fill(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Fill(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        private int Fill(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, length - Served);
            for (int i = 0; i < n; i++)
            {
                long at = Served + i;
                buffer[i] = at < prefix.Length ? (byte)prefix[(int)at] : (byte)'x';
            }

            // Once a MiB, while the reader holds what it has read so far.
            if ((Served >> 20) != ((Served + n) >> 20))
            {
                heap.Sample();
            }

            Served += n;
            return n;
        }
    }
}
