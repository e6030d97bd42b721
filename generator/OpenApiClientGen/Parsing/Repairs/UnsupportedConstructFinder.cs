namespace OpenApiClientGen.Parsing;

/// <summary>
/// Finds schemas whose only shape comes from a keyword the generator does not model (<c>not</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>patternProperties</c> without <c>properties</c>), which are therefore typed
/// as <c>JsonElement</c>, and reports each once at the keyword (OACG0007). A keyword beside a real shape
/// (<c>type: string, not: {...}</c>) only narrows a type the generator does model, so it is not reported.
/// </summary>
internal static class UnsupportedConstructFinder
{
    private static readonly string[] ShapeKeys = { "type", "properties", "items", "allOf", "anyOf", "oneOf", "enum", "const", "$ref", "additionalProperties" };

    public static IEnumerable<DiagnosticInfo> Find(string file, JsonObject root)
    {
        var found = new List<DiagnosticInfo>();
        foreach ((JsonObject schema, string pointer) in KeywordObjects.In(root))
        {
            if (UnsupportedKeyword(schema) is { } keyword)
            {
                found.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedConstruct.Id,
                    SpecLocation.AtPointer(file, pointer + "/" + keyword),
                    $"A schema shaped only by '{keyword}'"));
            }
        }

        return found;
    }

    private static string? UnsupportedKeyword(JsonObject schema)
    {
        if (ShapeKeys.Any(schema.ContainsKey) && !(IsObjectType(schema) && schema.ContainsKey("patternProperties") && !schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties")))
        {
            return null;
        }

        return new[] { "not", "if", "patternProperties" }.FirstOrDefault(k => schema[k] is JsonObject);
    }

    private static bool IsObjectType(JsonObject schema) => schema["type"] is JsonValue type && type.ToString() == "object";
}
