namespace OpenApiClientGen.Parsing;

/// <summary>
/// The objects of a document whose members may be keywords (schemas, operations, components ...), each with its JSON
/// pointer, in document order. Data (examples, defaults, enums), vendor extensions and the maps keyed by names
/// (<c>properties</c>, <c>schemas</c> ...) are not walked as keywords: a property called <c>not</c> is no keyword.
/// </summary>
internal static class KeywordObjects
{
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    /// <summary>The objects that hold <paramref name="keyword"/> with a value <paramref name="matches"/> accepts, found before any is changed.</summary>
    public static List<(JsonObject Node, string Pointer)> With(JsonObject root, string keyword, Func<JsonNode?, bool> matches) =>
        In(root).Where(o => o.Node.TryGetPropertyValue(keyword, out JsonNode? value) && matches(value)).ToList();

    /// <summary>Information OACG0014 at <paramref name="keyword"/> of each object: what was read differently there, and how.</summary>
    public static IEnumerable<DiagnosticInfo> Report(string file, IEnumerable<(JsonObject Node, string Pointer)> found, string keyword, string message) =>
        found.Select(o => DiagnosticInfo.Create(DiagnosticDescriptors.ValidationRuleNotMet.Id, SpecLocation.AtPointer(file, o.Pointer + "/" + keyword), message));

    public static IEnumerable<(JsonObject Node, string Pointer)> In(JsonObject root)
    {
        // An explicit stack: the document's nesting depth must not become the generator's stack depth.
        var pending = new Stack<(JsonNode Node, string Pointer)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            (JsonNode node, string pointer) = pending.Pop();
            switch (node)
            {
                case JsonObject obj:
                    if (!IsNameMap(pointer))
                    {
                        yield return (obj, pointer);
                    }

                    foreach (KeyValuePair<string, JsonNode?> member in obj.Reverse())
                    {
                        if (member.Value is not null && !DataKeys.Contains(member.Key) && !member.Key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            pending.Push((member.Value, pointer + "/" + SpecTextLocator.Escape(member.Key)));
                        }
                    }

                    break;
                case JsonArray array:
                    for (int i = array.Count - 1; i >= 0; i--)
                    {
                        if (array[i] is { } item)
                        {
                            pending.Push((item, pointer + "/" + i));
                        }
                    }

                    break;
            }
        }
    }

    private static bool IsNameMap(string pointer) =>
        pointer.EndsWith("/properties", StringComparison.Ordinal)
        || pointer.EndsWith("/patternProperties", StringComparison.Ordinal)
        || pointer.EndsWith("/schemas", StringComparison.Ordinal)
        || pointer.EndsWith("/$defs", StringComparison.Ordinal);
}
