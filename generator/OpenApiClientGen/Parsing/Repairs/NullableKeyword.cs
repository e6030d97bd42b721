namespace OpenApiClientGen.Parsing;

/// <summary>
/// <c>nullable: true</c> is an OpenAPI 3.0 keyword that 3.1 replaced with <c>type: [..., "null"]</c>, yet published 3.1
/// documents still use it (OpenAI's, 111 times) and mean what 3.0 meant. The reader ignores it in a 3.1 document, so
/// before the reader runs it is rewritten to the 3.1 spelling and reported as information (OACG0014) at the keyword.
/// </summary>
internal static class NullableKeyword
{
    private const string Keyword = "nullable";

    public static IEnumerable<DiagnosticInfo> Rewrite(DocumentUnderRepair document)
    {
        JsonObject root = document.Root;
        if (root["openapi"] is not JsonValue version || !version.TryGetValue(out string? text) || text.StartsWith("3.0", StringComparison.Ordinal) || !text.StartsWith("3.", StringComparison.Ordinal))
        {
            return Enumerable.Empty<DiagnosticInfo>();
        }

        var found = KeywordObjects.With(root, Keyword, value => value is JsonValue flag && flag.TryGetValue(out bool _));
        foreach ((JsonObject schema, _) in found)
        {
            bool nullable = schema[Keyword]!.GetValue<bool>();
            schema.Remove(Keyword);
            if (nullable)
            {
                AdmitNull(schema);
            }
        }

        return KeywordObjects.Report(document.File, found, Keyword, "'nullable' is an OpenAPI 3.0 keyword; in this 3.1 document it is read as 3.0 reads it, as type 'null' added to the schema");
    }

    private static void AdmitNull(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue single when single.TryGetValue(out string? type):
                schema["type"] = new JsonArray(type, "null");
                break;
            case JsonArray types when !types.Any(t => t is JsonValue v && v.TryGetValue(out string? name) && name == "null"):
                types.Add("null");
                break;
            case null:
                // A $ref or a composition: the schema becomes one branch of an anyOf beside null, as 3.1 writes it.
                var inner = new JsonObject();
                foreach (string key in schema.Select(m => m.Key).Where(k => !k.StartsWith("x-", StringComparison.Ordinal) && k is not ("description" or "title" or "default" or "example" or "deprecated" or "readOnly" or "writeOnly")).ToList())
                {
                    JsonNode? value = schema[key];
                    schema.Remove(key);
                    inner[key] = value;
                }

                if (inner.Count > 0)
                {
                    schema["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
                }

                break;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
        {
            values.Add(null);
        }
    }
}
