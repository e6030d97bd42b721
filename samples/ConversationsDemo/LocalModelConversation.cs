using System;
using System.Net.Http;
using System.Threading.Tasks;
using LocalModel;

namespace ConversationsDemo;

/// <summary>A local model server (Ollama): pull a model with its progress as it comes, then chat with it token by token.</summary>
internal static class LocalModelConversation
{
    public static async Task RunAsync(ServiceTarget target)
    {
        using HttpClient http = target.CreateHttpClient();
        using var client = new OllamaClient(http);
        string model = Environment.GetEnvironmentVariable("OLLAMA_MODEL") ?? "llama3.2";

        // Newline-delimited JSON, one PullStatus per line; the method sends "stream": true itself.
        long? lastPercent = null;
        await foreach (PullStatus status in client.PullStreamAsync(model))
        {
            if (status.Total is > 0 && status.Completed is { } completed)
            {
                long percent = completed * 100 / status.Total.Value;
                if (percent != lastPercent)
                {
                    lastPercent = percent;
                    ConsoleView.Step("pull", $"{status.Status} {percent}%");
                }
            }
            else
            {
                ConsoleView.Step("pull", status.Status);
            }
        }

        ConsoleView.ReplyStart("ask");
        ChatResponse? last = null;
        await foreach (ChatResponse item in client.ChatStreamAsync(model, [new Message { Role = MessageRole.User, Content = "Why run a model locally?" }]))
        {
            ConsoleView.Token(item.Message?.Content ?? "");
            last = item;
        }

        ConsoleView.ReplyEnd();
        ConsoleView.Step("done", $"{last?.DoneReason ?? "(no reason)"}, {last?.EvalCount} tokens in {(last?.TotalDuration ?? 0) / 1_000_000} ms");

        // The same route read as one JSON answer: this method sends "stream": false.
        ChatResponse whole = await client.ChatAsync(model, [new Message { Role = MessageRole.User, Content = "And in one word?" }]);
        ConsoleView.Step("one-shot", $"{whole.Message?.Content.Length ?? 0} characters in one answer");
    }
}
