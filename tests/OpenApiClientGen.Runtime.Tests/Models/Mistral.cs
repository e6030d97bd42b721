using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using OpenApiClientGen.Runtime.Tests.Infrastructure;

// Hand-written stand-ins for what the generator emits from specs/mistral.yaml: the frame schema ConversationEvents
// {event: SSETypes, data: oneOf by type}, a few of its payloads, and one streaming operation. The stream reader is the
// only new thing: a static field listing the SSETypes names, so an event name the spec does not list stays an item.
namespace OpenApiClientGen.Runtime.Tests.Mistral;

public readonly record struct SSETypes(string Value)
{
    public static SSETypes ConversationResponseStarted { get; } = new("conversation.response.started");

    public static SSETypes MessageOutputDelta { get; } = new("message.output.delta");

    public override string ToString() => Value ?? "";
}

public abstract class ConversationEventData
{
    public string Type { get; set; } = "";

    public DateTimeOffset? CreatedAt { get; set; }
}

public sealed class ResponseStartedEvent : ConversationEventData
{
    public string ConversationId { get; set; } = "";
}

public sealed class MessageOutputEvent : ConversationEventData
{
    public string Id { get; set; } = "";

    public int? ContentIndex { get; set; }

    public string? Model { get; set; }

    public string Content { get; set; } = "";
}

public sealed class FunctionCallEvent : ConversationEventData
{
    public string Name { get; set; } = "";

    public string ToolCallId { get; set; } = "";

    public string Arguments { get; set; } = "";
}

public sealed class ResponseDoneEvent : ConversationEventData
{
    public ConversationUsageInfo? Usage { get; set; }
}

public sealed class ConversationUsageInfo
{
    public int? PromptTokens { get; set; }

    public int? CompletionTokens { get; set; }

    public int? TotalTokens { get; set; }
}

/// <summary>A payload whose <c>type</c> this version does not know, kept as JSON.</summary>
public sealed class UnknownConversationEventData : ConversationEventData
{
    public JsonElement Json { get; set; }
}

/// <summary>The frame: the SSE event name in <see cref="Event"/>, its JSON data read into <see cref="Data"/>.</summary>
public sealed class ConversationEvents
{
    public SSETypes Event { get; init; }

    /// <summary>The payload; null for an event name the spec does not list.</summary>
    public ConversationEventData? Data { get; init; }

    /// <summary>The data text of an event name the spec does not list.</summary>
    public string? UnknownData { get; init; }

    public SseItemInfo Sse { get; init; }

    public static ConversationEvents Create(SseItemInfo sse, ConversationEventData data) => new() { Event = new(sse.EventType), Data = data, Sse = sse };

    public static ConversationEvents Unknown(SseItemInfo sse, string data) => new() { Event = new(sse.EventType), UnknownData = data, Sse = sse };
}

public sealed class ConversationStreamRequest
{
    public string Inputs { get; set; } = "";

    public bool Stream { get; set; } = true;
}

// As in the generated codec file: nullable members share the codecs of their non-nullable types.
#nullable disable warnings

public static class MistralClientJson
{
    public static readonly ObjectCodec<ConversationStreamRequest> ConversationStreamRequest = new(
        static () => new ConversationStreamRequest(),
        static () => new[]
        {
            JsonMember.Required<ConversationStreamRequest, string>("inputs", JsonCodecs.String, static m => m.Inputs, static (m, v) => m.Inputs = v),
            JsonMember.Required<ConversationStreamRequest, bool>("stream", JsonCodecs.Boolean, static m => m.Stream, static (m, v) => m.Stream = v),
        });

    public static readonly ObjectCodec<ConversationUsageInfo> ConversationUsageInfo = new(
        static () => new ConversationUsageInfo(),
        static () => new[]
        {
            JsonMember.Value<ConversationUsageInfo, int?>("prompt_tokens", JsonCodecs.Nullable(JsonCodecs.Int32), static m => m.PromptTokens, static (m, v) => m.PromptTokens = v),
            JsonMember.Value<ConversationUsageInfo, int?>("completion_tokens", JsonCodecs.Nullable(JsonCodecs.Int32), static m => m.CompletionTokens, static (m, v) => m.CompletionTokens = v),
            JsonMember.Value<ConversationUsageInfo, int?>("total_tokens", JsonCodecs.Nullable(JsonCodecs.Int32), static m => m.TotalTokens, static (m, v) => m.TotalTokens = v),
        });

    public static readonly ObjectCodec<ResponseStartedEvent> ResponseStartedEvent = new(
        static () => new ResponseStartedEvent(),
        static () => new[]
        {
            TypeMember<ResponseStartedEvent>(),
            CreatedAtMember<ResponseStartedEvent>(),
            JsonMember.Required<ResponseStartedEvent, string>("conversation_id", JsonCodecs.String, static m => m.ConversationId, static (m, v) => m.ConversationId = v),
        });

