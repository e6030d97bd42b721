#if OPENAI_DOCUMENT
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GeneratedOpenAI;
using Microsoft.Extensions.AI;
using Xunit;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// The <c>IChatClient</c> generated for OpenAI's published document (unmodified; the chat completion is recognised,
/// OACG0026), called as the README says, <c>client.AsChatClient(model)</c>, against real-shaped answers: what it sends,
/// and what it reads back (text, finish reason, usage, ids, the typed items in <c>RawRepresentation</c>).
/// </summary>
public sealed class OpenAIChatClientTests
{
    private const string Model = "gpt-4o-mini";

    [Fact]
    public async Task A_response_sends_the_messages_and_options_and_reads_text_usage_and_finish_reason()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(OpenAIAnswers.Answer);
        using GeneratedOpenAIClient client = Client(server);
        IChatClient chat = client.AsChatClient(Model);

        ChatResponse response = await chat.GetResponseAsync(
            "Say hello.",
            new ChatOptions { Instructions = "You are terse.", Temperature = 0.2f, MaxOutputTokens = 64, StopSequences = ["\n\n"] });

        JsonNode body = JsonNode.Parse(Assert.Single(server.Drain()).Body)!;
        Assert.Equal(Model, (string?)body["model"]);
        Assert.Equal(["system: You are terse.", "user: Say hello."], body["messages"]!.AsArray().Select(m => $"{m!["role"]}: {m["content"]}"));
        Assert.Equal(0.2, (double)body["temperature"]!);
        Assert.Equal(64, (int)body["max_completion_tokens"]!);
        Assert.Equal("""["\n\n"]""", body["stop"]!.ToJsonString());
        Assert.False((bool)body["stream"]!);

        Assert.Equal(OpenAIAnswers.CompletionText, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(10, response.Usage!.InputTokenCount);
        Assert.Equal(9, response.Usage.OutputTokenCount);
        Assert.Equal(19, response.Usage.TotalTokenCount);
        Assert.Equal("chatcmpl-CJq0aWqVnTCbXk0Yb3mXyGo7sEuT1", response.ResponseId);
        Assert.Equal("gpt-4o-mini-2024-07-18", response.ModelId);
        Assert.Null(response.ConversationId);
        Assert.Equal(OpenAIAnswers.CompletionText, Assert.IsType<CreateChatCompletionResponse>(response.RawRepresentation).Choices[0].Message.Content);
    }

    [Fact]
    public async Task A_streamed_response_yields_each_chunk_with_its_text_then_the_finish_reason_and_usage()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(OpenAIAnswers.Answer);
        using GeneratedOpenAIClient client = Client(server);
        IChatClient chat = client.AsChatClient(Model);

        List<ChatResponseUpdate> updates = await chat.GetStreamingResponseAsync("Say hello.").ToListAsync();

        CapturedRequest request = Assert.Single(server.Drain());
        Assert.Equal("text/event-stream", request.Accept);
        Assert.True((bool)JsonNode.Parse(request.Body)!["stream"]!);

        Assert.Equal(OpenAIAnswers.StreamChunkCount, updates.Count);
        Assert.All(updates, u => Assert.IsType<CreateChatCompletionStreamResponse>(u.RawRepresentation));
        Assert.Equal(["", "Hello", " there", "!", "", ""], updates.Select(u => u.Text));
        Assert.Equal(ChatFinishReason.Stop, updates[4].FinishReason);

