namespace OpenApiClientGen.Parsing;

/// <summary>
/// The OpenAPI reader reads <c>additionalProperties: true</c> exactly as it reads no <c>additionalProperties</c> at all,
/// but a spec that says <c>true</c> asks for the extra members to be kept. Spelling it <c>{}</c> (any value) before the
/// reader runs keeps the difference.
/// </summary>
internal static class OpenAdditionalProperties
{
    // Values under these keys are data, not schemas.
    private static readonly HashSet<string> DataKeys = new() { "example", "examples", "default", "enum", "const", "x-examples" };

    public static IEnumerable<DiagnosticInfo> SpellAsEmptySchema(DocumentUnderRepair document)
    {
        JsonNode root = document.Root;
        // An explicit stack: the document's nesting depth must not become the generator's stack depth.
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (KeyValuePair<string, JsonNode?> member in obj.ToList())
                    {
                        if (member.Key == "additionalProperties" && member.Value is JsonValue value && value.TryGetValue(out bool allowed) && allowed)
                        {
                            obj[member.Key] = new JsonObject();
                        }
                        else if (member.Value is not null && !DataKeys.Contains(member.Key))
                        {
                            pending.Push(member.Value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? item in array)
                    {
                        if (item is not null)
                        {
                            pending.Push(item);
                        }
                    }

                    break;
            }
        }

        return Enumerable.Empty<DiagnosticInfo>();
    }
}