    public static readonly ObjectCodec<MessageOutputEvent> MessageOutputEvent = new(
        static () => new MessageOutputEvent(),
        static () => new[]
        {
            TypeMember<MessageOutputEvent>(),
            CreatedAtMember<MessageOutputEvent>(),
            JsonMember.Required<MessageOutputEvent, string>("id", JsonCodecs.String, static m => m.Id, static (m, v) => m.Id = v),
            JsonMember.Value<MessageOutputEvent, int?>("content_index", JsonCodecs.Nullable(JsonCodecs.Int32), static m => m.ContentIndex, static (m, v) => m.ContentIndex = v),
            JsonMember.Value<MessageOutputEvent, string?>("model", JsonCodecs.String, static m => m.Model, static (m, v) => m.Model = v),
            JsonMember.Required<MessageOutputEvent, string>("content", JsonCodecs.String, static m => m.Content, static (m, v) => m.Content = v),
        });

    public static readonly ObjectCodec<FunctionCallEvent> FunctionCallEvent = new(
        static () => new FunctionCallEvent(),
        static () => new[]
        {
            TypeMember<FunctionCallEvent>(),
            CreatedAtMember<FunctionCallEvent>(),
            JsonMember.Required<FunctionCallEvent, string>("name", JsonCodecs.String, static m => m.Name, static (m, v) => m.Name = v),
            JsonMember.Required<FunctionCallEvent, string>("tool_call_id", JsonCodecs.String, static m => m.ToolCallId, static (m, v) => m.ToolCallId = v),
            JsonMember.Required<FunctionCallEvent, string>("arguments", JsonCodecs.String, static m => m.Arguments, static (m, v) => m.Arguments = v),
        });

    public static readonly ObjectCodec<ResponseDoneEvent> ResponseDoneEvent = new(
        static () => new ResponseDoneEvent(),
        static () => new[]
        {
            TypeMember<ResponseDoneEvent>(),
            CreatedAtMember<ResponseDoneEvent>(),
            JsonMember.Required<ResponseDoneEvent, ConversationUsageInfo?>("usage", ConversationUsageInfo, static m => m.Usage, static (m, v) => m.Usage = v),
        });

    public static readonly DiscriminatedUnionCodec<ConversationEventData> ConversationEventData = new(
        "type",
        new Dictionary<string, ReadVariant<ConversationEventData>>
        {
            ["conversation.response.started"] = DiscriminatedUnionCodec<ConversationEventData>.Variant(ResponseStartedEvent),
            ["message.output.delta"] = DiscriminatedUnionCodec<ConversationEventData>.Variant(MessageOutputEvent),
            ["function.call.delta"] = DiscriminatedUnionCodec<ConversationEventData>.Variant(FunctionCallEvent),
            ["conversation.response.done"] = DiscriminatedUnionCodec<ConversationEventData>.Variant(ResponseDoneEvent),
        },
        static json => new UnknownConversationEventData { Json = json, Type = json.TryGetProperty("type", out JsonElement type) ? type.GetString() ?? "" : "" });

    /// <summary>The stream of ConversationEvents: one entry per SSETypes name; the payload union reads every one.</summary>
    public static readonly SseEventReader<ConversationEvents> ConversationEventsStream = SseEventReader
        .ByEventName<ConversationEvents>(ConversationEvents.Unknown)
        .On("conversation.response.started", ConversationEventData, ConversationEvents.Create)
        .On("conversation.response.done", ConversationEventData, ConversationEvents.Create)
        .On("conversation.response.error", ConversationEventData, ConversationEvents.Create)
        .On("message.output.delta", ConversationEventData, ConversationEvents.Create)
        .On("tool.execution.started", ConversationEventData, ConversationEvents.Create)
        .On("tool.execution.delta", ConversationEventData, ConversationEvents.Create)
        .On("tool.execution.done", ConversationEventData, ConversationEvents.Create)
        .On("agent.handoff.started", ConversationEventData, ConversationEvents.Create)
        .On("agent.handoff.done", ConversationEventData, ConversationEvents.Create)
        .On("function.call.delta", ConversationEventData, ConversationEvents.Create);

    private static JsonMember<T> TypeMember<T>()
        where T : ConversationEventData =>
        JsonMember.Value<T, string>("type", JsonCodecs.String, static m => m.Type, static (m, v) => m.Type = v);

    private static JsonMember<T> CreatedAtMember<T>()
        where T : ConversationEventData =>
        JsonMember.Value<T, DateTimeOffset?>("created_at", JsonCodecs.Nullable(JsonCodecs.DateTimeOffset), static m => m.CreatedAt, static (m, v) => m.CreatedAt = v);
}

#nullable restore warnings

/// <summary>What the generator emits for the streaming operation: the request, and one call into the runtime.</summary>
public sealed class ConversationsClient
{
    private readonly ApiConnection _connection;

    public ConversationsClient(ApiConnection connection) => _connection = connection;

    public IAsyncEnumerable<ConversationEvents> StartStreamAsync(ConversationStreamRequest body, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest("POST", "/v1/conversations").JsonBody(body, MistralClientJson.ConversationStreamRequest);
        return _connection.StreamEventsAsync(request, MistralClientJson.ConversationEventsStream, cancellationToken);
    }
}
