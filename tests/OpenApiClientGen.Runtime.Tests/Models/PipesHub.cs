using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

// Hand-written stand-ins for what the generator emits from specs/pipeshub.yaml: SSEEvent is a oneOf of one frame per
// event name, and each frame's data is a string whose contentSchema names the JSON inside. Two ways to emit it:
// typed payloads picked by event name (SseEventReader.ByEventName), or the text kept with a helper to read it later.
namespace OpenApiClientGen.Runtime.Tests.PipesHub;

public sealed class SSEConnectedPayload
{
    public string? Message { get; set; }

    public string? ConversationId { get; set; }
}

public sealed class SSEChunkPayload
{
    public string? Chunk { get; set; }

    public string? Accumulated { get; set; }

    public IList<JsonElement>? Citations { get; set; }
}

public sealed class SSECitationPayload
{
    public string? CitationId { get; set; }

    public string? Content { get; set; }
}

public sealed class SSECompletePayload
{
    public JsonElement Conversation { get; set; }

    public SSECompleteMeta? Meta { get; set; }
}

public sealed class SSECompleteMeta
{
    public string? RequestId { get; set; }

    public long? Duration { get; set; }
}

public sealed class SSEErrorPayload
{
    public string? Error { get; set; }

    public string? Details { get; set; }
}

/// <summary>The oneOf SSEEvent, with typed payloads.</summary>
public abstract class SSEEvent
{
    public SseItemInfo Sse { get; init; }
}

public sealed class SSEConnectedEvent : SSEEvent
{
    public SSEConnectedPayload? Data { get; init; }
}

public sealed class SSEChunkEvent : SSEEvent
{
    public SSEChunkPayload? Data { get; init; }
}

public sealed class SSECitationEvent : SSEEvent
{
    public SSECitationPayload? Data { get; init; }
}

public sealed class SSECompleteEvent : SSEEvent
{
    public SSECompletePayload? Data { get; init; }
}

public sealed class SSEErrorEvent : SSEEvent
{
    public SSEErrorPayload? Data { get; init; }
}

/// <summary>An event name the spec does not list: its name and data text, as they came.</summary>
public sealed class UnknownSSEEvent : SSEEvent
{
    public string Event { get; init; } = "";

    public string Data { get; init; } = "";
}

/// <summary>The other way to emit the same schema: the frame as the spec writes it, data kept as JSON text.</summary>
public sealed class SSEEventText
{
    public string Event { get; init; } = "";

    public string Data { get; init; } = "";

    public SseItemInfo Sse { get; init; }

    /// <summary>Reads <see cref="Data"/> as the JSON its contentSchema names.</summary>
    public T ReadData<T>(JsonConverter<T> codec) => JsonCodecs.Deserialize(Data, codec);
}

// As in the generated codec file: nullable members share the codecs of their non-nullable types.
#nullable disable warnings

public static class PipesHubClientJson
{
    public static readonly ObjectCodec<SSEConnectedPayload> SSEConnectedPayload = new(
        static () => new SSEConnectedPayload(),
        static () => new[]
        {
            JsonMember.Value<SSEConnectedPayload, string?>("message", JsonCodecs.String, static m => m.Message, static (m, v) => m.Message = v),
            JsonMember.Value<SSEConnectedPayload, string?>("conversationId", JsonCodecs.String, static m => m.ConversationId, static (m, v) => m.ConversationId = v),
        });

    public static readonly ObjectCodec<SSEChunkPayload> SSEChunkPayload = new(
        static () => new SSEChunkPayload(),
        static () => new[]
        {
            JsonMember.Value<SSEChunkPayload, string?>("chunk", JsonCodecs.String, static m => m.Chunk, static (m, v) => m.Chunk = v),
            JsonMember.Value<SSEChunkPayload, string?>("accumulated", JsonCodecs.String, static m => m.Accumulated, static (m, v) => m.Accumulated = v),
            JsonMember.Value<SSEChunkPayload, IList<JsonElement>?>("citations", JsonCodecs.List(JsonCodecs.Element), static m => m.Citations, static (m, v) => m.Citations = v),
        });

