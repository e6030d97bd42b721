using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Model;

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
        if (operation.Stream is not { } stream || stream.Kind is StreamKind.WebSocket or StreamKind.JsonLines or StreamKind.JsonTextSequence)
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
        writer.WriteLine($"private static readonly {SseReader}<{CSharp.TypeName(stream.ItemType, ns)}> {ReaderField(api, operation)} = {ReaderStart(stream, ns, context)}{end}");
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
        if (stream.Kind == StreamKind.WebSocket)
        {
            string codec = CSharp.Codec(stream.DataType!, ns, api.Names.Json);
            return (returnType, $"return {CSharp.Runtime}WebSocketMessages.ReadJsonAsync(_connection, request, {codec}, cancellationToken);");
        }

        if (stream.Kind is StreamKind.JsonLines or StreamKind.JsonTextSequence)
        {
            string codec = CSharp.Codec(stream.DataType!, ns, api.Names.Json);
            string framing = stream.Kind == StreamKind.JsonLines ? "Lines" : "RecordSeparated";
            return (returnType, $"return _connection.StreamJsonSequenceAsync(request, {codec}, {CSharp.Runtime}JsonSequenceFraming.{framing}, cancellationToken);");
        }

        return (returnType, $"return _connection.StreamEventsAsync(request, {ReaderField(api, operation)}, cancellationToken);");
    }

    /// <summary>One file per frame, variant interface and unknown-event type the streams of <paramref name="api"/> use.</summary>
    public static IEnumerable<GeneratedFile> EmitTypes(ApiSpec api, string hintPrefix)
    {
        string ns = api.Namespace;
        string context = api.Names.Json;
        var written = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (StreamSpec stream in api.Operations.Select(o => o.Stream).OfType<StreamSpec>())
        {
            switch (stream.Kind)
            {
                case StreamKind.Frame:
                case StreamKind.EventNamedFrame:
                    if (written.Add(stream.Frame!.Name))
                    {
                        yield return new GeneratedFile(hintPrefix + "Stream." + stream.Frame.Name + ".g.cs", EmitFrame(stream, ns));
                    }

                    break;
                case StreamKind.FrameVariants:
                    string itemInterface = stream.ItemType.Name;
                    if (!written.Add(itemInterface))
                    {
                        break;
                    }

                    yield return new GeneratedFile(hintPrefix + "Stream." + itemInterface + ".g.cs", EmitVariantTypes(stream, ns, context));
                    foreach (StreamVariantSpec variant in stream.Variants)
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

    private static string ReaderField(ApiSpec api, OperationSpec operation)
    {
        string name = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length) + "Events";
        bool takenByGroup = api.Groups.Any(g => g.ParentPath == operation.GroupPath && g.PropertyName == name);
        return takenByGroup ? name + "Reader" : name;
    }

    private static string ReaderStart(StreamSpec stream, string ns, string context) => stream.Kind switch
    {
        StreamKind.Frame => $"{SseReader}.Frames<{Global(ns, stream.Frame!.Name)}, {CSharp.TypeName(stream.DataType!, ns)}>({CSharp.Codec(stream.DataType!, ns, context)}, {Global(ns, stream.Frame.Name)}.FromEvent)",
        StreamKind.EventNamedFrame => $"{SseReader}.ByEventName<{Global(ns, stream.Frame!.Name)}>({Global(ns, stream.Frame.Name)}.FromUnknownEvent)",
        StreamKind.FrameVariants => $"{SseReader}.ByEventName<{CSharp.TypeName(stream.ItemType, ns)}>({Global(ns, stream.UnknownName!)}.FromUnknownEvent)",
        _ when stream.DataType is null => $"{SseReader}.Text<string>(static (sse, data) => data)",
        _ => $"{SseReader}.Json({CSharp.Codec(stream.DataType, ns, context)})",
    };

    private static IEnumerable<string> ReaderSteps(StreamSpec stream, string ns, string context)
    {
        if (stream.Kind == StreamKind.EventNamedFrame)
        {
            string codec = CSharp.Codec(stream.DataType!, ns, context);
            foreach (string eventName in stream.EventNames)
            {
                yield return $".On({SpecText.Literal(eventName)}, {codec}, {Global(ns, stream.Frame!.Name)}.FromEvent)";
            }
        }

        if (stream.Kind == StreamKind.FrameVariants)
        {
            foreach (StreamVariantSpec variant in stream.Variants)
            {
                yield return $".OnText({SpecText.Literal(variant.EventName)}, {Global(ns, variant.Frame.Name)}.FromEvent)";
            }
        }

        if (stream.Sentinel is not null)
        {
            yield return stream.SentinelRequired ? $".EndAt({SpecText.Literal(stream.Sentinel)})" : $".EndAtIfSent({SpecText.Literal(stream.Sentinel)})";
        }
    }

    private static string EmitFrame(StreamSpec stream, string ns)
    {
        StreamFrameSpec frame = stream.Frame!;
        string type = Global(ns, frame.Name);
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(ns));
        writer.OpenBlock($"public sealed partial class {frame.Name}");
        WriteSseProperty(writer);
        string eventName = frame.EventProperty is null ? "" : $"{frame.EventProperty} = sse.EventType, ";
        if (stream.Kind == StreamKind.EventNamedFrame)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The data text of an event whose name the spec does not list, whose <see cref=\"{frame.DataProperty}\"/> is then unset; null otherwise.</summary>");
            writer.WriteLine("public string? UnknownData { get; init; }");
            writer.WriteLine();
            writer.WriteLine($"internal static {type} FromUnknownEvent({SseItemInfo} sse, string data) =>");
            writer.Indent();
            writer.WriteLine($"new {type} {{ {eventName}{frame.DataProperty} = default!, UnknownData = data, Sse = sse }};");
            writer.Unindent();
        }

        writer.WriteLine();
        writer.WriteLine($"internal static {type} FromEvent({SseItemInfo} sse, {CSharp.TypeName(stream.DataType!, ns)} data) =>");
        writer.Indent();
        writer.WriteLine($"new {type} {{ {eventName}{frame.DataProperty} = data, Sse = sse }};");
        writer.Unindent();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string EmitVariantTypes(StreamSpec stream, string ns, string context)
    {
        string itemInterface = stream.ItemType.Name;
        string unknown = stream.UnknownName!;
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(ns));
        string variants = string.Join(", ", stream.Variants.Select(v => $"<see cref=\"{v.Frame.Name}\"/>"));
        writer.WriteLine($"/// <summary>One event of the stream: {variants}, or <see cref=\"{unknown}\"/> for an event name the spec does not list.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface {itemInterface}");
        writer.WriteLine("/// <summary>The event's SSE fields: its name, id, retry and position in the stream.</summary>");
        writer.WriteLine($"{SseItemInfo}? Sse {{ get; }}");
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
        writer.Indent();
        writer.WriteLine($"new {Global(ns, unknown)} {{ EventName = sse.EventType, Data = data, Sse = sse }};");
        writer.Unindent();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string EmitVariant(StreamVariantSpec variant, string itemInterface, string ns, string context)
    {
        StreamFrameSpec frame = variant.Frame;
        string type = Global(ns, frame.Name);
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(ns));
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
            writer.Indent();
            writer.WriteLine($"new {type} {{ {eventName}{frame.DataProperty} = data, Payload = {CSharp.Runtime}JsonCodecs.Deserialize(data, {CSharp.Codec(payload, ns, context)}), Sse = sse }};");
            writer.Unindent();
        }
        else
        {
            WriteReadData(writer, frame.DataProperty);
            writer.WriteLine();
            writer.WriteLine($"internal static {type} FromEvent({SseItemInfo} sse, string data) =>");
            writer.Indent();
            writer.WriteLine($"new {type} {{ {eventName}{frame.DataProperty} = data, Sse = sse }};");
            writer.Unindent();
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteSseProperty(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>The event's SSE fields (name, id, retry, position) when this item was read from a stream; null otherwise.</summary>");
        writer.WriteLine($"public {SseItemInfo}? Sse {{ get; init; }}");
    }

    private static void WriteReadData(SourceWriter writer, string dataProperty)
    {
        writer.WriteLine($"/// <summary>Reads <see cref=\"{dataProperty}\"/> as JSON with <paramref name=\"codec\"/>, such as one from the client's JSON class.</summary>");
        writer.WriteLine($"public T ReadData<T>(global::System.Text.Json.Serialization.JsonConverter<T> codec) => {CSharp.Runtime}JsonCodecs.Deserialize({dataProperty}, codec);");
    }

    private static string Global(string ns, string name) => "global::" + ns + "." + name;
}
