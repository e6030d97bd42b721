namespace OpenApiClientGen.Parsing;

/// <summary>
/// Moves the targets of <c>$ref</c>s that point inside something rather than at a component
/// (<c>#/components/responses/Page/content/application~1json/schema/oneOf/0</c>, <c>#/paths/~1mcp/post/...</c>)
/// into <c>components/schemas</c>, and rewrites the reference. JSON pointers may point anywhere, but Microsoft.OpenApi
/// follows only component references and would leave these values untyped. Only references in a schema position
/// are moved, since only there is the target known to be a schema.
/// </summary>
internal sealed class DeepSchemaReferences
{
    private static readonly HashSet<string> SchemaSlots = new(StringComparer.Ordinal) { "schema", "items", "additionalProperties", "not", "contains" };
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal) { "properties", "allOf", "anyOf", "oneOf", "prefixItems", "schemas", "$defs" };
    private static readonly HashSet<string> StructuralSegments = new(StringComparer.Ordinal) { "components", "paths", "content", "responses", "parameters", "requestBodies" };

    private readonly JsonObject _root;
    private readonly bool _enabled;
    private readonly Dictionary<string, string> _moved = new(StringComparer.Ordinal);

    public DeepSchemaReferences(JsonObject root)
    {
        _root = root;
        _enabled = (root["openapi"] as JsonValue)?.ToString().StartsWith("3", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// Copies that still need their own references resolved, with the pointer of the original (where the text is, for
    /// positions); walked after the document so the walk stays flat.
    /// </summary>
    public Queue<(JsonNode Copy, string Pointer)> Pending { get; } = new();

    /// <returns>The component pointer now holding the target, or null when the reference is left as it is.</returns>
    public string? Move(string holderPointer, string targetPointer, JsonNode target)
    {
        if (!_enabled || target is not JsonObject || IsComponent(targetPointer) || !IsSchemaPosition(holderPointer))
        {
            return null;
        }

        if (_moved.TryGetValue(targetPointer, out string? existing))
        {
            return existing;
        }

        JsonObject components = _root["components"] as JsonObject ?? (JsonObject)(_root["components"] = new JsonObject());
        JsonObject schemas = components["schemas"] as JsonObject ?? (JsonObject)(components["schemas"] = new JsonObject());
        string name = NameFor(targetPointer);
        string unique = name;
        for (int n = 2; schemas.ContainsKey(unique); n++)
        {
            unique = name + n;
        }

        string pointer = "/components/schemas/" + SpecTextLocator.Escape(unique);
        _moved[targetPointer] = pointer;
        JsonNode copy = target.DeepClone();
        schemas[unique] = copy;
        Pending.Enqueue((copy, targetPointer));
        return pointer;
    }

    private static bool IsComponent(string pointer)
    {
        string[] segments = pointer.Split('/');
        return segments.Length == 4 && segments[1] == "components";
    }

    private static bool IsSchemaPosition(string pointer)
    {
        string[] segments = pointer.Split('/');
        return segments.Length >= 2 && (SchemaSlots.Contains(segments[segments.Length - 1]) || SchemaMaps.Contains(segments[segments.Length - 2]));
    }

    // "/components/responses/Page/content/application~1json/schema/oneOf/0" -> "Page_schema_oneOf_0";
    // "/paths/~1things/get/..." keeps the path ("_things_get_..."), but a media type names nothing.
    private static string NameFor(string pointer)
    {
        IEnumerable<string> parts = pointer.Split('/')
            .Skip(1)
            .Where(s => !StructuralSegments.Contains(s) && !(s.Contains("~1") && !s.StartsWith("~1", StringComparison.Ordinal)))
            .Select(s => s.Replace("~1", "_").Replace("~0", "~"));
        string name = string.Join("_", parts);
        return name.Length == 0 ? "Schema" : name;
    }
}
