using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Recognizes operations that stream (a <c>text/event-stream</c> success response, or <c>x-websocket</c>) and
/// describes how each event or message becomes an item.
/// </summary>
/// <remarks>
/// Real specs describe a stream in four ways, tried in this order:
/// <list type="number">
/// <item><description>OpenAPI 3.2 <c>itemSchema</c> on the media type: each event's data is one item.</description></item>
/// <item><description>A oneOf of frames <c>{event: const, data: string}</c>, one per event name, whose <c>data</c> names the
/// JSON inside with <c>contentMediaType</c> + <c>contentSchema</c> (PipesHub).</description></item>
/// <item><description>One frame <c>{event, data}</c>: the frame is filled from the SSE fields and <c>data</c> is parsed as
/// JSON (Mistral <c>ConversationEvents</c>, Orq's data-only frame).</description></item>
/// <item><description>Any other schema is the data itself.</description></item>
/// </list>
/// </remarks>
internal sealed class StreamModelBuilder
{
    private const string WebSocketExtension = "x-websocket";
    private const string SentinelExtension = "x-speakeasy-sse-sentinel";
    private const string DefaultSentinel = "[DONE]";
    private const string ComponentSchemaPrefix = "#/components/schemas/";

    // Members the generator adds to frame types; a frame that already has one of these names is read as plain data.
    private static readonly string[] AddedFrameMembers = { "Sse", "UnknownData", "Payload", "ReadData", "FromEvent", "FromUnknownEvent" };

    private readonly OpenApiDocument _document;
    private readonly SchemaTypeBuilder _types;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly string _filePath;

    // Operations that stream the same oneOf share its item interface and unknown-event type.
    private readonly Dictionary<IOpenApiSchema, (string Interface, string Unknown)> _variantItemNames = new(SchemaReferenceComparer.Instance);

    public StreamModelBuilder(OpenApiDocument document, SchemaTypeBuilder types, List<DiagnosticInfo> diagnostics, string filePath)
    {
        _document = document;
        _types = types;
        _diagnostics = diagnostics;
        _filePath = filePath;
    }

