namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes what streaming operations need: the static <c>SseEventReader</c> each one passes to the runtime, the call
/// that returns <c>IAsyncEnumerable</c>, and the members frame types get so an item can be built from an event.
/// </summary>
internal static class StreamEmitter
{
    private const string SseItemInfo = CSharp.Runtime + "SseItemInfo";
    private const string SseReader = CSharp.Runtime + "SseEventReader";

    /// <summary>Writes the operation's reader field, before its method, when it streams server-sent events.</summary>
    public static void WriteReaderField(SourceWriter writer, ApiSpec api, OperationSpec operation)
    {
        if (operation.Stream is not EventStreamSpec stream)
        {
            return;
        }

        string ns = api.Namespace;
        string context = api.Names.Json;
        writer.WriteLine();
        // A method name, not a cref: the method has overloads (the flattened body), and a bare cref to it is ambiguous (CS0419).
        writer.WriteLine($"/// <summary>How the events of <c>{operation.MethodName}</c> become items.</summary>");
        var steps = ReaderSteps(stream, ns, context).ToList();
        string end = steps.Count == 0 ? ";" : "";
        writer.WriteLine($"private static readonly {SseReader}<{CSharp.TypeName(stream.ItemType, ns)}> {operation.EventReaderName} = {ReaderStart(stream, ns, context)}{end}");
        writer.Indent();
        for (int i = 0; i < steps.Count; i++)
        {
            writer.WriteLine(steps[i] + (i == steps.Count - 1 ? ";" : ""));
        }

        writer.Unindent();
    }

    /// <summary>The return type and the statement that starts the stream.</summary>
    public static (string ReturnType, string Send) Call(ApiSpec api, OperationSpec operation, StreamSpec stream)
    {
        string ns = api.Namespace;
        string returnType = $"global::System.Collections.Generic.IAsyncEnumerable<{CSharp.TypeName(stream.ItemType, ns)}>";
        string send = stream switch
        {
            WebSocketStreamSpec webSocket =>
                $"return {CSharp.Runtime}WebSocketMessages.ReadJsonAsync(_connection, request, {CSharp.Codec(webSocket.Message, ns, api.Names.Json)}, cancellationToken);",
            JsonSequenceStreamSpec sequence =>
                $"return _connection.StreamJsonSequenceAsync(request, {CSharp.Codec(sequence.Item, ns, api.Names.Json)}, {CSharp.Runtime}JsonSequenceFraming.{(sequence is JsonLinesStreamSpec ? "Lines" : "RecordSeparated")}, cancellationToken);",
            _ => $"return _connection.StreamEventsAsync(request, {operation.EventReaderName}, cancellationToken);",
        };
        return (returnType, send);
    }

    /// <summary>One file per frame, variant interface and unknown-event type the streams of <paramref name="api"/> use.</summary>
    public static IEnumerable<GeneratedFile> EmitTypes(ApiSpec api, string hintPrefix)
    {
        string ns = api.Namespace;
        string context = api.Names.Json;
        var written = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (StreamSpec stream in api.Operations.Select(o => o.Stream).OfType<StreamSpec>())
        {
            switch (stream)
            {
                case FrameEventStreamSpec { Frame: var frame, Data: var data }:
                    if (written.Add(frame.Name))
                    {
                        yield return new GeneratedFile(hintPrefix + "Stream." + frame.Name + ".g.cs", EmitFrame(frame, data, eventNamed: false, ns));
                    }

                    break;
                case EventNamedFrameStreamSpec { Frame: var frame, Data: var data }:
                    if (written.Add(frame.Name))
                    {
                        yield return new GeneratedFile(hintPrefix + "Stream." + frame.Name + ".g.cs", EmitFrame(frame, data, eventNamed: true, ns));
                    }

                    break;
                case FrameVariantsStreamSpec variants:
                    string itemInterface = variants.InterfaceName;
                    if (!written.Add(itemInterface))
                    {
                        break;
                    }

                    yield return new GeneratedFile(hintPrefix + "Stream." + itemInterface + ".g.cs", EmitVariantTypes(variants, ns));
                    foreach (StreamVariantSpec variant in variants.Variants)
                    {
                        if (written.Add(variant.Frame.Name))
                        {
                            yield return new GeneratedFile(hintPrefix + "Stream." + variant.Frame.Name + ".g.cs", EmitVariant(variant, itemInterface, ns, context));
                        }
                    }

                    break;
            }
        }
    }

    private static string ReaderStart(EventStreamSpec stream, string ns, string context) => stream switch
    {
        FrameEventStreamSpec { Frame: var frame, Data: var data } => $"{SseReader}.Frames<{Global(ns, frame.Name)}, {CSharp.TypeName(data, ns)}>({CSharp.Codec(data, ns, context)}, {Global(ns, frame.Name)}.FromEvent)",
        EventNamedFrameStreamSpec { Frame: var frame } => $"{SseReader}.ByEventName<{Global(ns, frame.Name)}>({Global(ns, frame.Name)}.FromUnknownEvent)",
        FrameVariantsStreamSpec variants => $"{SseReader}.ByEventName<{CSharp.TypeName(variants.ItemType, ns)}>({Global(ns, variants.UnknownName)}.FromUnknownEvent)",
        DataEventStreamSpec { Data: var data } => $"{SseReader}.Json({CSharp.Codec(data, ns, context)})",
        _ => $"{SseReader}.Text<string>(static (sse, data) => data)",
    };

