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

    [Fact]
    public async Task Each_item_keeps_its_own_event_s_fields_when_they_change_from_one_event_to_the_next()
    {
        SseEventReader<SseItemInfo> reader = SseEventReader.Text(static (sse, _) => sse);
        const string transcript =
            "event: a\ndata: 1\n\nevent: a\ndata: 2\n\nevent: b\ndata: 3\n\nid: 7\nevent: b\ndata: 4\n\nevent: b\ndata: 5\n\n" +
            "retry: 2000\nevent: b\ndata: 6\n\nevent: b\ndata: 7\n\n";

        List<SseItemInfo> items = await ReadAsync(transcript, reader);

        Assert.Equal(
            new[]
            {
                "0 a  - -", "1 a  - -", "2 b  - -", "3 b 7 7 -", "4 b 7 - -", "5 b 7 - 00:00:02", "6 b 7 - -",
            },
            items.Select(i => $"{i.Index} {i.EventType} {i.LastEventId} {i.EventId ?? "-"} {i.ReconnectionInterval?.ToString() ?? "-"}"));
        Assert.All(items, i => Assert.True(i.IsFromStream));
    }

    [Fact]
    public void The_default_fields_describe_no_event()
    {
        SseItemInfo none = default;

        Assert.False(none.IsFromStream);
        Assert.Equal(("message", "", null, null), (none.EventType, none.LastEventId, none.EventId, none.ReconnectionInterval));
        Assert.Equal("no event", none.ToString());
    }

    [Fact]
    public void Fields_are_equal_when_they_describe_the_same_event()
    {
        var first = new SseItemInfo("chunk", "7", "7", TimeSpan.FromSeconds(2), 3);

        Assert.Equal(first, new SseItemInfo("chunk", "7", "7", TimeSpan.FromSeconds(2), 3));
        Assert.True(first == new SseItemInfo("chunk", "7", "7", TimeSpan.FromSeconds(2), 3));
        Assert.NotEqual(first, new SseItemInfo("chunk", "7", "7", TimeSpan.FromSeconds(2), 4));
        Assert.NotEqual(first, new SseItemInfo("chunk", null, "7", TimeSpan.FromSeconds(2), 3));
        Assert.NotEqual(first, new SseItemInfo("Chunk", "7", "7", TimeSpan.FromSeconds(2), 3));
        Assert.NotEqual(new SseItemInfo("message", null, "", null, 0), default);
        Assert.Equal(default(SseItemInfo), default);
    }

    private static async Task<List<T>> ReadAsync<T>(string transcript, SseEventReader<T> reader)
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(new[] { Encoding.UTF8.GetBytes(transcript) });
        return await connection.StreamEventsAsync(new ApiRequest("GET", "/events"), reader, default).CollectAsync();
    }
}
