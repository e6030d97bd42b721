using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conversations.Emulators;
using LocalModel;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// The demo's local-model client, generated from the bundled <c>specs/ollama.yaml</c> (OpenAPI 3.2, <c>itemSchema</c> on
/// <c>application/x-ndjson</c>), against the Ollama-shaped emulator, called as the demo calls it.
/// </summary>
public sealed class LocalModelClientTests
{
    private const string Question = "Why run a model locally?";

    [Fact]
    public async Task Pull_then_chat_token_by_token_then_one_json_answer()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        var statuses = new List<string>();
        await foreach (PullStatus status in client.PullStreamAsync("gemma3"))
        {
            statuses.Add(status.Status);
        }

        var tokens = new List<string>();
        await foreach (ChatResponse item in client.ChatStreamAsync("gemma3", [new Message { Role = MessageRole.User, Content = Question }]))
        {
            tokens.Add(item.Message?.Content ?? "");
        }

        ChatResponse whole = await client.ChatAsync("gemma3", [new Message { Role = MessageRole.User, Content = Question }]);

        Assert.Equal("pulling manifest", statuses[0]);
        Assert.Equal("success", statuses[^1]);
        Assert.Equal(OllamaEmulator.Reply(Question), string.Concat(tokens));
        Assert.True(tokens.Count > 3);
        Assert.Equal(OllamaEmulator.Reply(Question), whole.Message!.Content);

        OllamaRequest[] sent = emulator.Requests.ToArray();
        Assert.Equal(
            [("/api/pull", "application/x-ndjson", true), ("/api/chat", "application/x-ndjson", true), ("/api/chat", "application/json", false)],
            sent.Select(r => (r.Path, r.Accept, (bool)r.Body["stream"]!)));
    }
}
