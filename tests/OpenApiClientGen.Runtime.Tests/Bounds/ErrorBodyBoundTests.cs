using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>An error body is read up to the client's limit and no further, however large the server makes it.</summary>
[Collection(nameof(PeakHeapCollection))]
public sealed class ErrorBodyBoundTests(ITestOutputHelper output)
{
    private const long BodyLength = 300L * 1024 * 1024;
    private const int Limit = 1024 * 1024;

    [Fact]
    public async Task A_300_MB_error_body_is_read_only_to_the_limit_and_costs_a_small_multiple_of_it()
    {
        var body = new EndlessBody(BodyLength);
        // One attempt: a retried 503 would wait between attempts, and the allocation count needs one synchronous read.
        var options = new ApiClientOptions { BaseAddress = new Uri("http://api.test/"), MaxErrorBodyLength = Limit, MaxRetries = 0 };
        using var connection = new ApiConnection(new HttpClient(new ErrorResponse(body)), options, null, ownsHttpClient: true);

        // Everything completes synchronously on this thread, so its allocation counter sees the whole read.
        long before = GC.GetAllocatedBytesForCurrentThread();
        Task send = connection.SendForResponseAsync(new ApiRequest("GET", "/big"), CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(send.IsCompleted);
        var error = await Assert.ThrowsAsync<ApiException>(() => send);

        output.WriteLine($"read {body.Served:N0} of {BodyLength:N0} bytes; allocated {allocated:N0} bytes for a limit of {Limit:N0}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.EndsWith($"... [cut at {Limit} characters]", error.Body);
        Assert.True(body.Served <= Limit + 64 * 1024, $"read {body.Served} bytes");
        Assert.True(body.Disposed);

        // Everything allocated, not only what is live at once: the bytes read, their text (2 bytes a character) and
        // the cut copy of it. Reading the whole body allocated 863 MB here.
        Assert.True(allocated < 16L * Limit, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task A_300_MB_error_body_keeps_the_live_heap_within_a_small_multiple_of_the_limit()
    {
        // A larger limit than the other tests', so that what else the process allocates meanwhile weighs little.
        const int PeakLimit = 4 * Limit;
        var body = new EndlessBody(BodyLength);
        using var connection = new ApiConnection(new HttpClient(new ErrorResponse(body)), new ApiClientOptions { BaseAddress = new Uri("http://api.test/"), MaxErrorBodyLength = PeakLimit }, null, ownsHttpClient: true);

        long growth;
        ApiException error;
        await using (PeakHeap heap = PeakHeap.Measure(background: true))
        {
            error = await Assert.ThrowsAsync<ApiException>(() => Task.Run(() => connection.SendForResponseAsync(new ApiRequest("GET", "/big"), CancellationToken.None)));
            heap.Sample();
            growth = heap.Growth;
        }

        // The limit counts characters, so what it allows takes 2 bytes a character as text: the peak stays under twice
        // that. Measured at 1.5 times: the bytes read (1 byte a character here) beside their text.
        long limitAsText = 2L * PeakLimit;
        output.WriteLine($"live heap peak {growth:N0} bytes above the start for a limit of {PeakLimit:N0} characters ({limitAsText:N0} bytes as text)");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
#if RUNTIME_NETSTANDARD
        // netstandard2.0 has no string.Create: the cut text and its mark are joined into a second string.
        Assert.True(growth < 3L * limitAsText, $"live heap peak {growth} bytes");
#else
        Assert.True(growth < 2L * limitAsText, $"live heap peak {growth} bytes");
#endif
    }

    [Fact]
    public async Task A_success_body_past_the_http_clients_buffer_limit_is_a_typed_error_read_no_further()
    {
        var body = new EndlessBody(BodyLength);
        var httpClient = new HttpClient(new SuccessResponse(body)) { MaxResponseContentBufferSize = Limit };
        using var connection = new ApiConnection(httpClient, new ApiClientOptions { BaseAddress = new Uri("http://api.test/"), MaxRetries = 0 }, null, ownsHttpClient: true);

        var error = await Assert.ThrowsAsync<ApiBodyTooLargeException>(() => connection.SendForJsonResponseAsync(new ApiRequest("GET", "/big"), JsonCodecs.Element, CancellationToken.None));

        output.WriteLine($"read {body.Served:N0} of {BodyLength:N0} bytes for a limit of {Limit:N0}");
        Assert.Equal((HttpStatusCode.OK, (long)Limit), (error.StatusCode, error.Limit));
        Assert.Contains("MaxResponseContentBufferSize", error.Message);
        // HttpContent reads in chunks of its own, so the last one may pass the limit.
        Assert.True(body.Served <= Limit + 256 * 1024, $"read {body.Served} bytes");
        Assert.True(body.Disposed);
    }

    [Theory]
    [InlineData("ééééé", 3, "ééé... [cut at 3 characters]")]
    [InlineData("ab😀cd", 3, "ab... [cut at 3 characters]")]
    [InlineData("ab😀cd", 4, "ab😀... [cut at 4 characters]")]
    [InlineData("ab😀", 4, "ab😀")]
    [InlineData("a\u00ffb", 2, "a\u00ff... [cut at 2 characters]")]
    public async Task A_body_is_cut_at_its_limit_in_characters_and_never_inside_a_surrogate_pair(string text, int limit, string expected) =>
        Assert.Equal(expected, await ErrorBodyAsync(System.Text.Encoding.UTF8.GetBytes(text), limit));

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_replaced_before_the_cut() =>
        Assert.Equal("a\uFFFD\uFFFD... [cut at 3 characters]", await ErrorBodyAsync(new[] { (byte)'a', (byte)0xFF, (byte)0xFE, (byte)'b', (byte)'c' }, 3));

    private static async Task<string?> ErrorBodyAsync(byte[] body, int limit)
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("http://api.test/"), MaxErrorBodyLength = limit, MaxRetries = 0 };
        using var connection = new ApiConnection(new HttpClient(new ErrorResponse(new MemoryStream(body))), options, null, ownsHttpClient: true);
        ApiException error = await Assert.ThrowsAsync<ApiException>(() => connection.SendForJsonResponseAsync(new ApiRequest("GET", "/error"), JsonCodecs.Element, CancellationToken.None));
        return error.Body;
    }

    private sealed class SuccessResponse(Stream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class ErrorResponse(Stream body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StreamContent(body), RequestMessage = request });
    }

    /// <summary>A body of <c>x</c>s of the given length, served synchronously, that counts what was read.</summary>
    private sealed class EndlessBody(long length) : Stream
    {
        public long Served { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - Served);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            Served += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = (int)Math.Min(buffer.Length, length - Served);
            buffer.Span.Slice(0, n).Fill((byte)'x');
            Served += n;
            return new ValueTask<int>(n);
        }

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
    }
}
