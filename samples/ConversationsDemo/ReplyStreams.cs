using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;

namespace ConversationsDemo;

/// <summary>
/// Every place the demo reads a reply stream, in one file. Each method prints one API's streamed reply token by token
/// and returns the conversation id the stream names.
/// </summary>
internal static class ReplyStreams
{
    /// <summary>PipesHub: <c>connected</c> names the conversation, each <c>chunk</c> carries a token, <c>error</c> ends it.</summary>
    public static async Task<string?> PipesHubAsync(IAsyncEnumerable<PipesHub.ISseEvent> events, Action<string> token)
    {
        string? conversationId = null;
        await foreach (PipesHub.ISseEvent item in events)
        {
            switch (item)
            {
                case PipesHub.SseConnectedEvent connected:
                    conversationId = connected.Payload.ConversationId;
                    break;
                case PipesHub.SseChunkEvent chunk:
                    token(chunk.Payload.Chunk ?? "");
                    break;
                case PipesHub.SseErrorEvent error:
                    throw new InvalidOperationException($"PipesHub reported an error: {error.Payload.Error} {error.Payload.Details}");
            }
        }

        return conversationId;
    }

    /// <summary>Orq: JSON events told apart by <c>type</c>; text arrives in <c>part.delta</c>; the stream ends at <c>[DONE]</c>.</summary>
    public static async Task OrqAsync(IAsyncEnumerable<Orq.CreateConversationResponseEvent> events, Action<string> token)
    {
        await foreach (Orq.CreateConversationResponseEvent item in events)
        {
            string json = EventJson.Of(item.Data);
            string? type = EventJson.Type(json);
            if (type == "part.delta")
            {
                Orq.PartDeltaEvent delta = JsonCodecs.Deserialize(json, Orq.OrqClientJson.PartDeltaEvent);
                if (EventJson.Text(delta.Data.Delta) is { } text)
                {
                    token(text);
                }
            }
            else if (type == "response.failed")
            {
                Orq.ResponseFailedEvent failed = JsonCodecs.Deserialize(json, Orq.OrqClientJson.ResponseFailedEvent);
                throw new InvalidOperationException($"Orq reported an error: {failed.Data.Error}");
            }
        }
    }

    /// <summary>Mistral: named events; <c>conversation.response.started</c> names the conversation, <c>message.output.delta</c> carries text.</summary>
    public static async Task<string?> MistralAsync(IAsyncEnumerable<Mistral.ConversationEvents> events, Action<string> token)
    {
        string? conversationId = null;
        await foreach (Mistral.ConversationEvents item in events)
        {
            string json = EventJson.Of(item.Data);
            if (item.Event == Mistral.SseTypes.ConversationResponseStarted)
            {
                conversationId = JsonCodecs.Deserialize(json, Mistral.MistralClientJson.ResponseStartedEvent).ConversationId;
            }
            else if (item.Event == Mistral.SseTypes.MessageOutputDelta)
            {
                token(UnionValues.ContentText(JsonCodecs.Deserialize(json, Mistral.MistralClientJson.MessageOutputEvent).Content));
            }
            else if (item.Event == Mistral.SseTypes.ConversationResponseError)
            {
                Mistral.ResponseErrorEvent error = JsonCodecs.Deserialize(json, Mistral.MistralClientJson.ResponseErrorEvent);
                throw new InvalidOperationException($"Mistral reported an error {error.Code}: {error.Message}");
            }
        }

        return conversationId;
    }

    /// <summary>Event data the clients carry as JSON (a union of event shapes).</summary>
    private static class EventJson
    {
        public static string Of(JsonElement? data) => data is { ValueKind: not JsonValueKind.Undefined } element ? element.GetRawText() : "null";

        public static string? Type(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out JsonElement type) ? type.GetString() : null;
        }

        public static string? Text(JsonElement delta) =>
            delta.ValueKind == JsonValueKind.Object && delta.TryGetProperty("text", out JsonElement text) ? text.GetString() : null;
    }
}
