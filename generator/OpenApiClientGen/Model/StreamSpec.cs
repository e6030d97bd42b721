namespace OpenApiClientGen.Model;

/// <summary>How an operation's stream is described, which decides how each event or message becomes an item.</summary>
internal enum StreamKind
{
    /// <summary>Each event's data is the item (OpenAPI 3.2 <c>itemSchema</c>, or a schema that is not a frame).</summary>
    Data,

    /// <summary>A frame schema <c>{event?, data}</c>: the frame is filled from the SSE fields and <c>data</c> is read as JSON.</summary>
    Frame,

    /// <summary>A frame whose <c>event</c> is an enum: each listed name is read, any other name is kept as text.</summary>
    EventNamedFrame,

    /// <summary>A oneOf of frames, one per event name, each with its own <c>data</c>; the items share an interface.</summary>
    FrameVariants,

    /// <summary><c>x-websocket</c>: each text message is JSON of the message type.</summary>
    WebSocket,

    /// <summary>
    /// Sequential JSON, one text per line (<c>application/x-ndjson</c>, <c>application/jsonl</c>,
    /// <c>application/x-json-stream</c>): each line is JSON of the item type.
    /// </summary>
    JsonLines,

    /// <summary>RFC 7464 <c>application/json-seq</c>: each record-separated text is JSON of the item type.</summary>
    JsonTextSequence,
}

/// <summary>What a streaming operation yields and how the runtime reads it.</summary>
/// <param name="ItemType">The type the <c>IAsyncEnumerable</c> yields.</param>
/// <param name="DataType">The JSON type of each event's data, or of each WebSocket message; null for <see cref="StreamKind.FrameVariants"/>.</param>
/// <param name="Frame">The frame type to fill, for the frame kinds.</param>
/// <param name="EventNames">The event names an <see cref="StreamKind.EventNamedFrame"/> lists.</param>
/// <param name="Variants">The frames of a <see cref="StreamKind.FrameVariants"/> stream.</param>
/// <param name="UnknownName">The item type for event names a <see cref="StreamKind.FrameVariants"/> stream does not list.</param>
/// <param name="Sentinel">The data that ends the stream, such as <c>[DONE]</c>.</param>
internal sealed record StreamSpec(
    StreamKind Kind,
    TypeRef ItemType,
    TypeRef? DataType,
    StreamFrameSpec? Frame,
    EquatableArray<string> EventNames,
    EquatableArray<StreamVariantSpec> Variants,
    string? UnknownName,
    string? Sentinel)
{
    /// <summary>The spec names the sentinel, so a stream closed without it was cut short; the default <c>[DONE]</c> may be left out.</summary>
    public bool SentinelRequired { get; init; }
}

/// <summary>A declared frame type and the C# names of its SSE members.</summary>
/// <param name="EventProperty">The property that receives the event name, or null when the frame has none.</param>
internal sealed record StreamFrameSpec(string Name, string? EventProperty, string DataProperty);

/// <summary>One frame of a <see cref="StreamKind.FrameVariants"/> stream.</summary>
/// <param name="PayloadType">The type its <c>contentSchema</c> names for the JSON inside the <c>data</c> string; null keeps only the text.</param>
internal sealed record StreamVariantSpec(string EventName, StreamFrameSpec Frame, TypeRef? PayloadType);
