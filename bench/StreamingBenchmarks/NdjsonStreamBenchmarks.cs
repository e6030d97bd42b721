using System;
using System.Buffers;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Sequential;

namespace StreamingBenchmarks;

/// <summary>
/// Reads a 10,000-line NDJSON stream of completion chunks shaped like a local model's (<c>{"delta":" word","done":false}</c>)
/// from memory: through the generated <c>CompleteStreamAsync</c> of tests/Specs/sequential.yaml, and through the loop a
/// developer writes by hand, a <see cref="PipeReader"/> that splits lines and the System.Text.Json source generator
/// reading each into a hand-written class. Each figure is per item.
/// </summary>
[MemoryDiagnoser]
public class NdjsonStreamBenchmarks
{
    public const int ItemCount = 10_000;

    private byte[] _recorded = Array.Empty<byte>();
    private SequentialClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (int i = 0; i < ItemCount - 1; i++)
        {
            text.Append("{\"delta\":\" token").Append(i % 97).Append("\",\"done\":false}\n");
        }

        text.Append("{\"delta\":\"\",\"done\":true}\n");
        _recorded = Encoding.UTF8.GetBytes(text.ToString());
        _client = new SequentialClient(new HttpClient(new ReplayHandler(_recorded)) { BaseAddress = new Uri("http://in-memory.test/") });
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ItemCount)]
    public async Task<int> HandWrittenPipeReaderLoop()
    {
        using var body = new MemoryStream(_recorded, writable: false);
        PipeReader reader = PipeReader.Create(body);
        int count = 0;
        while (true)
        {
            ReadResult result = await reader.ReadAsync();
            ReadOnlySequence<byte> buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                ReadOnlySequence<byte> line = buffer.Slice(0, end);
                var json = new Utf8JsonReader(line);
                HandWrittenChunk? chunk = JsonSerializer.Deserialize(ref json, HandWrittenNdjson.Default.HandWrittenChunk);
                count += chunk is not null ? 1 : 0;
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        await reader.CompleteAsync();
        return Check(count);
    }

    [Benchmark(OperationsPerInvoke = ItemCount)]
    public async Task<int> GeneratedCompleteStreamAsync()
    {
        int count = 0;
        await foreach (CompletionChunk chunk in _client.CompleteStreamAsync("Say hello"))
        {
            count += chunk.Delta is not null ? 1 : 0;
        }

        return Check(count);
    }

    private static int Check(int count) =>
        count == ItemCount ? count : throw new InvalidOperationException($"Read {count} items instead of {ItemCount}.");

    /// <summary>Answers every request with the recorded stream, without a network.</summary>
    private sealed class ReplayHandler(byte[] recorded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(recorded, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>The chunk as a developer would write it by hand for the source generator.</summary>
public sealed class HandWrittenChunk
{
    [JsonPropertyName("delta")]
    public string? Delta { get; set; }

    [JsonPropertyName("done")]
    public bool? Done { get; set; }
}

[JsonSerializable(typeof(HandWrittenChunk))]
internal sealed partial class HandWrittenNdjson : JsonSerializerContext
{
}