    private static IEnumerable<string> ReaderSteps(EventStreamSpec stream, string ns, string context)
    {
        if (stream is EventNamedFrameStreamSpec named)
        {
            string codec = CSharp.Codec(named.Data, ns, context);
            foreach (string eventName in named.EventNames)
            {
                yield return $".On({SpecText.Literal(eventName)}, {codec}, {Global(ns, named.Frame.Name)}.FromEvent)";
            }
        }

        if (stream is FrameVariantsStreamSpec variants)
        {
            foreach (StreamVariantSpec variant in variants.Variants)
            {
                yield return $".OnText({SpecText.Literal(variant.EventName)}, {Global(ns, variant.Frame.Name)}.FromEvent)";
            }
        }

        if (stream.Sentinel is not null)
        {
            yield return stream.SentinelRequired ? $".EndAt({SpecText.Literal(stream.Sentinel)})" : $".EndAtIfSent({SpecText.Literal(stream.Sentinel)})";
        }
    }

    private static string EmitFrame(StreamFrameSpec frame, TypeRef data, bool eventNamed, string ns)
    {
        string type = Global(ns, frame.Name);
        var writer = SourceWriter.ForFile(ns);
        writer.OpenBlock($"public sealed partial class {frame.Name}");
        WriteSseProperty(writer);
        string eventName = frame.EventProperty is null ? "" : $"{frame.EventProperty} = sse.EventType, ";
        if (eventNamed)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The data text of an event whose name the spec does not list, whose <see cref=\"{frame.DataProperty}\"/> is then unset; null otherwise.</summary>");
            writer.WriteLine("public string? UnknownData { get; init; }");
            writer.WriteLine();
            writer.WriteLine($"internal static {type} FromUnknownEvent({SseItemInfo} sse, string data) =>");
            writer.WriteIndented($"new {type} {{ {eventName}{frame.DataProperty} = default!, UnknownData = data, Sse = sse }};");
        }

        writer.WriteLine();
        writer.WriteLine($"internal static {type} FromEvent({SseItemInfo} sse, {CSharp.TypeName(data, ns)} data) =>");
        writer.WriteIndented($"new {type} {{ {eventName}{frame.DataProperty} = data, Sse = sse }};");
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string EmitVariantTypes(FrameVariantsStreamSpec stream, string ns)
    {
        string itemInterface = stream.InterfaceName;
        string unknown = stream.UnknownName;
        var writer = SourceWriter.ForFile(ns);
        string variants = string.Join(", ", stream.Variants.Select(v => $"<see cref=\"{v.Frame.Name}\"/>"));
        writer.WriteLine($"/// <summary>One event of the stream: {variants}, or <see cref=\"{unknown}\"/> for an event name the spec does not list.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface {itemInterface}");
        writer.WriteLine("/// <summary>The event's SSE fields: its name, id, retry and position in the stream.</summary>");
        writer.WriteLine($"{SseItemInfo} Sse {{ get; }}");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>An event whose name the spec does not list: its name and data as they came.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {unknown} : {itemInterface}");
        writer.WriteLine("/// <summary>The event's name.</summary>");
        writer.WriteLine("public string EventName { get; init; } = \"\";");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The event's data text.</summary>");
        writer.WriteLine("public string Data { get; init; } = \"\";");
        writer.WriteLine();
        WriteSseProperty(writer);
        writer.WriteLine();
        WriteReadData(writer, "Data");
        writer.WriteLine();
        writer.WriteLine($"internal static {Global(ns, unknown)} FromUnknownEvent({SseItemInfo} sse, string data) =>");
        writer.WriteIndented($"new {Global(ns, unknown)} {{ EventName = sse.EventType, Data = data, Sse = sse }};");
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string EmitVariant(StreamVariantSpec variant, string itemInterface, string ns, string context)
    {
        StreamFrameSpec frame = variant.Frame;
        string type = Global(ns, frame.Name);
        var writer = SourceWriter.ForFile(ns);
        writer.OpenBlock($"public sealed partial class {frame.Name} : {itemInterface}");
        WriteSseProperty(writer);
        writer.WriteLine();
        string eventName = frame.EventProperty is null ? "" : $"{frame.EventProperty} = sse.EventType, ";
        if (variant.PayloadType is { } payload)
        {
            writer.WriteLine($"/// <summary>The JSON inside <see cref=\"{frame.DataProperty}\"/>, read when the event arrived.</summary>");
            writer.WriteLine($"public {CSharp.TypeName(payload, ns)} Payload {{ get; init; }} = default!;");
            writer.WriteLine();
            writer.WriteLine($"internal static {type} FromEvent({SseItemInfo} sse, string data) =>");
            writer.WriteIndented($"new {type} {{ {eventName}{frame.DataProperty} = data, Payload = {CSharp.Runtime}JsonCodecs.Deserialize(data, {CSharp.Codec(payload, ns, context)}), Sse = sse }};");
        }
        else
        {
            WriteReadData(writer, frame.DataProperty);
            writer.WriteLine();
            writer.WriteLine($"internal static {type} FromEvent({SseItemInfo} sse, string data) =>");
            writer.WriteIndented($"new {type} {{ {eventName}{frame.DataProperty} = data, Sse = sse }};");
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteSseProperty(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>The event's SSE fields (name, id, retry, position) when this item was read from a stream; the default otherwise.</summary>");
        writer.WriteLine($"public {SseItemInfo} Sse {{ get; init; }}");
    }

    private static void WriteReadData(SourceWriter writer, string dataProperty)
    {
        writer.WriteLine($"/// <summary>Reads <see cref=\"{dataProperty}\"/> as JSON with <paramref name=\"codec\"/>, such as one from the client's JSON class.</summary>");
        writer.WriteLine($"public T ReadData<T>(global::System.Text.Json.Serialization.JsonConverter<T> codec) => {CSharp.Runtime}JsonCodecs.Deserialize({dataProperty}, codec);");
    }

    private static string Global(string ns, string name) => "global::" + ns + "." + name;
}
