using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using StreamingBenchmarks;

namespace PeerBenchmarks;

/// <summary>
/// The calls a developer would write by hand, the baseline of every row: <see cref="HttpClient"/>, the
/// source-generated System.Text.Json context below, and <see cref="SseParser"/> for streams, into hand-written
/// classes that hold only what the answers carry.
/// </summary>
internal sealed class HandWrittenClients(HttpClient http)
{
    public async Task<MistralConversationResponse> MistralStartAsync(MistralConversationRequest request, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = Post("v1/conversations", JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJson.Default.MistralConversationRequest), "application/json");
        using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(body, HandWrittenJson.Default.MistralConversationResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The answer was null.");
    }

    public async IAsyncEnumerable<MistralEvent> MistralStartStreamAsync(MistralConversationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = Post("v1/conversations", JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJson.Default.MistralConversationRequest), "text/event-stream");
        using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        SseParser<MistralEvent?> parser = SseParser.Create(body, static (_, data) => JsonSerializer.Deserialize(data, HandWrittenJson.Default.MistralEvent));
        await foreach (SseItem<MistralEvent?> item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item.Data ?? throw new InvalidDataException("An event was null.");
        }
    }

    public async Task<ChatCompletion> OpenAIChatAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = Post("v1/chat/completions", JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJson.Default.ChatRequest), "application/json");
        using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(body, HandWrittenJson.Default.ChatCompletion, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The answer was null.");
    }

    public async IAsyncEnumerable<ChatChunk> OpenAIChatStreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage message = Post("v1/chat/completions", JsonSerializer.SerializeToUtf8Bytes(request, HandWrittenJson.Default.ChatRequest), "text/event-stream");
        using HttpResponseMessage response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        SseParser<ChatChunk?> parser = SseParser.Create(body, static (_, data) =>
            data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, HandWrittenJson.Default.ChatChunk));
        await foreach (SseItem<ChatChunk?> item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Data is null)
            {
                yield break;
            }

            yield return item.Data;
        }

        throw new InvalidDataException("The stream ended without [DONE].");
    }

    private static HttpRequestMessage Post(string path, byte[] json, string accept)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PeerClients.ApiKey);
        return message;
    }
}

internal sealed class MistralConversationRequest
{
    [JsonPropertyName("inputs")]
    public string Inputs { get; set; } = "";

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("stream")]
    public bool Stream { get; set; }
}

internal sealed class MistralConversationResponse
{
    [JsonPropertyName("conversation_id")]
    public string ConversationId { get; set; } = "";

    [JsonPropertyName("outputs")]
    public List<MistralOutput> Outputs { get; set; } = [];

    [JsonPropertyName("usage")]
    public Usage? Usage { get; set; }
}

internal sealed class MistralOutput
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("content")]
    public string? Content { get; set; }
}

internal sealed class ChatRequest
{
    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    [JsonPropertyName("messages")]
    public List<ChatRequestMessage> Messages { get; set; } = [];

    [JsonPropertyName("stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Stream { get; set; }
}

internal sealed class ChatRequestMessage
{
    [JsonPropertyName("role")]
    public string Role { get; set; } = "";

    [JsonPropertyName("content")]
    public string Content { get; set; } = "";
}

internal sealed class ChatCompletion
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    [JsonPropertyName("choices")]
    public List<ChatChoice> Choices { get; set; } = [];

    [JsonPropertyName("usage")]
    public ChatUsage? Usage { get; set; }
}

internal sealed class ChatChoice
{
    [JsonPropertyName("index")]
    public int Index { get; set; }

    [JsonPropertyName("message")]
    public ChatMessageDelta? Message { get; set; }

    [JsonPropertyName("delta")]
    public ChatMessageDelta? Delta { get; set; }

    [JsonPropertyName("finish_reason")]
    public string? FinishReason { get; set; }
}

internal sealed class ChatMessageDelta
{
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("content")]
    public string? Content { get; set; }

    [JsonPropertyName("refusal")]
    public string? Refusal { get; set; }
}

internal sealed class ChatChunk
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    [JsonPropertyName("choices")]
    public List<ChatChoice> Choices { get; set; } = [];

    [JsonPropertyName("usage")]
    public ChatUsage? Usage { get; set; }
}

internal sealed class ChatUsage
{
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; set; }

    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; set; }

    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; set; }
}

[JsonSerializable(typeof(MistralConversationRequest))]
[JsonSerializable(typeof(MistralConversationResponse))]
[JsonSerializable(typeof(MistralEvent))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatCompletion))]
[JsonSerializable(typeof(ChatChunk))]
internal sealed partial class HandWrittenJson : JsonSerializerContext
{
}
