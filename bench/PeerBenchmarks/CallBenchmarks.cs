using System;
using System.ClientModel;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenAI.Chat;

namespace PeerBenchmarks;

/// <summary>
/// Non-streaming calls over a socket, one at a time and 64 at a time: Mistral's conversation start through the
/// generated client of the full document against the hand-written call. Figures are per call.
/// </summary>
[MemoryDiagnoser]
public class MistralCalls
{
    private PeerClients _clients = null!;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup() => _clients = PeerClients.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _clients.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task HandWritten() => Fanout.RunAsync(Concurrency, async () =>
    {
        MistralConversationResponse response = await _clients.HandWritten.MistralStartAsync(new MistralConversationRequest { Inputs = "Weather in Paris?" });
        return response.Outputs.Count;
    });

    [Benchmark(OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task Generated() => Fanout.RunAsync(Concurrency, async () =>
    {
        MistralFull.ConversationResponse response = await _clients.GeneratedMistral.Beta.Conversations.StartAsync(new MistralFull.ConversationRequest { Inputs = "Weather in Paris?" });
        return response.Outputs.Count;
    });
}

/// <summary>
/// Non-streaming OpenAI chat calls over a socket, one at a time and 64 at a time: the generated client of OpenAI's full
/// document, the hand-written call, the official OpenAI .NET SDK, and Kiota's client when run.sh generated it.
/// </summary>
[MemoryDiagnoser]
public class OpenAICalls
{
    private PeerClients _clients = null!;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup() => _clients = PeerClients.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _clients.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task HandWritten() => Fanout.RunAsync(Concurrency, async () =>
    {
        ChatCompletion completion = await _clients.HandWritten.OpenAIChatAsync(Requests.HandWrittenChat());
        return completion.Choices.Count;
    });

    [Benchmark(OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task Generated() => Fanout.RunAsync(Concurrency, async () =>
    {
        OpenAIFull.CreateChatCompletionResponse completion = await _clients.GeneratedOpenAI.Chat.CreateChatCompletionAsync(Requests.GeneratedChat());
        return completion.Choices.Count;
    });

    [Benchmark(OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task OfficialSdk() => Fanout.RunAsync(Concurrency, async () =>
    {
        ClientResult<OpenAI.Chat.ChatCompletion> completion = await _clients.OfficialOpenAI.CompleteChatAsync(new UserChatMessage("Weather in Paris?"));
        return completion.Value.Content.Count;
    });

#if KIOTA
    [Benchmark(OperationsPerInvoke = Fanout.CallsPerInvoke)]
    public Task Kiota() => Fanout.RunAsync(Concurrency, () => _clients.Kiota.ChatAsync("Weather in Paris?"));
#endif
}

/// <summary>Runs <see cref="CallsPerInvoke"/> calls, at most a given number at a time, and checks each gave an item.</summary>
internal static class Fanout
{
    public const int CallsPerInvoke = 256;

    public static async Task RunAsync(int concurrency, Func<Task<int>> call)
    {
        var workers = new Task[concurrency];
        int next = -1;
        for (int w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (System.Threading.Interlocked.Increment(ref next) < CallsPerInvoke)
                {
                    if (await call().ConfigureAwait(false) != 1)
                    {
                        throw new InvalidOperationException("A call gave no item.");
                    }
                }
            });
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
    }
}
