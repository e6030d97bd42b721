using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGen.Diagnostics;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Finds schemas whose only shape comes from a keyword the generator does not model (<c>not</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, <c>patternProperties</c> without <c>properties</c>), which are therefore typed
/// as <c>JsonElement</c>, and reports each once at the keyword (OACG0007). A keyword beside a real shape
/// (<c>type: string, not: {...}</c>) only narrows a type the generator does model, so it is not reported.
/// </summary>
internal static class UnsupportedConstructFinder
{
    // Deeper documents are rejected before this runs (OACG0012); the bound only keeps the walk safe on its own.
    private const int MaxDepth = 512;

    private static readonly HashSet<string> DataKeys = new(System.StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    private static readonly string[] ShapeKeys = { "type", "properties", "items", "allOf", "anyOf", "oneOf", "enum", "const", "$ref", "additionalProperties" };

    public static IEnumerable<DiagnosticInfo> Find(string file, JsonObject root)
    {
        var found = new List<DiagnosticInfo>();
        Visit(root, "", file, found, 0);
        return found;
    }

    private static void Visit(JsonNode? node, string pointer, string file, List<DiagnosticInfo> found, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (!IsPropertyMap(pointer) && UnsupportedKeyword(obj) is { } keyword)
                {
                    found.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnsupportedConstruct.Id,
                        SpecLocation.AtPointer(file, pointer + "/" + keyword),
                        $"A schema shaped only by '{keyword}'"));
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (!DataKeys.Contains(member.Key) && !member.Key.StartsWith("x-", System.StringComparison.Ordinal))
                    {
                        Visit(member.Value, pointer + "/" + SpecTextLocator.Escape(member.Key), file, found, depth + 1);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Visit(array[i], pointer + "/" + i, file, found, depth + 1);
                }

                break;
        }
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

    // Under "properties" (and the like) the keys are property names, so a property called "not" is no keyword.
    private static bool IsPropertyMap(string pointer) =>
        pointer.EndsWith("/properties", System.StringComparison.Ordinal)
        || pointer.EndsWith("/patternProperties", System.StringComparison.Ordinal)
        || pointer.EndsWith("/schemas", System.StringComparison.Ordinal)
        || pointer.EndsWith("/$defs", System.StringComparison.Ordinal);
}
