using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using OpenApiClientGen.Runtime.Tests.Infrastructure;

// Hand-written stand-ins for what the generator emits from specs/orq.yaml: data-only events whose JSON is a union
// picked by "type", a frame schema with only a data member, and a stream that ends at x-speakeasy-sse-sentinel [DONE].
namespace OpenApiClientGen.Runtime.Tests.Orq;

public abstract class ResponseStreamingEvent
{
    public string Type { get; set; } = "";

    public string? Timestamp { get; set; }
}

public sealed class ResponseStartedEvent : ResponseStreamingEvent
{
    public ResponseStartedData? Data { get; set; }
}

public sealed class ResponseStartedData
{
    public string ResponseId { get; set; } = "";

    public string Model { get; set; } = "";
}

public sealed class PartDeltaEvent : ResponseStreamingEvent
{
    public PartDeltaData? Data { get; set; }
}

public sealed class PartDeltaData
{
    public string PartId { get; set; } = "";

    public PartDelta? Delta { get; set; }
}

public sealed class PartDelta
{
    public string Kind { get; set; } = "";

    public string? Text { get; set; }
}

public sealed class ResponseDoneEvent : ResponseStreamingEvent
{
    public ResponseDoneData? Data { get; set; }
}

public sealed class ResponseDoneData
{
    public string? FinishReason { get; set; }
}

public sealed class UnknownResponseStreamingEvent : ResponseStreamingEvent
{
    public JsonElement Json { get; set; }
}

/// <summary>The operation's frame schema: an object whose only member is <c>data</c>.</summary>
public sealed class CreateConversationResponseFrame
{
    public ResponseStreamingEvent? Data { get; init; }

    public SseItemInfo Sse { get; init; }
}

// As in the generated codec file: nullable members share the codecs of their non-nullable types.
#nullable disable warnings

public static class OrqClientJson
{
    public static readonly ObjectCodec<ResponseStartedData> ResponseStartedData = new(
        static () => new ResponseStartedData(),
        static () => new[]
        {
            JsonMember.Required<ResponseStartedData, string>("responseId", JsonCodecs.String, static m => m.ResponseId, static (m, v) => m.ResponseId = v),
            JsonMember.Required<ResponseStartedData, string>("model", JsonCodecs.String, static m => m.Model, static (m, v) => m.Model = v),
        });

    public static readonly ObjectCodec<PartDelta> PartDelta = new(
        static () => new PartDelta(),
        static () => new[]
        {
            JsonMember.Required<PartDelta, string>("kind", JsonCodecs.String, static m => m.Kind, static (m, v) => m.Kind = v),
            JsonMember.Value<PartDelta, string?>("text", JsonCodecs.String, static m => m.Text, static (m, v) => m.Text = v),
        });

    public static readonly ObjectCodec<PartDeltaData> PartDeltaData = new(
        static () => new PartDeltaData(),
        static () => new[]
        {
            JsonMember.Required<PartDeltaData, string>("partId", JsonCodecs.String, static m => m.PartId, static (m, v) => m.PartId = v),
            JsonMember.Required<PartDeltaData, PartDelta?>("delta", PartDelta, static m => m.Delta, static (m, v) => m.Delta = v),
        });

    public static readonly ObjectCodec<ResponseDoneData> ResponseDoneData = new(
        static () => new ResponseDoneData(),
        static () => new[]
        {
            JsonMember.Value<ResponseDoneData, string?>("finishReason", JsonCodecs.String, static m => m.FinishReason, static (m, v) => m.FinishReason = v),
        });

    public static readonly ObjectCodec<ResponseStartedEvent> ResponseStartedEvent = new(
        static () => new ResponseStartedEvent(),
        static () => new[]
        {
            TypeMember<ResponseStartedEvent>(),
            TimestampMember<ResponseStartedEvent>(),
            JsonMember.Required<ResponseStartedEvent, ResponseStartedData?>("data", ResponseStartedData, static m => m.Data, static (m, v) => m.Data = v),
        });

    public static readonly ObjectCodec<PartDeltaEvent> PartDeltaEvent = new(
        static () => new PartDeltaEvent(),
        static () => new[]
        {
            TypeMember<PartDeltaEvent>(),
            TimestampMember<PartDeltaEvent>(),
            JsonMember.Required<PartDeltaEvent, PartDeltaData?>("data", PartDeltaData, static m => m.Data, static (m, v) => m.Data = v),
        });

    public static readonly ObjectCodec<ResponseDoneEvent> ResponseDoneEvent = new(
        static () => new ResponseDoneEvent(),
        static () => new[]
        {
            TypeMember<ResponseDoneEvent>(),
            TimestampMember<ResponseDoneEvent>(),
            JsonMember.Required<ResponseDoneEvent, ResponseDoneData?>("data", ResponseDoneData, static m => m.Data, static (m, v) => m.Data = v),
        });

    public static readonly DiscriminatedUnionCodec<ResponseStreamingEvent> ResponseStreamingEvent = new(
        "type",
        new Dictionary<string, ReadVariant<ResponseStreamingEvent>>
        {
            ["response.started"] = DiscriminatedUnionCodec<ResponseStreamingEvent>.Variant(ResponseStartedEvent),
            ["part.delta"] = DiscriminatedUnionCodec<ResponseStreamingEvent>.Variant(PartDeltaEvent),
            ["response.done"] = DiscriminatedUnionCodec<ResponseStreamingEvent>.Variant(ResponseDoneEvent),
        },
        static json => new UnknownResponseStreamingEvent { Json = json, Type = json.TryGetProperty("type", out JsonElement type) ? type.GetString() ?? "" : "" });

    /// <summary>Shape 1: each event's data is the payload; the stream ends at [DONE].</summary>
    public static readonly SseEventReader<ResponseStreamingEvent> ResponseStreamingEventStream =
        SseEventReader.Json(ResponseStreamingEvent).EndAt("[DONE]");

    /// <summary>Shape 2 without an event member: the frame's data is the payload; the stream ends at [DONE].</summary>
    public static readonly SseEventReader<CreateConversationResponseFrame> CreateConversationResponseStream = SseEventReader
        .Frames(ResponseStreamingEvent, static (SseItemInfo sse, ResponseStreamingEvent data) => new CreateConversationResponseFrame { Data = data, Sse = sse })
        .EndAt("[DONE]");

    private static JsonMember<T> TypeMember<T>()
        where T : ResponseStreamingEvent =>
        JsonMember.Required<T, string>("type", JsonCodecs.String, static m => m.Type, static (m, v) => m.Type = v);

    private static JsonMember<T> TimestampMember<T>()
        where T : ResponseStreamingEvent =>
        JsonMember.Value<T, string?>("timestamp", JsonCodecs.String, static m => m.Timestamp, static (m, v) => m.Timestamp = v);
}

#nullable restore warnings

public sealed class OrqConversationsClient
{
    private readonly ApiConnection _connection;

    public OrqConversationsClient(ApiConnection connection) => _connection = connection;

    public IAsyncEnumerable<CreateConversationResponseFrame> CreateConversationResponseAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest("POST", "/v2/conversations/{conversation_id}/responses").Path("conversation_id", conversationId);
        return _connection.StreamEventsAsync(request, OrqClientJson.CreateConversationResponseStream, cancellationToken);
    }
}
