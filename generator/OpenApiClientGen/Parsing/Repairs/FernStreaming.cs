namespace OpenApiClientGen.Parsing;

/// <summary>
/// Fern's <c>x-fern-streaming</c> says that an operation answers with JSON or with a stream, as a boolean member of its
/// body picks (<c>stream-condition: $request.stream</c>), and names each answer's schema beside the responses
/// (<c>response</c>, <c>response-stream</c>). The success response itself is then often a oneOf of both under
/// <c>application/json</c> (Cohere's chat), which no client can read as one. Rewritten so that the success response
/// offers each under its own media type, the operation gets a method for each, and each sets the body's flag:
/// <list type="bullet">
/// <item><description><c>format: sse</c>: <c>text/event-stream</c>. A <c>terminator</c> of <c>[DONE]</c> is the default sentinel,
/// which ends the stream when it comes and need not come (Cohere's streams end with their <c>message-end</c> event);
/// another terminator is the sentinel the stream must end with.</description></item>
/// <item><description><c>format: json</c>, Fern's default: newline-delimited JSON, as <c>application/stream+json</c>, the type
/// Cohere's document gives the same kind of stream where it names one (its <c>generate</c>).</description></item>
/// </list>
/// An answer's schema that equals a component the success response already refers to becomes a reference to it, so
/// the types keep their component names. An operation whose success response already offers a stream is left alone.
/// </summary>
internal static class FernStreaming
{
    private const string Extension = "x-fern-streaming";
    private const string StreamCondition = "$request.stream";
    private const string SentinelExtension = "x-speakeasy-sse-sentinel";
    private const string ComponentPrefix = "#/components/schemas/";
    private const string JsonLines = "application/stream+json";
    private const string DefaultSentinel = "[DONE]";

    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static IEnumerable<DiagnosticInfo> Expand(DocumentUnderRepair document)
    {
        if (document.Root["openapi"] is null || document.Root["paths"] is not JsonObject paths)
        {
            return Enumerable.Empty<DiagnosticInfo>();
        }

        JsonObject? components = (document.Root["components"] as JsonObject)?["schemas"] as JsonObject;
        foreach (JsonObject pathItem in paths.Select(p => p.Value).OfType<JsonObject>())
        {
            foreach (JsonObject operation in Methods.Select(m => pathItem[m]).OfType<JsonObject>())
            {
                if (operation[Extension] is JsonObject streaming)
                {
                    Expand(operation, streaming, components);
                }
            }
        }

        return Enumerable.Empty<DiagnosticInfo>();
    }

    private static void Expand(JsonObject operation, JsonObject streaming, JsonObject? components)
    {
        if (Text(streaming["stream-condition"]) != StreamCondition || streaming["response-stream"] is not JsonObject streamSchema
            || operation["responses"] is not JsonObject responses
            || responses.FirstOrDefault(r => r.Key.StartsWith("2", StringComparison.Ordinal)).Value is not JsonObject success
            || success["$ref"] is not null)
        {
            return;
        }

        JsonObject content = success["content"] as JsonObject ?? new JsonObject();
        if (content.Any(m => MediaTypes.IsEventStream(m.Key) || MediaTypes.IsSequentialJson(m.Key)))
        {
            return;
        }

        KeyValuePair<string, JsonNode?> json = content.FirstOrDefault(m => MediaTypes.IsJson(m.Key));
        JsonNode? declared = (json.Value as JsonObject)?["schema"];
        JsonNode? jsonSchema = streaming["response"] is JsonObject response ? Referenced(response, declared, components) : declared?.DeepClone();

        bool sse = string.Equals(Text(streaming["format"]), "sse", StringComparison.OrdinalIgnoreCase);
        var streamMedia = new JsonObject { ["schema"] = Referenced(streamSchema, declared, components) };
        if (sse && Text(streaming["terminator"]) is { Length: > 0 } terminator && terminator != DefaultSentinel)
        {
            streamMedia[SentinelExtension] = terminator;
        }

        if (json.Key is not null)
        {
            content.Remove(json.Key);
        }

        if (jsonSchema is not null)
        {
            content["application/json"] = new JsonObject { ["schema"] = jsonSchema };
        }

        content[sse ? MediaTypes.EventStream : JsonLines] = streamMedia;
        success["content"] = content;
    }

    /// <summary>
    /// A reference to the component that <paramref name="declared"/>'s oneOf or anyOf refers to and that equals
    /// <paramref name="schema"/>, or to the component its <c>x-fern-type-name</c> names; else a copy of the schema.
    /// </summary>
    private static JsonNode Referenced(JsonObject schema, JsonNode? declared, JsonObject? components)
    {
        if (schema["$ref"] is not null || components is null)
        {
            return schema.DeepClone();
        }

        IEnumerable<string> branches = new[] { "oneOf", "anyOf" }
            .Select(keyword => (declared as JsonObject)?[keyword] as JsonArray)
            .Where(list => list is not null)
            .SelectMany(list => list!.OfType<JsonObject>())
            .Select(branch => Text(branch["$ref"]))
            .OfType<string>()
            .Where(pointer => pointer.StartsWith(ComponentPrefix, StringComparison.Ordinal));
        foreach (string pointer in branches)
        {
            if (components[SpecTextLocator.Unescape(Uri.UnescapeDataString(pointer.Substring(ComponentPrefix.Length)))] is { } component && JsonNode.DeepEquals(component, schema))
            {
                return new JsonObject { ["$ref"] = pointer };
            }
        }

        return Text(schema["x-fern-type-name"]) is { } name && components[name] is not null
            ? new JsonObject { ["$ref"] = ComponentPrefix + SpecTextLocator.Escape(name) }
            : schema.DeepClone();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