    /// <summary>The operation's stream, or null when it does not stream.</summary>
    /// <param name="pointer">The operation's JSON pointer, for diagnostics.</param>
    /// <param name="context">The name inline types are named after.</param>
    /// <param name="jsonSuccess">The type of the operation's JSON success response, when it has one with a schema.</param>
    public StreamSpec? Build(OpenApiOperation operation, string pointer, string context, TypeRef? jsonSuccess)
    {
        if (operation.Extensions is not null && operation.Extensions.TryGetValue(WebSocketExtension, out IOpenApiExtension? extension))
        {
            return WebSocketStream(MessageType(extension, context + "Message"));
        }

        if (operation.Summary is { } summary && summary.IndexOf("[WS]", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            // Pieces OS marks its WebSocket operations "[WS]" in the summary, with no x-websocket, and describes the
            // messages as the JSON success response; an operation that describes none stays a plain HTTP call.
            SpecLocation at = SpecLocation.AtPointer(_filePath, pointer);
            if (jsonSuccess is not null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WebSocketFromSummary.Id, at, operation.OperationId ?? context));
                return WebSocketStream(jsonSuccess);
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WebSocketWithoutExtension.Id, at, operation.OperationId ?? context));
        }

        if (EventStreamMedia(operation.Responses) is not { } media)
        {
            return null;
        }

        EventStreamSpec stream = media.ItemSchema is { } itemSchema
            ? new DataEventStreamSpec { Data = _types.Resolve(itemSchema, context + "Event") }
            : FromSchema(media.Schema, context);
        if (media.Extensions is null || !media.Extensions.TryGetValue(SentinelExtension, out IOpenApiExtension? declared))
        {
            // The OpenAI convention, which TGI, vLLM and Orq follow too; a stream that never sends it still ends well.
            return stream with { Sentinel = DefaultSentinel };
        }

        // An empty string or false switches the sentinel off; any other text is the one the stream must end with.
        string? sentinel = StringExtension(media.Extensions, SentinelExtension);
        return stream with { Sentinel = sentinel, SentinelRequired = sentinel is not null };
    }

    private static StreamSpec WebSocketStream(TypeRef message) => new WebSocketStreamSpec { Message = message };

    private EventStreamSpec FromSchema(IOpenApiSchema? schema, string context)
    {
        if (schema is null)
        {
            return new TextEventStreamSpec();
        }

        if (FrameVariants(schema, context) is { } variants)
        {
            return variants;
        }

        TypeRef type = _types.Resolve(schema, context + "Event");
        if (FrameOf(type) is not { } frame)
        {
            return new DataEventStreamSpec { Data = type };
        }

        TypeRef data = PropertyOf(frame.Declaration, "data")!.Type;
        return frame.EventNames is { } names
            ? new EventNamedFrameStreamSpec { Frame = frame.Spec, Data = data, EventNames = names }
            : new FrameEventStreamSpec { Frame = frame.Spec, Data = data };
    }

    /// <summary>A oneOf (or anyOf) whose every branch is a frame with a fixed event name and a string <c>data</c>.</summary>
    private FrameVariantsStreamSpec? FrameVariants(IOpenApiSchema schema, string context)
    {
        IOpenApiSchema target = schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema;
        IList<IOpenApiSchema>? branches = SchemaBranches.Of(target);
        if (branches is not { Count: > 0 })
        {
            return null;
        }

        var variants = new List<StreamVariantSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (IOpenApiSchema branch in branches)
        {
            IOpenApiSchema branchTarget = branch is OpenApiSchemaReference { Target: { } t } ? t : branch;
            if (branchTarget.Properties is null
                || !branchTarget.Properties.TryGetValue("data", out IOpenApiSchema? dataSchema)
                || EventNameOf(branch, branchTarget, target.Discriminator) is not { } eventName
                || !seen.Add(eventName))
            {
                return null;
            }

            TypeRef type = _types.Resolve(branch, context + Identifiers.ToPascalCase(eventName) + "Event");
            if (FrameOf(type) is not { } frame || !Equals(PropertyOf(frame.Declaration, "data")!.Type, TypeRef.String))
            {
                return null;
            }

            TypeRef? payload = dataSchema is IOpenApiSchemaMissingProperties { ContentSchema: { } contentSchema } content && MediaTypes.IsJson(content.ContentMediaType)
                ? _types.Resolve(contentSchema, frame.Spec.Name + "Payload")
                : null;
            variants.Add(new StreamVariantSpec { EventName = eventName, Frame = frame.Spec, PayloadType = payload });
        }

        if (!_variantItemNames.TryGetValue(target, out (string Interface, string Unknown) names))
        {
            string baseName = Identifiers.ToPascalCase(schema is OpenApiSchemaReference reference ? reference.Reference.Id ?? context + "Event" : context + "Event");
            names = (_types.ReserveTypeName("I" + baseName), _types.ReserveTypeName("Unknown" + baseName));
            _variantItemNames[target] = names;
        }

        return new FrameVariantsStreamSpec { InterfaceName = names.Interface, UnknownName = names.Unknown, Variants = variants.ToEquatableArray() };
    }

    /// <summary>The branch's event name: its <c>event</c> member's const or single enum value, else the discriminator's mapping.</summary>
    private static string? EventNameOf(IOpenApiSchema branch, IOpenApiSchema branchTarget, OpenApiDiscriminator? discriminator)
    {
        if (branchTarget.Properties!.TryGetValue("event", out IOpenApiSchema? eventSchema))
        {
            if (eventSchema.Const is { Length: > 0 } constant)
            {
                return constant;
            }

            if (eventSchema.Enum is { Count: 1 } values && values[0] is JsonValue value && value.TryGetValue(out string? single))
            {
                return single;
            }
        }

        if (branch is OpenApiSchemaReference { Reference.Id: { } id } && discriminator?.Mapping is { } mapping)
        {
            foreach (KeyValuePair<string, OpenApiSchemaReference> entry in mapping)
            {
                if (entry.Value.Reference.Id == id)
                {
                    return entry.Key;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The declared object <paramref name="type"/> as a frame: a <c>data</c> member, perhaps <c>event</c>, and nothing else
    /// required, so the generated code can build it from the SSE fields alone. The event's id and retry reach the item
    /// through the <c>Sse</c> member the generator adds.
    /// </summary>
    private (ObjectTypeSpec Declaration, StreamFrameSpec Spec, EquatableArray<string>? EventNames)? FrameOf(TypeRef type)
    {
        if (type.Kind != TypeKind.Declared || _types.Declaration(type.Name) is not ObjectTypeSpec declaration || PropertyOf(declaration, "data") is not { } data)
        {
            return null;
        }

        PropertySpec? eventProperty = PropertyOf(declaration, "event");
        EnumTypeSpec? eventEnum = eventProperty?.Type.Kind == TypeKind.Declared ? _types.Declaration(eventProperty.Type.Name) as EnumTypeSpec : null;
        bool eventUsable = eventProperty is null || (eventProperty.Presence != Presence.WhenSet && (Equals(eventProperty.Type, TypeRef.String) || eventEnum is not null));
        bool othersOptional = declaration.Properties.All(p => p.JsonName is "event" or "data" || p.Presence != Presence.Always);
        if (!eventUsable || data.Presence == Presence.WhenSet || !othersOptional || declaration.Properties.Any(p => AddedFrameMembers.Contains(p.Name)))
        {
            return null;
        }

        // A single-valued enum is a const: such a frame is one variant, not a dispatch on event names.
        EquatableArray<string>? eventNames = eventEnum is { Members.Count: > 1 } ? eventEnum.Members.Select(m => m.Value).ToEquatableArray() : null;
        return (declaration, new StreamFrameSpec { Name = declaration.Name, EventProperty = eventProperty?.Name, DataProperty = data.Name }, eventNames);
    }

    private static PropertySpec? PropertyOf(ObjectTypeSpec declaration, string jsonName) =>
        declaration.Properties.FirstOrDefault(p => p.JsonName == jsonName);

    /// <summary>The message type <c>x-websocket: {message: {$ref}}</c> names; anything else is read as JsonElement.</summary>
    private TypeRef MessageType(IOpenApiExtension extension, string contextName)
    {
        if (extension is JsonNodeExtension { Node: JsonObject settings }
            && settings["message"] is JsonObject message
            && message["$ref"] is JsonValue reference
            && reference.TryGetValue(out string? target)
            && target.StartsWith(ComponentSchemaPrefix, StringComparison.Ordinal))
        {
            string id = SpecTextLocator.Unescape(target.Substring(ComponentSchemaPrefix.Length));
            if (_document.Components?.Schemas?.ContainsKey(id) == true)
            {
                return _types.Resolve(new OpenApiSchemaReference(id, _document, null), contextName);
            }
        }

        return TypeRef.Any;
    }

    /// <summary>The <c>text/event-stream</c> content of the first success response that has one.</summary>
    private static IOpenApiMediaType? EventStreamMedia(OpenApiResponses? responses) =>
        SuccessResponses.FirstMedia(responses, MediaTypes.IsEventStream)?.Value;

    private static string? StringExtension(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out IOpenApiExtension? extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out string? text) && !string.IsNullOrEmpty(text)
            ? text
            : null;

}
