using System;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;

namespace ConversationsDemo;

/// <summary>
/// Every place the demo reads a stream, in one file. Each method turns one API's stream into the reply's text, token by
/// token, and reports the conversation id the stream names.
/// </summary>
/// <remarks>
/// The generator does not emit typed stream methods yet: an SSE operation returns the raw body as
/// <c>Task&lt;Stream&gt;</c>, read here with <see cref="TemporarySseReader"/>, and Pieces' WebSocket operation is opened
/// by hand with <see cref="WebSocketMessages"/>. Once stream methods return <c>IAsyncEnumerable</c> of events, each
/// method becomes an <c>await foreach</c> over the client's method and the temporary reader goes away.
/// </remarks>
internal static class ReplyStreams
{
    /// <summary>PipesHub: <c>connected</c> names the conversation, each <c>chunk</c> carries a token, <c>error</c> ends it.</summary>
    public static async Task<string?> PipesHubAsync(Task<Stream> stream, Action<string> token)
    {
        string? conversationId = null;
        await foreach (SseItem<string> item in TemporarySseReader.ReadAsync(stream))
        {
            switch (item.EventType)
            {
                case "connected":
                    conversationId = JsonCodecs.Deserialize(item.Data, PipesHub.PipesHubClientJson.SseConnectedPayload).ConversationId;
                    break;
                case "chunk":
                    token(JsonCodecs.Deserialize(item.Data, PipesHub.PipesHubClientJson.SseChunkPayload).Chunk ?? "");
                    break;
                case "error":
                    PipesHub.SseErrorPayload error = JsonCodecs.Deserialize(item.Data, PipesHub.PipesHubClientJson.SseErrorPayload);
                    throw new InvalidOperationException($"PipesHub reported an error: {error.Error} {error.Details}");
            }
        }

        return conversationId;
    }

    /// <summary>Orq: data-only JSON events told apart by <c>type</c>; text arrives in <c>part.delta</c>, and <c>[DONE]</c> ends it.</summary>
    public static async Task OrqAsync(Task<Stream> stream, Action<string> token)
    {
        await foreach (SseItem<string> item in TemporarySseReader.ReadAsync(stream))
        {
            if (item.Data == "[DONE]")
            {
                break;
            }

            using JsonDocument document = JsonDocument.Parse(item.Data);
            string? type = document.RootElement.TryGetProperty("type", out JsonElement t) ? t.GetString() : null;
            if (type == "part.delta")
            {
                Orq.PartDeltaEvent delta = JsonCodecs.Deserialize(item.Data, Orq.OrqClientJson.PartDeltaEvent);
                if (delta.Data.Delta.TryGetProperty("text", out JsonElement text))
                {
                    token(text.GetString() ?? "");
                }
            }
            else if (type == "response.failed")
            {
                Orq.ResponseFailedEvent failed = JsonCodecs.Deserialize(item.Data, Orq.OrqClientJson.ResponseFailedEvent);
                throw new InvalidOperationException($"Orq reported an error: {failed.Data.Error}");
            }
        }
    }

    /// <summary>Mistral: named events; <c>conversation.response.started</c> names the conversation, <c>message.output.delta</c> carries text.</summary>
    public static async Task<string?> MistralAsync(Task<Stream> stream, Action<string> token)
    {
        string? conversationId = null;
        await foreach (SseItem<string> item in TemporarySseReader.ReadAsync(stream))
        {
            switch (item.EventType)
            {
                case "conversation.response.started":
                    conversationId = JsonCodecs.Deserialize(item.Data, Mistral.MistralClientJson.ResponseStartedEvent).ConversationId;
                    break;
                case "message.output.delta":
                    token(UnionValues.ContentText(JsonCodecs.Deserialize(item.Data, Mistral.MistralClientJson.MessageOutputEvent).Content));
                    break;
                case "conversation.response.error":
                    Mistral.ResponseErrorEvent error = JsonCodecs.Deserialize(item.Data, Mistral.MistralClientJson.ResponseErrorEvent);
                    throw new InvalidOperationException($"Mistral reported an error {error.Code}: {error.Message}");
            }
        }

        return conversationId;
    }

    /// <summary>Pieces OS: one JSON message per change to the conversations, over a WebSocket, until cancelled.</summary>
    public static IAsyncEnumerable<PiecesOs.StreamedIdentifiers> PiecesIdentifiers(ApiConnection connection, CancellationToken cancellationToken) =>
        WebSocketMessages.ReadJsonAsync(
            connection,
            new ApiRequest("GET", "/conversations/stream/identifiers"),
            PiecesOs.PiecesClientJson.StreamedIdentifiers,
            cancellationToken);

    /// <summary>Reads a raw <c>text/event-stream</c> body; stands in for the generator's typed stream methods until they land.</summary>
    private static class TemporarySseReader
    {
        public static async IAsyncEnumerable<SseItem<string>> ReadAsync(Task<Stream> body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using Stream stream = await body;
            await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
            {
                yield return item;
            }
        }
    }
}
