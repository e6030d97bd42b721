using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.PipesHub;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>How a reader is built and how it picks the way to read each event.</summary>
public sealed class SseEventReaderTests
{
    [Fact]
    public async Task Event_names_are_matched_exactly_case_included()
    {
        const string transcript = "event: Chunk\ndata: {\"chunk\":\"a\"}\n\nevent: chunk \ndata: {\"chunk\":\"b\"}\n\nevent: chunk\ndata: {\"chunk\":\"c\"}\n\n";

        List<SSEEvent> events = await ReadAsync(transcript, PipesHubClientJson.SSEEventStream);

        Assert.Equal(new[] { "Chunk", "chunk " }, events.OfType<UnknownSSEEvent>().Select(e => e.Event));
        Assert.Equal("c", Assert.IsType<SSEChunkEvent>(events[2]).Data?.Chunk);
    }

    [Fact]
    public async Task A_named_reader_takes_precedence_over_the_reader_for_every_other_event()
    {
        SseEventReader<SSEChunkPayload> payloads = SseEventReader
            .Json(PipesHubClientJson.SSEChunkPayload)
            .OnText("ping", static (_, data) => new SSEChunkPayload { Chunk = "ping:" + data })
            .EndAt("[DONE]");
        const string transcript = "data: {\"chunk\":\"a\"}\n\nevent: ping\ndata: not json\n\nevent: delta\ndata: {\"chunk\":\"b\"}\n\ndata: [DONE]\n\n";

        List<SSEChunkPayload> items = await ReadAsync(transcript, payloads);

        Assert.Equal(new[] { "a", "ping:not json", "b" }, items.Select(p => p.Chunk));
    }

    [Fact]
    public async Task Nothing_after_the_sentinel_is_read()
    {
        SseEventReader<SSEChunkPayload> reader = SseEventReader.Json(PipesHubClientJson.SSEChunkPayload).EndAt("[DONE]");
        const string transcript = "data: {\"chunk\":\"a\"}\n\nevent: done\ndata: [DONE]\n\ndata: {not json\n\n";

        List<SSEChunkPayload> items = await ReadAsync(transcript, reader);

        Assert.Equal("a", Assert.Single(items).Chunk);
    }

    [Fact]
    public async Task Only_data_that_is_exactly_the_sentinel_ends_the_stream()
    {
        SseEventReader<string> reader = SseEventReader.Text(static (_, data) => data).EndAt("[DONE]");
        const string transcript = "data: [DONE] \n\ndata:[DONE]x\n\ndata:  [DONE]\n\ndata:[DONE]\n\n";

        List<string> items = await ReadAsync(transcript, reader);

        Assert.Equal(new[] { "[DONE] ", "[DONE]x", " [DONE]" }, items);
    }

    [Fact]
    public void Readers_are_immutable_so_one_can_be_shared()
    {
        SseEventReader<string> plain = SseEventReader.Text(static (_, data) => data);

        SseEventReader<string> withSentinel = plain.EndAt("[DONE]");

        Assert.Null(plain.Sentinel);
        Assert.Equal("[DONE]", withSentinel.Sentinel);
        Assert.NotSame(plain, plain.OnText("ping", static (_, data) => data));
    }

    [Fact]
    public void Naming_one_event_twice_or_an_empty_sentinel_is_refused()
    {
        SseEventReader<string> reader = SseEventReader.ByEventName(static (SseItemInfo _, string data) => data).OnText("chunk", static (_, data) => data);

        Assert.Throws<ArgumentException>(() => reader.OnText("chunk", static (_, data) => data));
        Assert.Throws<ArgumentException>(() => reader.EndAt(""));
    }

    private static async Task<List<T>> ReadAsync<T>(string transcript, SseEventReader<T> reader)
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(new[] { Encoding.UTF8.GetBytes(transcript) });
        return await connection.StreamEventsAsync(new ApiRequest("GET", "/events"), reader, default).CollectAsync();
    }
}
