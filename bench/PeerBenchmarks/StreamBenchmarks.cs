using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenAI.Chat;

namespace PeerBenchmarks;

/// <summary>
/// A 10,000-event Mistral conversation stream over a socket: the generated <c>StartStreamAsync</c> of Mistral's full
/// published document against the hand-written loop. Figures are per event.
/// </summary>
[MemoryDiagnoser]
public class MistralSocketStream
{
    private PeerClients _clients = null!;

    [GlobalSetup]
    public void Setup() => _clients = PeerClients.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _clients.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = PeerAnswers.EventCount)]
    public async Task<int> HandWritten()
    {
        int count = 0;
        await foreach (StreamingBenchmarks.MistralEvent item in _clients.HandWritten.MistralStartStreamAsync(new MistralConversationRequest { Inputs = "Weather in Paris?", Stream = true }))
        {
            count += item is not null ? 1 : 0;
        }

        return Checks.Count(count, PeerAnswers.EventCount);
    }

    [Benchmark(OperationsPerInvoke = PeerAnswers.EventCount)]
    public async Task<int> Generated()
    {
        int count = 0;
        await foreach (MistralFull.ConversationEvents item in _clients.GeneratedMistral.Beta.Conversations.StartStreamAsync(new MistralFull.ConversationStreamRequest { Inputs = "Weather in Paris?" }))
        {
            count += item.Data is not null ? 1 : 0;
        }

        return Checks.Count(count, PeerAnswers.EventCount);
    }
}

/// <summary>
/// OpenAI's chat chunks over a socket, nulls and the final <c>[DONE]</c> included: the generated
/// <c>CreateChatCompletionStreamAsync</c> of OpenAI's full published document, the hand-written loop, and the official
/// OpenAI .NET SDK's <see cref="ChatClient.CompleteChatStreamingAsync(ChatMessage[])"/>. Figures are per chunk.
/// </summary>
[MemoryDiagnoser]
public class OpenAISocketStream
{
    private PeerClients _clients = null!;

    [GlobalSetup]
    public void Setup() => _clients = PeerClients.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _clients.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = PeerAnswers.EventCount)]
    public async Task<int> HandWritten()
    {
        int count = 0;
        var request = new ChatRequest { Model = PeerClients.Model, Messages = [new ChatRequestMessage { Role = "user", Content = "Weather in Paris?" }], Stream = true };
        await foreach (ChatChunk chunk in _clients.HandWritten.OpenAIChatStreamAsync(request))
        {
            count += chunk.Id.Length > 0 ? 1 : 0;
        }

        return Checks.Count(count, PeerAnswers.EventCount);
    }

    [Benchmark(OperationsPerInvoke = PeerAnswers.EventCount)]
    public async Task<int> Generated()
    {
        int count = 0;
        await foreach (OpenAIFull.CreateChatCompletionStreamResponse chunk in _clients.GeneratedOpenAI.Chat.CreateChatCompletionStreamAsync(Requests.GeneratedChat()))
        {
            count += chunk.Id.Length > 0 ? 1 : 0;
        }

        return Checks.Count(count, PeerAnswers.EventCount);
    }

    [Benchmark(OperationsPerInvoke = PeerAnswers.EventCount)]
    public async Task<int> OfficialSdk()
    {
        int count = 0;
        await foreach (StreamingChatCompletionUpdate update in _clients.OfficialOpenAI.CompleteChatStreamingAsync(new UserChatMessage("Weather in Paris?")))
        {
            count += update.CompletionId.Length > 0 ? 1 : 0;
        }

        return Checks.Count(count, PeerAnswers.EventCount);
    }
}

internal static class Requests
{
    public static OpenAIFull.CreateChatCompletionRequest GeneratedChat() => new()
    {
        Model = PeerClients.Model,
        Messages = new List<OpenAIFull.ChatCompletionRequestMessage>
        {
            new OpenAIFull.ChatCompletionRequestUserMessage { Content = "Weather in Paris?" },
        },
    };

    public static ChatRequest HandWrittenChat() =>
        new() { Model = PeerClients.Model, Messages = [new ChatRequestMessage { Role = "user", Content = "Weather in Paris?" }] };
}

internal static class Checks
{
    public static int Count(int count, int expected) =>
        count == expected ? count : throw new InvalidOperationException($"Read {count} items instead of {expected}.");
}
