#if OPENAI_DOCUMENT
using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using GeneratedOpenAI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace StreamingBenchmarks;

/// <summary>
/// Reads one recorded OpenAI chat completion stream (<see cref="RecordedOpenAIStream"/>) from memory three ways: the
/// typed <c>CreateChatCompletionStreamAsync</c> of the client generated from OpenAI's published document, that client's
/// generated <c>AsChatClient()</c>, and Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c> over the official
/// OpenAI SDK. Each figure is per chunk.
/// </summary>
[MemoryDiagnoser]
public class ChatClientStreamBenchmarks
{
    public const int ChunkCount = 10_000;

    private byte[] _recorded = Array.Empty<byte>();
    private GeneratedOpenAIClient _client = null!;
    private IChatClient _adapter = null!;
    private IChatClient _official = null!;

    [GlobalSetup]
    public void Setup()
    {
        _recorded = RecordedOpenAIStream.Create(ChunkCount);
        var http = new HttpClient(new ReplayHandler(_recorded)) { BaseAddress = new Uri("http://in-memory.test/v1/") };
        _client = new GeneratedOpenAIClient(http, new GeneratedOpenAIClientOptions { BearerToken = "sk-bench" });
        _adapter = _client.AsChatClient("gpt-4o-mini");
        var options = new OpenAIClientOptions { Endpoint = new Uri("http://in-memory.test/v1"), Transport = new HttpClientPipelineTransport(http) };
        _official = new OpenAI.Chat.ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-bench"), options).AsIChatClient();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = ChunkCount)]
    public async Task<int> TypedStreamMethod()
    {
        var request = new CreateChatCompletionRequest
        {
            Model = "gpt-4o-mini",
            Messages = [new ChatCompletionRequestUserMessage { Content = "Tell me a long story." }],
        };
        int characters = 0;
        await foreach (CreateChatCompletionStreamResponse chunk in _client.Chat.CreateChatCompletionStreamAsync(request))
        {
            foreach (CreateChatCompletionStreamResponseChoice choice in chunk.Choices)
            {
                characters += choice.Delta.Content.GetValueOrDefault()?.Length ?? 0;
            }
        }

        return Check(characters);
    }

    [Benchmark(OperationsPerInvoke = ChunkCount)]
    public Task<int> GeneratedChatClient() => ReadAsync(_adapter);

    [Benchmark(OperationsPerInvoke = ChunkCount)]
    public Task<int> OfficialSdkChatClient() => ReadAsync(_official);

    private static async Task<int> ReadAsync(IChatClient chat)
    {
        int characters = 0;
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync("Tell me a long story."))
        {
            characters += update.Text.Length;
        }

        return Check(characters);
    }

    private static int Check(int characters) =>
        characters == RecordedOpenAIStream.TextLength(ChunkCount) ? characters : throw new InvalidOperationException($"Read {characters} characters instead of {RecordedOpenAIStream.TextLength(ChunkCount)}.");

    private sealed class ReplayHandler(byte[] recorded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(recorded, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

/// <summary>
/// A chat completion stream as OpenAI sends it: a first chunk with the role, content chunks with their
/// <c>"finish_reason": null</c>, <c>"logprobs": null</c> and <c>obfuscation</c> padding, a finish chunk, a usage chunk
/// with no choices, and <c>data: [DONE]</c>.
/// </summary>
public static class RecordedOpenAIStream
{
    private const string Head = "\"id\":\"chatcmpl-CJq0bHdL2mG8tTnE1aZQ0sXkV9pRf\",\"object\":\"chat.completion.chunk\",\"created\":1758793413,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"";
    private static readonly string[] Tokens = [" Once", " upon", " a", " time", ",", " there", " was", " a", " river", "."];

    public static int TextLength(int chunks)
    {
        int length = 0;
        for (int i = 0; i < chunks - 3; i++)
        {
            length += Tokens[i % Tokens.Length].Length;
        }

        return length;
    }

    public static byte[] Create(int chunks)
    {
        var text = new StringBuilder();
        text.Append("data: {").Append(Head).Append(",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x1\"}\n\n");
        for (int i = 0; i < chunks - 3; i++)
        {
            text.Append("data: {").Append(Head).Append(",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").Append(Tokens[i % Tokens.Length])
                .Append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Gz7\"}\n\n");
        }

        text.Append("data: {").Append(Head).Append(",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null,\"obfuscation\":\"pT\"}\n\n");
        text.Append("data: {").Append(Head).Append(",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":").Append(chunks - 2).Append(",\"total_tokens\":").Append(chunks + 10).Append("},\"obfuscation\":\"a9\"}\n\n");
        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
#endif
