using System.Collections.Generic;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// Reads a typed stream to its end and turns each item back into its event name and JSON data, written by the
/// generated codecs, so a test can compare what the client read with what the emulator sent.
/// </summary>
internal static class RawEventStreams
{
    public static Task<List<SseItem<string>>> ReadAllAsync(IAsyncEnumerable<PipesHub.ISseEvent> events) => CollectAsync(events, item => item switch
    {
        PipesHub.SseConnectedEvent e => Item(e.Sse, e.Payload, PipesHub.PipesHubClientJson.SseConnectedPayload),
        PipesHub.SseChunkEvent e => Item(e.Sse, e.Payload, PipesHub.PipesHubClientJson.SseChunkPayload),
        PipesHub.SseCitationEvent e => Item(e.Sse, e.Payload, PipesHub.PipesHubClientJson.SseCitationPayload),
        PipesHub.SseCompleteEvent e => Item(e.Sse, e.Payload, PipesHub.PipesHubClientJson.SseCompletePayload),
        PipesHub.SseErrorEvent e => Item(e.Sse, e.Payload, PipesHub.PipesHubClientJson.SseErrorPayload),
        PipesHub.UnknownSseEvent e => new SseItem<string>(e.Data, e.EventName),
        _ => new SseItem<string>("", "?"),
    });

    public static Task<List<SseItem<string>>> ReadAllAsync(IAsyncEnumerable<Orq.CreateConversationResponseEvent> events) =>
        CollectAsync(events, item => Item(item.Sse, item.Data!, Orq.OrqClientJson.ResponseStreamingEvent));

    public static Task<List<SseItem<string>>> ReadAllAsync(IAsyncEnumerable<Mistral.ConversationEvents> events) =>
        CollectAsync(events, item => new SseItem<string>(JsonCodecs.Serialize(item.Data, Mistral.MistralClientJson.ConversationEventsData), item.Event.Value));

    /// <summary>A generated value (model or union) as JSON, for reading members a test does not want to name by type.</summary>
    public static JsonElement Json<T>(T value, JsonConverter<T> codec)
    {
        using JsonDocument document = JsonDocument.Parse(JsonCodecs.Serialize(value, codec));
        return document.RootElement.Clone();
    }

    private static SseItem<string> Item<T>(SseItemInfo sse, T payload, JsonConverter<T> codec) =>
        new(JsonCodecs.Serialize(payload, codec), sse.EventType);

    private static async Task<List<SseItem<string>>> CollectAsync<T>(IAsyncEnumerable<T> events, System.Func<T, SseItem<string>> toItem)
    {
        var items = new List<SseItem<string>>();
        await foreach (T item in events)
        {
            items.Add(toItem(item));
        }

        return items;
    }
}
