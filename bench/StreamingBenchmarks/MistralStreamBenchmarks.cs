using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Mistral;

namespace StreamingBenchmarks;

/// <summary>
/// Reads a recorded 10,000-event Mistral stream from memory: through the generated <c>StartStreamAsync</c>, and through
/// two loops a developer would write by hand with <see cref="SseParser"/> and a <see cref="JsonSerializerContext"/>: one
/// reading each event's data as a <see cref="JsonElement"/>, one reading it into hand-written event classes. The
/// generated method reads it into the spec's typed union. Each figure is per event.
/// </summary>
[MemoryDiagnoser]
public class MistralStreamBenchmarks
{
    public const int EventCount = 10_000;

    private byte[] _recorded = Array.Empty<byte>();
    private MistralClient _client = null!;
    private ConversationStreamRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recorded = RecordedMistralStream.Create(EventCount);
        _client = new MistralClient(new HttpClient(new ReplayHandler(_recorded)) { BaseAddress = new Uri("http://in-memory.test/") });
        _request = new ConversationStreamRequest { Inputs = "Weather in Paris?", Stream = true };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public async Task<int> HandWrittenSseParserLoop()
    {
        using var body = new MemoryStream(_recorded, writable: false);
        SseParser<JsonElement> parser = SseParser.Create(body, static (_, data) => JsonSerializer.Deserialize(data, HandWrittenJson.Default.JsonElement));
        int count = 0;
        await foreach (SseItem<JsonElement> item in parser.EnumerateAsync())
        {
            count += item.Data.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return Check(count);
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public async Task<int> HandWrittenTypedSseParserLoop()
    {
        using var body = new MemoryStream(_recorded, writable: false);
        SseParser<MistralEvent?> parser = SseParser.Create(body, static (_, data) => JsonSerializer.Deserialize(data, HandWrittenJson.Default.MistralEvent));
        int count = 0;
        await foreach (SseItem<MistralEvent?> item in parser.EnumerateAsync())
        {
            count += item.Data is not null ? 1 : 0;
        }

        return Check(count);
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public async Task<int> GeneratedStartStreamAsync()
    {
        int count = 0;
        await foreach (ConversationEvents item in _client.Beta.Conversations.StartStreamAsync(_request))
        {
            count += item.Data is not null ? 1 : 0;
        }

        return Check(count);
    }

    private static int Check(int count) =>
        count == EventCount ? count : throw new InvalidOperationException($"Read {count} events instead of {EventCount}.");

    /// <summary>Answers every request with the recorded stream, without a network.</summary>
    private sealed class ReplayHandler(byte[] recorded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(recorded, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MistralEvent))]
internal sealed partial class HandWrittenJson : JsonSerializerContext
{
}