    public static readonly ObjectCodec<SSECitationPayload> SSECitationPayload = new(
        static () => new SSECitationPayload(),
        static () => new[]
        {
            JsonMember.Value<SSECitationPayload, string?>("citationId", JsonCodecs.String, static m => m.CitationId, static (m, v) => m.CitationId = v),
            JsonMember.Value<SSECitationPayload, string?>("content", JsonCodecs.String, static m => m.Content, static (m, v) => m.Content = v),
        });

    public static readonly ObjectCodec<SSECompleteMeta> SSECompleteMeta = new(
        static () => new SSECompleteMeta(),
        static () => new[]
        {
            JsonMember.Value<SSECompleteMeta, string?>("requestId", JsonCodecs.String, static m => m.RequestId, static (m, v) => m.RequestId = v),
            JsonMember.Value<SSECompleteMeta, long?>("duration", JsonCodecs.Nullable(JsonCodecs.Int64), static m => m.Duration, static (m, v) => m.Duration = v),
        });

    public static readonly ObjectCodec<SSECompletePayload> SSECompletePayload = new(
        static () => new SSECompletePayload(),
        static () => new[]
        {
            JsonMember.Value<SSECompletePayload, JsonElement>("conversation", JsonCodecs.Element, static m => m.Conversation, static (m, v) => m.Conversation = v),
            JsonMember.Value<SSECompletePayload, SSECompleteMeta?>("meta", SSECompleteMeta, static m => m.Meta, static (m, v) => m.Meta = v),
        });

    public static readonly ObjectCodec<SSEErrorPayload> SSEErrorPayload = new(
        static () => new SSEErrorPayload(),
        static () => new[]
        {
            JsonMember.Value<SSEErrorPayload, string?>("error", JsonCodecs.String, static m => m.Error, static (m, v) => m.Error = v),
            JsonMember.Value<SSEErrorPayload, string?>("details", JsonCodecs.String, static m => m.Details, static (m, v) => m.Details = v),
        });

    /// <summary>Shapes 3a and 5: the event name picks the payload type; other names stay items.</summary>
    public static readonly SseEventReader<SSEEvent> SSEEventStream = SseEventReader
        .ByEventName<SSEEvent>(static (sse, data) => new UnknownSSEEvent { Event = sse.EventType, Data = data, Sse = sse })
        .On("connected", SSEConnectedPayload, static (sse, data) => new SSEConnectedEvent { Data = data, Sse = sse })
        .On("chunk", SSEChunkPayload, static (sse, data) => new SSEChunkEvent { Data = data, Sse = sse })
        .On("citation", SSECitationPayload, static (sse, data) => new SSECitationEvent { Data = data, Sse = sse })
        .On("complete", SSECompletePayload, static (sse, data) => new SSECompleteEvent { Data = data, Sse = sse })
        .On("error", SSEErrorPayload, static (sse, data) => new SSEErrorEvent { Data = data, Sse = sse });

    /// <summary>Shape 3b: the frame as written, data kept as text.</summary>
    public static readonly SseEventReader<SSEEventText> SSEEventTextStream =
        SseEventReader.Text(static (sse, data) => new SSEEventText { Event = sse.EventType, Data = data, Sse = sse });
}

#nullable restore warnings

public sealed class PipesHubConversationsClient
{
    private readonly ApiConnection _connection;

    public PipesHubConversationsClient(ApiConnection connection) => _connection = connection;

    public IAsyncEnumerable<SSEEvent> StreamAsync(string query, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest("POST", "/conversations/stream").Query("query", query);
        return _connection.StreamEventsAsync(request, PipesHubClientJson.SSEEventStream, cancellationToken);
    }

    public IAsyncEnumerable<SSEEventText> StreamTextAsync(string query, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest("POST", "/conversations/stream").Query("query", query);
        return _connection.StreamEventsAsync(request, PipesHubClientJson.SSEEventTextStream, cancellationToken);
    }
}
