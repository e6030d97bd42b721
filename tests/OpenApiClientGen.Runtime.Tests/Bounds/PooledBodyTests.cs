using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// Request bodies are written into pooled arrays and JSON answers read into them: what comes out is every byte, once,
/// whatever the codec does inside its own write and however the body arrives.
/// </summary>
public sealed class PooledBodyTests
{
    [Fact]
    public void A_codec_that_writes_another_value_inside_its_own_write_gets_both_whole()
    {
        // A first value on this thread, so that the writer it leaves behind is the one both of the next two would take.
        JsonCodecs.SerializeToUtf8Bytes("first", JsonCodecs.String);

        byte[] json = JsonCodecs.SerializeToUtf8Bytes("outer", new NestingCodec());

        Assert.Equal("{\"inner\":\"[1,2,3]\",\"value\":\"outer\"}", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void A_codec_that_fails_half_way_leaves_nothing_behind_for_the_next_value()
    {
        Assert.Throws<InvalidOperationException>(() => JsonCodecs.SerializeToUtf8Bytes("x", new FailingCodec()));

        Assert.Equal("\"next\"", Encoding.UTF8.GetString(JsonCodecs.SerializeToUtf8Bytes("next", JsonCodecs.String)));
    }

    [Fact]
    public void A_body_many_times_the_first_array_is_written_whole()
    {
        string text = new('a', 300_000);

        Assert.Equal("\"" + text + "\"", Encoding.UTF8.GetString(JsonCodecs.SerializeToUtf8Bytes(text, JsonCodecs.String)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_of_any_length_is_read_whole_with_or_without_its_length_declared(bool declared)
    {
        string text = new('b', 100_000);
        using var connection = Connection(Encoding.UTF8.GetBytes("\"" + text + "\""), declared, long.MaxValue);

        ApiResponse<string> response = await connection.SendForJsonResponseAsync(new ApiRequest("GET", "/text"), JsonCodecs.String, CancellationToken.None);

        Assert.Equal(text, response.Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_exactly_at_the_buffer_limit_is_read_and_one_byte_more_is_a_typed_error(bool declared)
    {
        byte[] body = Encoding.UTF8.GetBytes("\"" + new string('c', 5000) + "\"");
        using (var atLimit = Connection(body, declared, body.Length))
        {
            ApiResponse<string> response = await atLimit.SendForJsonResponseAsync(new ApiRequest("GET", "/text"), JsonCodecs.String, CancellationToken.None);
            Assert.Equal(5000, response.Value.Length);
        }

        using var belowLimit = Connection(body, declared, body.Length - 1);
        var error = await Assert.ThrowsAsync<ApiBodyTooLargeException>(() => belowLimit.SendForJsonResponseAsync(new ApiRequest("GET", "/text"), JsonCodecs.String, CancellationToken.None));
        Assert.Equal(body.Length - 1L, error.Limit);
    }

    private static ApiConnection Connection(byte[] body, bool declared, long limit)
    {
        var httpClient = new HttpClient(new Answer(body, declared));
        if (limit < int.MaxValue)
        {
            httpClient.MaxResponseContentBufferSize = limit;
        }

        return new ApiConnection(httpClient, new ApiClientOptions { BaseAddress = new Uri("http://api.test/"), MaxRetries = 0 }, null, ownsHttpClient: true);
    }

    /// <summary>Answers with the body in small reads, declaring its length or, like a chunked answer, not.</summary>
    private sealed class Answer(byte[] body, bool declared) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new Trickle(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = declared ? body.Length : null;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>A stream that cannot seek and hands out at most 1,000 bytes a read.</summary>
    private sealed class Trickle(byte[] bytes) : Stream
    {
        private int _position;

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
            int n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Writes an object whose first member is another value, serialized on its own in the middle of this one.</summary>
    private sealed class NestingCodec : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("inner", Encoding.UTF8.GetString(JsonCodecs.SerializeToUtf8Bytes(new[] { 1, 2, 3 }, JsonCodecs.List(JsonCodecs.Int32))));
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }
    }

    private sealed class FailingCodec : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("half", value);
            throw new InvalidOperationException("fails half way");
        }
    }
}
