using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Orq;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Sequential JSON bodies (NDJSON, JSON Lines, JSON text sequences) read one item per JSON text as they arrive.</summary>
public sealed class JsonSequenceStreamTests
{
    private const string RS = "\u001e";

    [Fact]
    public async Task Ndjson_lines_split_anywhere_even_inside_a_character_become_one_item_each()
    {
        // Ollama's shape; "ü", "日本" and the emoji take 2, 3 and 4 bytes, and 3-byte writes cut most of them apart.
        const string body =
            "{\"model\":\"llama3.2\",\"content\":\"Grüß\",\"done\":false}\n" +
            "\n" +
            "{\"model\":\"llama3.2\",\"content\":\" 日本 🦙\",\"done\":false}\r\n" +
            "   \n" +
            "{\"model\":\"llama3.2\",\"content\":\"\",\"done\":true}\n";
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/x-ndjson", body, pieceSize: 3));
        using ApiConnection connection = server.Connect();

        List<Chunk> items = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/chat"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectAsync();

        Assert.Equal(["Grüß", " 日本 🦙", ""], items.ConvertAll(i => i.Content));
        Assert.Equal([false, false, true], items.ConvertAll(i => i.Done));
    }

    [Theory]
    [InlineData(JsonSequenceFraming.Lines, "{\"content\":\"a\",\"done\":false}\n", "{\"content\":\"b\",\"done\":true}\n")]
    [InlineData(JsonSequenceFraming.RecordSeparated, RS + "{\"content\":\"a\",\n \"done\":false}\n", RS + "{\"content\":\"b\",\"done\":true}\n")]
    public async Task Each_item_is_handed_over_as_soon_as_it_is_complete(JsonSequenceFraming framing, string first, string second)
    {
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await WriteAsync(context, "application/jsonl", first);
            await firstSeen.Task.WaitAsync(StreamServer.HangGuard, context.RequestAborted);
            await WriteAsync(context, "application/jsonl", second);
        });
        using ApiConnection connection = server.Connect();
        var items = new List<string>();

        await foreach (Chunk chunk in connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, framing, default))
        {
            items.Add(chunk.Content);
            firstSeen.TrySetResult();
        }

        Assert.Equal(["a", "b"], items);
    }

    [Fact]
    public async Task A_json_text_sequence_splits_at_record_separators_and_skips_empty_records()
    {
        string body = RS + "{\"content\":\"a\"}\n" + RS + RS + "\n" + RS + "{\n  \"content\": \"b\"\n}\n" + RS + "{\"content\":\"c\"}" + RS + "{\"content\":\"d\"}\n";
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/json-seq", body, pieceSize: 5));
        using ApiConnection connection = server.Connect();

        List<Chunk> items = await connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, JsonSequenceFraming.RecordSeparated, default).CollectAsync();

        Assert.Equal(["a", "b", "c", "d"], items.ConvertAll(i => i.Content));
    }

    [Theory]
    [InlineData(JsonSequenceFraming.Lines, "{\"content\":\"a\"}\n{\"content\":\"b\"}\n{\"content\":\"c")]
    [InlineData(JsonSequenceFraming.Lines, "{\"content\":\"a\"}\n{\"content\":\"b\"}\n{\"content\":\"c\"}")]
    [InlineData(JsonSequenceFraming.RecordSeparated, RS + "{\"content\":\"a\"}\n" + RS + "{\"content\":\"b\"}\n" + RS + "{\"content\":")]
    [InlineData(JsonSequenceFraming.RecordSeparated, RS + "{\"content\":\"a\"}\n" + RS + "{\"content\":\"b\"}\n" + RS + "{\"content\":\"c\"}")]
    public async Task A_body_cut_inside_an_item_throws_after_the_items_before_it(JsonSequenceFraming framing, string body)
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/x-ndjson", body));
        using ApiConnection connection = server.Connect();

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/chat"), Chunk.Codec, framing, default).CollectUntilFailureAsync();

        Assert.Equal(2, items.Count);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Truncated, 2), (ex.Failure, ex.EventIndex));
        Assert.StartsWith("POST /api/chat: the server closed the stream in the middle of item 2", ex.Message);
    }

    [Fact]
    public async Task A_line_that_is_not_valid_json_for_the_item_type_names_its_index_and_keeps_its_text()
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
            WriteAsync(context, "application/x-ndjson", "{\"content\":\"a\"}\n\n{\"content\":42}\n{\"content\":\"c\"}\n"));
        using ApiConnection connection = server.Connect();

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/chat"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Single(items);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.MalformedEvent, 1, HttpStatusCode.OK), (ex.Failure, ex.EventIndex, ex.StatusCode));
        Assert.Equal("{\"content\":42}", ex.Body);
        Assert.StartsWith("POST /api/chat: item 1 is not valid Chunk JSON", ex.Message);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Two_json_values_on_one_line_are_malformed()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/x-ndjson", "{\"content\":\"a\"}{\"content\":\"b\"}\n"));
        using ApiConnection connection = server.Connect();

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Empty(items);
        Assert.Equal(ApiStreamFailure.MalformedEvent, Assert.IsType<ApiStreamException>(failure).Failure);
    }

    [Fact]
    public async Task An_item_of_a_kind_this_version_does_not_know_is_kept_as_raw_json()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/x-ndjson",
            "{\"type\":\"part.delta\",\"data\":{\"partId\":\"p\",\"delta\":{\"kind\":\"text\",\"text\":\"hi\"}}}\n" +
            "{\"type\":\"part.sparkle\",\"data\":{\"glitter\":true}}\n"));
        using ApiConnection connection = server.Connect();

        List<ResponseStreamingEvent> items = await connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), OrqClientJson.ResponseStreamingEvent, JsonSequenceFraming.Lines, default).CollectAsync();

        Assert.Equal("hi", Assert.IsType<PartDeltaEvent>(items[0]).Data!.Delta!.Text);
        UnknownResponseStreamingEvent unknown = Assert.IsType<UnknownResponseStreamingEvent>(items[1]);
        Assert.Equal("part.sparkle", unknown.Type);
        Assert.True(unknown.Json.GetProperty("data").GetProperty("glitter").GetBoolean());
    }

    [Fact]
    public async Task An_item_larger_than_the_limit_fails_before_it_is_buffered_whole()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await WriteAsync(context, "application/x-ndjson", "{\"content\":\"a\"}\n");
            await StreamServer.KeepSendingAsync(context, "{\"content\":\"" + new string('x', 1000), TimeSpan.FromMilliseconds(1));
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { MaxEventSize = 64 * 1024 });

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Single(items);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.TooLarge, 1), (ex.Failure, ex.EventIndex));
        Assert.Contains("65536-byte limit", ex.Message);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task A_server_that_goes_quiet_past_the_idle_timeout_fails_and_the_connection_is_freed()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await WriteAsync(context, "application/x-ndjson", "{\"content\":\"a\"}\n{\"content\":");
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(500) });

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/pull"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Single(items);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.IdleTimeout, 1), (ex.Failure, ex.EventIndex));
        Assert.StartsWith("POST /api/pull: the server sent nothing for 00:00:00.5000000 after 1 item", ex.Message);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_next_item_throws_and_the_server_sees_the_client_leave()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await WriteAsync(context, "application/x-ndjson", "{\"content\":\"a\"}\n");
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect();
        using var cancellation = new CancellationTokenSource();

        Task reading = Task.Run(async () =>
        {
            await foreach (Chunk _ in connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, JsonSequenceFraming.Lines, cancellation.Token))
            {
                cancellation.CancelAfter(100);
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(StreamServer.HangGuard));
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task No_buffered_item_is_handed_over_after_the_caller_cancels()
    {
        var body = new StringBuilder();
        for (int i = 0; i < 50; i++)
        {
            body.Append("{\"content\":\"").Append(i).Append("\"}\n");
        }

        // One write: every item is in the client's buffer when the first is handed over.
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/x-ndjson", body.ToString(), pieceSize: 1 << 20));
        using ApiConnection connection = server.Connect();
        using var cancellation = new CancellationTokenSource();
        int received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Chunk _ in connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/"), Chunk.Codec, JsonSequenceFraming.Lines, default).WithCancellation(cancellation.Token))
            {
                received++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(1, received);
    }

    [Fact]
    public async Task A_failure_status_is_an_api_exception_with_its_body()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"error\":\"model 'llama9' not found\"}");
        });
        using ApiConnection connection = server.Connect();

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/chat"), Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Empty(items);
        ApiException ex = Assert.IsType<ApiException>(failure);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("llama9", ex.Body);
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string body, int pieceSize = 16)
    {
        if (!context.Response.HasStarted)
        {
            context.Response.ContentType = contentType;
        }

        await StreamServer.WriteSlowlyAsync(context, body, pieceSize);
    }

