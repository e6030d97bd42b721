using System;
using System.Threading.Tasks;

namespace PeerBenchmarks;

/// <summary>
/// <c>--allocations</c>: bytes allocated per call and per event by each client, counted precisely over many
/// sequential calls after a warm-up, with no timing. A quick look between benchmark runs.
/// </summary>
internal static class AllocationProbe
{
    public static async Task RunAsync()
    {
        await using PeerClients clients = await PeerClients.StartAsync();
        var calls = new MistralCalls { Concurrency = 1 };
        var openAICalls = new OpenAICalls { Concurrency = 1 };
        var mistralStream = new MistralSocketStream();
        var openAIStream = new OpenAISocketStream();
        calls.Setup();
        openAICalls.Setup();
        mistralStream.Setup();
        openAIStream.Setup();
        await Report("Mistral start, hand-written", Fanout.CallsPerInvoke, calls.HandWritten);
        await Report("Mistral start, generated", Fanout.CallsPerInvoke, calls.Generated);
        await Report("OpenAI chat, hand-written", Fanout.CallsPerInvoke, openAICalls.HandWritten);
        await Report("OpenAI chat, generated", Fanout.CallsPerInvoke, openAICalls.Generated);
        await Report("OpenAI chat, official SDK", Fanout.CallsPerInvoke, openAICalls.OfficialSdk);
#if KIOTA
        await Report("OpenAI chat, Kiota", Fanout.CallsPerInvoke, openAICalls.Kiota);
#endif
        await Parts();
        await Ticks("Mistral start, generated", calls.Generated);
        await Ticks("Mistral start, hand-written", calls.HandWritten);
        await Ticks("OpenAI chat, generated", openAICalls.Generated);
        await Ticks("OpenAI chat, hand-written", openAICalls.HandWritten);
        await Ticks("Mistral stream, generated", mistralStream.Generated);
        await Ticks("Mistral stream, hand-written", mistralStream.HandWritten);
        await Report("Mistral stream, hand-written", PeerAnswers.EventCount, mistralStream.HandWritten);
        await Report("Mistral stream, generated", PeerAnswers.EventCount, mistralStream.Generated);
        await Report("OpenAI stream, hand-written", PeerAnswers.EventCount, openAIStream.HandWritten);
        await Report("OpenAI stream, generated", PeerAnswers.EventCount, openAIStream.Generated);
        await Report("OpenAI stream, official SDK", PeerAnswers.EventCount, openAIStream.OfficialSdk);
    }

    /// <summary>The JSON alone, with no HTTP: the request body written and the answer read, per call.</summary>
    private static async Task Parts()
    {
        var answers = new PeerAnswers();
        byte[] completion = answers.OpenAICompletion;
        byte[] conversation = answers.MistralResponse;
        await Report("OpenAI request JSON, generated", 1, () => Done(OpenApiClientGen.Runtime.JsonCodecs.SerializeToUtf8Bytes(Requests.GeneratedChat(), OpenAIFull.GeneratedOpenAIClientJson.CreateChatCompletionRequest)));
        await Report("OpenAI request JSON, hand-written", 1, () => Done(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Requests.HandWrittenChat(), HandWrittenJson.Default.ChatRequest)));
        await Report("OpenAI answer JSON, generated", 1, () => Done(OpenApiClientGen.Runtime.JsonCodecs.Deserialize(completion, OpenAIFull.GeneratedOpenAIClientJson.CreateChatCompletionResponse)));
        await Report("OpenAI answer JSON, hand-written", 1, () => Done(System.Text.Json.JsonSerializer.Deserialize(completion, HandWrittenJson.Default.ChatCompletion)));
        await Report("Mistral answer JSON, generated", 1, () => Done(OpenApiClientGen.Runtime.JsonCodecs.Deserialize(conversation, MistralFull.MistralClientJson.ConversationResponse)));
        await Report("Mistral answer JSON, hand-written", 1, () => Done(System.Text.Json.JsonSerializer.Deserialize(conversation, HandWrittenJson.Default.MistralConversationResponse)));
    }

    private static Task Done(object? value) => value is null ? throw new InvalidOperationException("nothing was read") : Task.CompletedTask;

    private static async Task Ticks(string name, Func<Task> run)
    {
        using var ticks = new AllocationTicks();
        ticks.Start();
        for (int i = 0; i < 40; i++)
        {
            await run();
        }

        Console.WriteLine($"{name}: allocation ticks by type");
        foreach (var (type, count) in ticks.Stop())
        {
            Console.WriteLine($"  {count,5}  {type}");
        }
    }

    private static async Task Report(string name, int operations, Func<Task> run)
    {
        for (int i = 0; i < 5; i++)
        {
            await run();
        }

        const int Rounds = 20;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Rounds; i++)
        {
            await run();
        }

        long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        Console.WriteLine($"{name,-32} {bytes / (double)(Rounds * operations),10:F0} B per item");
    }
}
