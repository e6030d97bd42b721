using System;
using System.Collections.Generic;
using System.Threading.Tasks;

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

    /// <summary>Orq: events told apart by <c>type</c>; text arrives in <c>part.delta</c>; the stream ends at <c>[DONE]</c>.</summary>
    public static async Task OrqAsync(IAsyncEnumerable<Orq.CreateConversationResponseEvent> events, Action<string> token)
    {
        await foreach (Orq.CreateConversationResponseEvent item in events)
        {
            switch (item.Data?.Value)
            {
                case Orq.PartDeltaEvent { Data.Delta.Value: Orq.PartDeltaText text }:
                    token(text.Text);
                    break;
                case Orq.ResponseFailedEvent failed:
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
            switch (item.Data.Value)
            {
                case Mistral.ResponseStartedEvent started:
                    conversationId = started.ConversationId;
                    break;
                case Mistral.MessageOutputEvent output:
                    token(output.Content.AsString ?? output.Content.AsOutputContentChunks?.AsTextChunk?.Text ?? "");
                    break;
                case Mistral.ResponseErrorEvent error:
                    throw new InvalidOperationException($"Mistral reported an error {error.Code}: {error.Message}");
            }
        }

        return conversationId;
    }
}
