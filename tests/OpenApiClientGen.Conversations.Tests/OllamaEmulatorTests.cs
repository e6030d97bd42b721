#if OLLAMA_DOCUMENT
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Conversations.Emulators;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// The client generated from Ollama's own published document, unmodified, against the Ollama-shaped emulator: the
/// server streams NDJSON unless the body says <c>"stream": false</c>, in writes that split lines and characters.
/// </summary>
public sealed class OllamaEmulatorTests
{
    private const string Question = "How should I plan a migration?";

    [Fact]
    public async Task ChatStreamAsync_yields_typed_events_token_by_token()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Ollama.OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        var events = new List<Ollama.ChatStreamEvent>();
        await foreach (Ollama.ChatStreamEvent item in client.ChatStreamAsync("llama3.2", [new Ollama.ChatMessage { Role = Ollama.ChatMessageRole.User, Content = Question }]))
        {
            events.Add(item);
        }

        string reply = OllamaEmulator.Reply(Question);
        Assert.Equal(CannedReplies.Tokens(reply), events[..^1].Select(e => e.Message!.Content));
        Assert.Equal(reply, string.Concat(events.Select(e => e.Message!.Content)));
        Assert.All(events[..^1], e => Assert.False(e.Done));
        Assert.True(events[^1].Done);
        Assert.Equal("llama3.2", events[0].Model);

        OllamaRequest sent = Assert.Single(emulator.Requests);
        Assert.Equal(("/api/chat", "application/x-ndjson"), (sent.Path, sent.Accept));
        Assert.True((bool)sent.Body["stream"]!);
    }

    [Fact]
    public async Task ChatAsync_gets_one_json_answer_and_says_it_does_not_want_a_stream()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        using var client = new Ollama.OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        Ollama.ChatResponse answer = await client.ChatAsync("llama3.2", [new Ollama.ChatMessage { Role = Ollama.ChatMessageRole.User, Content = Question }]);

        Assert.Equal(OllamaEmulator.Reply(Question), answer.Message!.Content);
        Assert.True(answer.Done);
        Assert.Equal("stop", answer.DoneReason);
        OllamaRequest sent = Assert.Single(emulator.Requests);
        Assert.Equal("application/json", sent.Accept);
        Assert.False((bool)sent.Body["stream"]!);
    }

    [Fact]
    public async Task A_request_object_reused_for_both_methods_asks_for_what_each_reads()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Ollama.OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        var request = new Ollama.GenerateRequest { Model = "gemma3", Prompt = Question };

        int streamed = 0;
        await foreach (Ollama.GenerateStreamEvent _ in client.GenerateStreamAsync(request))
        {
            streamed++;
        }

        Ollama.GenerateResponse whole = await client.GenerateAsync(request);

        Assert.Equal(CannedReplies.Tokens(OllamaEmulator.Reply(Question)).Count + 1, streamed);
        Assert.Equal(OllamaEmulator.Reply(Question), whole.Response);
        Assert.Equal([true, false], emulator.Requests.Select(r => (bool)r.Body["stream"]!));
    }

    [Fact]
    public async Task PullStreamAsync_yields_progress_until_success()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Ollama.OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        var progress = new List<Ollama.StatusEvent>();
        await foreach (Ollama.StatusEvent status in client.PullStreamAsync("qwen3"))
        {
            progress.Add(status);
        }

        Assert.Equal("pulling manifest", progress[0].Status);
        Assert.Equal("success", progress[^1].Status);
        List<Ollama.StatusEvent> downloads = progress.Where(p => p.Total is not null).ToList();
        Assert.Equal(4, downloads.Count);
        Assert.Equal(downloads[^1].Total, downloads[^1].Completed);
        Assert.True(downloads.Zip(downloads.Skip(1)).All(pair => pair.First.Completed < pair.Second.Completed));

        Ollama.StatusResponse done = await client.PullAsync("qwen3");
        Assert.Equal("success", done.Status);
        Assert.Equal([true, false], emulator.Requests.Select(r => (bool)r.Body["stream"]!));
    }

    [Fact]
    public async Task A_model_the_server_does_not_have_fails_the_stream_with_the_servers_error()
    {
        await using OllamaEmulator emulator = await OllamaEmulator.StartAsync();
        using var client = new Ollama.OllamaClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (Ollama.ChatStreamEvent _ in client.ChatStreamAsync("llama9", [new Ollama.ChatMessage { Role = Ollama.ChatMessageRole.User, Content = Question }]))
            {
            }
        });

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Contains("model 'llama9' not found", ex.Body);
    }
}
#endif
