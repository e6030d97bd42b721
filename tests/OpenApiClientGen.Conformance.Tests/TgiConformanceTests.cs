using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
#if TGI_SPEC
using Tgi;
#endif

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// The client generated from Hugging Face Text Generation Inference's published document
/// (<c>../shared/corpus/hf-tgi__openapi.json</c>, unmodified, through an <c>&lt;OpenApiClient&gt;</c> item) makes a
/// chat completion, plain and streamed, against a loopback server that answers as TGI does. It is called as the README
/// tells a user to: no stream flag is set by hand.
/// </summary>
public sealed class TgiConformanceTests
{
    private const string Question = "What is Deep Learning?";

    // TGI's answers, as its router writes them (object, id, created, model, system_fingerprint, choices, usage).
    internal const string Completion = """
        {"object":"chat.completion","id":"","created":1706270835,"model":"tgi","system_fingerprint":"3.0.1-native","choices":[{"index":0,"message":{"role":"assistant","content":"Deep learning is a subset of machine learning.","tool_call_id":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":17,"completion_tokens":9,"total_tokens":26}}
        """;

    internal const string Chunks =
        "data: {\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1706270978,\"model\":\"tgi\",\"system_fingerprint\":\"3.0.1-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Deep\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n"
        + "data: {\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1706270978,\"model\":\"tgi\",\"system_fingerprint\":\"3.0.1-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\" learning\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n"
        + "data: {\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":1706270978,\"model\":\"tgi\",\"system_fingerprint\":\"3.0.1-native\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
        + "data: [DONE]\n\n";

#if TGI_SPEC
    [Fact]
    public async Task A_chat_completion_sends_the_message_and_reads_the_answer()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(Answer);
        using var client = new TgiClient(new HttpClient { BaseAddress = server.BaseAddress });

        ChatCompletion completion = await client.TextGenerationInference.ChatCompletionsAsync(Request());

        AssertChatRequest(Assert.Single(server.Drain()), accept: "application/json", stream: false);

        ChatCompletionComplete choice = Assert.Single(completion.Choices);
        Assert.Equal("Deep learning is a subset of machine learning.", choice.Message.AsTextMessage!.Content);
        Assert.Equal("stop", choice.FinishReason);
        Assert.Equal(26, completion.Usage.TotalTokens);
    }

    [Fact]
    public async Task A_streamed_chat_completion_asks_for_events_and_reads_them_to_the_done_sentinel()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(Answer);
        using var client = new TgiClient(new HttpClient { BaseAddress = server.BaseAddress });

        var texts = new List<string>();
        string? finishReason = null;
        await foreach (ChatCompletionChunk chunk in client.TextGenerationInference.ChatCompletionsStreamAsync(Request()))
        {
            ChatCompletionChoice choice = Assert.Single(chunk.Choices);
            texts.Add(choice.Delta.AsTextMessage!.Content);
            finishReason = choice.FinishReason.IsSet ? choice.FinishReason.Value : null;
        }

        AssertChatRequest(Assert.Single(server.Drain()), accept: "text/event-stream", stream: true);

        Assert.Equal(new[] { "Deep", " learning", "" }, texts);
        Assert.Equal("stop", finishReason);
    }

    /// <summary>The method chose the stream flag and Accept itself; the caller's message went out as written.</summary>
    private static void AssertChatRequest(CapturedRequest request, string accept, bool stream)
    {
        Assert.Equal("POST /v1/chat/completions", request.Method + " " + request.Path);
        Assert.Equal(accept, request.Accept);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        JsonNode body = JsonNode.Parse(request.Body)!;
        Assert.Equal("user", (string?)body["messages"]![0]!["role"]);
        Assert.Equal(Question, (string?)body["messages"]![0]!["content"]);
        Assert.Equal(32, (int)body["max_tokens"]!);
        Assert.Equal(stream, (bool)body["stream"]!);
    }

    private static ChatRequest Request() => new()
    {
        Messages = new List<Message> { new() { Role = "user", Content = Question } },
        MaxTokens = 32,
    };
#else
    [Fact(Skip = "Needs ../shared/corpus/hf-tgi__openapi.json beside the repository, which is not present in this checkout.")]
    public void A_chat_completion_sends_the_message_and_reads_the_answer()
    {
    }
#endif

    // A request that asks for events gets TGI's event stream; any other gets its JSON completion.
    internal static (int, string, string) Answer(CapturedRequest request) =>
        request.Accept?.Contains("text/event-stream", StringComparison.Ordinal) == true
            ? (200, "text/event-stream", Chunks)
            : (200, "application/json", Completion);
}