        ChatResponse whole = updates.ToChatResponse();
        Assert.Equal(OpenAIAnswers.StreamText, whole.Text);
        Assert.Equal(ChatFinishReason.Stop, whole.FinishReason);
        Assert.Equal(13, whole.Usage!.TotalTokenCount);
        Assert.Equal(3, whole.Usage.OutputTokenCount);
        Assert.Equal("chatcmpl-CJq0bHdL2mG8tTnE1aZQ0sXkV9pRf", whole.ResponseId);
    }

    [Fact]
    public void The_metadata_names_the_document_and_the_model()
    {
        using var client = new GeneratedOpenAIClient(new HttpClient());
        ChatClientMetadata metadata = client.AsChatClient(Model).GetRequiredService<ChatClientMetadata>();

        Assert.Equal("OpenAI API", metadata.ProviderName);
        Assert.Equal(new Uri("https://api.openai.com/v1"), metadata.ProviderUri);
        Assert.Equal(Model, metadata.DefaultModelId);
        Assert.Same(client, client.AsChatClient().GetService<GeneratedOpenAIClient>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Function_invocation_runs_a_tool_round_trip(bool streaming)
    {
        var calls = new List<string>();
        [Description("The weather in a city.")]
        string GetWeather([Description("The city.")] string city)
        {
            calls.Add(city);
            return city == "Paris" ? "18 °C and sunny" : "unknown";
        }

        await using CaptureServer server = await CaptureServer.StartAsync(ToolAnswers.Answer);
        using GeneratedOpenAIClient client = Client(server);
        IChatClient chat = client.AsChatClient(Model).AsBuilder().UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(GetWeather, "get_weather")] };

        string text = streaming
            ? (await chat.GetStreamingResponseAsync("What is the weather in Paris?", options).ToChatResponseAsync()).Text
            : (await chat.GetResponseAsync("What is the weather in Paris?", options)).Text;

        Assert.Equal(ToolAnswers.FinalText, text);
        Assert.Equal(["Paris"], calls);
        List<CapturedRequest> requests = server.Drain();
        Assert.Equal(2, requests.Count);

        JsonNode first = JsonNode.Parse(requests[0].Body)!;
        JsonNode tool = first["tools"]![0]!;
        Assert.Equal("function", (string?)tool["type"]);
        Assert.Equal("get_weather", (string?)tool["function"]!["name"]);
        Assert.Equal("The weather in a city.", (string?)tool["function"]!["description"]);
        Assert.Equal("string", (string?)tool["function"]!["parameters"]!["properties"]!["city"]!["type"]);

        JsonArray messages = JsonNode.Parse(requests[1].Body)!["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        JsonNode call = messages[1]!["tool_calls"]![0]!;
        Assert.Equal("assistant", (string?)messages[1]!["role"]);
        Assert.Equal(ToolAnswers.CallId, (string?)call["id"]);
        Assert.Equal("get_weather", (string?)call["function"]!["name"]);
        Assert.Equal("Paris", (string?)JsonNode.Parse((string)call["function"]!["arguments"]!)!["city"]);
        Assert.Equal("tool", (string?)messages[2]!["role"]);
        Assert.Equal(ToolAnswers.CallId, (string?)messages[2]!["tool_call_id"]);
        Assert.Contains("18 °C and sunny", (string?)messages[2]!["content"]);
    }

    private static GeneratedOpenAIClient Client(CaptureServer server) =>
        new(new HttpClient { BaseAddress = new Uri(server.BaseAddress, "v1/") }, new GeneratedOpenAIClientOptions { BearerToken = "sk-test-key" });

    /// <summary>OpenAI's answers to a call with a tool: first the tool call (whole, or in argument fragments), then, once the result came back, the text.</summary>
    private static class ToolAnswers
    {
        public const string CallId = "call_q5FLb6zW0bGmzQq2JqV7aY1c";
        public const string FinalText = "It is 18 °C and sunny in Paris.";

        private const string Head = "\"id\":\"chatcmpl-CJq1kTool\",\"object\":\"chat.completion.chunk\",\"created\":1758793500,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"";

        private const string Call = """
            {"id":"chatcmpl-CJq1kTool","object":"chat.completion","created":1758793500,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_q5FLb6zW0bGmzQq2JqV7aY1c","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}],"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":58,"completion_tokens":16,"total_tokens":74},"service_tier":"default","system_fingerprint":"fp_560af6e559"}
            """;

        private const string Final = """
            {"id":"chatcmpl-CJq1mText","object":"chat.completion","created":1758793501,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"It is 18 °C and sunny in Paris.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":90,"completion_tokens":12,"total_tokens":102},"service_tier":"default","system_fingerprint":"fp_560af6e559"}
            """;

        private const string CallStream =
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_q5FLb6zW0bGmzQq2JqV7aY1c\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Paris\\\"}\"}}]},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],\"usage\":null}\n\n" +
            "data: [DONE]\n\n";

        private const string FinalStream =
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"It is 18 °C\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" and sunny in Paris.\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n" +
            "data: {" + Head + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n" +
            "data: [DONE]\n\n";

        /// <summary>A request whose last message is the tool's result gets the text; any other, the tool call.</summary>
        public static (int, string, string) Answer(CapturedRequest request)
        {
            JsonNode body = JsonNode.Parse(request.Body)!;
            bool stream = body["stream"]?.GetValue<bool>() == true;
            bool answered = (string?)body["messages"]!.AsArray().Last()!["role"] == "tool";
            return stream
                ? (200, "text/event-stream; charset=utf-8", answered ? FinalStream : CallStream)
                : (200, "application/json", answered ? Final : Call);
        }
    }
}
#endif
