namespace OpenApiClientGen.Model;

/// <summary>
/// What a streaming operation yields and how the runtime reads it: one record per way a spec describes a stream, so
/// an emitter switches on the type and every member a shape has is one it uses.
/// </summary>
internal abstract record StreamSpec
{
    private protected StreamSpec()
    {
    }

    /// <summary>The type the <c>IAsyncEnumerable</c> yields.</summary>
    public abstract TypeRef ItemType { get; }
}

/// <summary>A <c>text/event-stream</c> body, read event by event.</summary>
internal abstract record EventStreamSpec : StreamSpec
{
    private protected EventStreamSpec()
    {
    }

    /// <summary>The data that ends the stream, such as <c>[DONE]</c>; null when no data does.</summary>
    public string? Sentinel { get; init; }

    /// <summary>The spec names the sentinel, so a stream closed without it was cut short; the default <c>[DONE]</c> may be left out.</summary>
    public bool SentinelRequired { get; init; }
}

/// <summary>No schema: each event's data text is the item.</summary>
internal sealed record TextEventStreamSpec : EventStreamSpec
{
    public override TypeRef ItemType => TypeRef.String;
}

/// <summary>Each event's data, read as JSON, is the item (OpenAPI 3.2 <c>itemSchema</c>, or a schema that is not a frame).</summary>
internal sealed record DataEventStreamSpec : EventStreamSpec
{
    public required TypeRef Data { get; init; }

    public override TypeRef ItemType => Data;
}

/// <summary>A frame schema <c>{event?, data}</c>: the frame is filled from the SSE fields and <c>data</c> is read as JSON.</summary>
internal sealed record FrameEventStreamSpec : EventStreamSpec
{
    public required StreamFrameSpec Frame { get; init; }

    /// <summary>The JSON type of each event's data.</summary>
    public required TypeRef Data { get; init; }

    public override TypeRef ItemType => TypeRef.Declared(Frame.Name);
}

/// <summary>A frame whose <c>event</c> is an enum: each listed name is read, any other name is kept as text.</summary>
internal sealed record EventNamedFrameStreamSpec : EventStreamSpec
{
    public required StreamFrameSpec Frame { get; init; }

    /// <summary>The JSON type of each listed event's data.</summary>
    public required TypeRef Data { get; init; }

    /// <summary>The event names the enum lists.</summary>
    public required EquatableArray<string> EventNames { get; init; }

    public override TypeRef ItemType => TypeRef.Declared(Frame.Name);
}

/// <summary>A oneOf of frames, one per event name, each with its own <c>data</c>; the items share an interface.</summary>
internal sealed record FrameVariantsStreamSpec : EventStreamSpec
{
    /// <summary>The interface every item implements.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>The item type for event names the stream does not list.</summary>
    public required string UnknownName { get; init; }

    public required EquatableArray<StreamVariantSpec> Variants { get; init; }

    public override TypeRef ItemType => TypeRef.Declared(InterfaceName);
}

/// <summary><c>x-websocket</c>: each text message is JSON of the message type.</summary>
internal sealed record WebSocketStreamSpec : StreamSpec
{
    public required TypeRef Message { get; init; }

    public override TypeRef ItemType => Message;
}

/// <summary>Sequential JSON: each JSON text of the body is one item.</summary>
internal abstract record JsonSequenceStreamSpec : StreamSpec
{
    private protected JsonSequenceStreamSpec()
    {
    }

    public required TypeRef Item { get; init; }

    public override TypeRef ItemType => Item;
}

/// <summary>
/// One text per line (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/x-json-stream</c>).
/// </summary>
internal sealed record JsonLinesStreamSpec : JsonSequenceStreamSpec;

/// <summary>RFC 7464 <c>application/json-seq</c>: each record-separated text is one item.</summary>
internal sealed record JsonTextSequenceStreamSpec : JsonSequenceStreamSpec;

/// <summary>A declared frame type and the C# names of its SSE members.</summary>
internal sealed record StreamFrameSpec
{
    public required string Name { get; init; }

    /// <summary>The property that receives the event name, or null when the frame has none.</summary>
    public required string? EventProperty { get; init; }

    public required string DataProperty { get; init; }
}

/// <summary>One frame of a <see cref="FrameVariantsStreamSpec"/>.</summary>
internal sealed record StreamVariantSpec
{
    public required string EventName { get; init; }

    public required StreamFrameSpec Frame { get; init; }

    /// <summary>The type its <c>contentSchema</c> names for the JSON inside the <c>data</c> string; null keeps only the text.</summary>
    public required TypeRef? PayloadType { get; init; }
}