#nullable disable warnings
    public sealed class Chunk
    {
        public static readonly ObjectCodec<Chunk> Codec = new(
            static () => new Chunk(),
            static () => new[]
            {
                JsonMember.Value<Chunk, string?>("model", JsonCodecs.String, static m => m.Model, static (m, v) => m.Model = v),
                JsonMember.Required<Chunk, string>("content", JsonCodecs.String, static m => m.Content, static (m, v) => m.Content = v),
                JsonMember.Value<Chunk, bool>("done", JsonCodecs.Boolean, static m => m.Done, static (m, v) => m.Done = v),
            });

        public string? Model { get; set; }

        public string Content { get; set; } = "";

        public bool Done { get; set; }
    }
#nullable restore warnings
}

/// <summary>Measures the whole process's heap, so it runs while no other test allocates.</summary>
[CollectionDefinition(nameof(JsonSequenceMemoryTests), DisableParallelization = true)]
public sealed class JsonSequenceMemoryCollection;

[Collection(nameof(JsonSequenceMemoryTests))]
public sealed class JsonSequenceMemoryTests
{
    [Fact]
    public async Task A_million_small_items_are_read_in_flat_memory()
    {
        const int count = 1_000_000;
        using var connection = new ApiConnection(new HttpClient(new GeneratedLinesHandler(count)), new ApiClientOptions(), "http://localhost/", ownsHttpClient: true);
        long sum = 0;
        int read = 0;
        long retainedAtStart = 0;
        long allocatedAtStart = 0;

        await foreach (Counter item in connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/export"), Counter.Codec, JsonSequenceFraming.Lines, default))
        {
            sum += item.N;
            if (++read == 1000)
            {
                retainedAtStart = GC.GetTotalMemory(forceFullCollection: true);
                allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
            }
        }

        long allocatedPerItem = (GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart) / (count - 1000);
        long retainedGrowth = GC.GetTotalMemory(forceFullCollection: true) - retainedAtStart;

        Assert.Equal(count, read);
        Assert.Equal((long)count * (count - 1) / 2, sum);

        // The body is about 13 MB; what stays must not grow with it, and each item costs about its own object.
        Assert.True(retainedGrowth < 1024 * 1024, $"{retainedGrowth} bytes more were retained after reading the stream.");
        Assert.True(allocatedPerItem <= 64, $"{allocatedPerItem} bytes were allocated per item.");
    }

    public sealed class Counter
    {
        public static readonly ObjectCodec<Counter> Codec = new(
            static () => new Counter(),
            static () => new[] { JsonMember.Required<Counter, int>("n", JsonCodecs.Int32, static m => m.N, static (m, v) => m.N = v) });

        public int N { get; set; }
    }

    /// <summary>Answers with <c>{"n":0}</c> ... as NDJSON, written as it is read, so the body never exists whole.</summary>
    private sealed class GeneratedLinesHandler(int count) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new GeneratedLines(count), 4096) });
    }

    private sealed class GeneratedLines(int count) : Stream
    {
        private readonly byte[] _line = new byte[32];
        private int _next;
        private int _lineLength;
        private int _lineOffset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int written = 0;
            while (written < buffer.Length)
            {
                if (_lineOffset == _lineLength)
                {
                    if (_next == count)
                    {
                        break;
                    }

                    // Formatted in place: the source allocates nothing per line, so what is measured is the reader's.
                    "{\"n\":"u8.CopyTo(_line);
                    System.Buffers.Text.Utf8Formatter.TryFormat(_next++, _line.AsSpan(5), out int digits);
                    _line[5 + digits] = (byte)'}';
                    _line[6 + digits] = (byte)'\n';
                    _lineLength = 7 + digits;
                    _lineOffset = 0;
                }

                int take = Math.Min(buffer.Length - written, _lineLength - _lineOffset);
                _line.AsSpan(_lineOffset, take).CopyTo(buffer.Slice(written));
                _lineOffset += take;
                written += take;
            }

            return written;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
