using System.Text.Json;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Rewrites a JSON Schema 2019+ style <c>exclusiveMinimum: 0</c> in an OpenAPI 3.0 or Swagger 2.0 document, where
/// the keyword is a boolean, into <c>minimum: 0, exclusiveMinimum: true</c>
/// (and the same for the maximum). Tools such as utoipa write the newer form
/// into 3.0 documents, and Microsoft.OpenApi's 3.0 reader throws on it instead of reporting it, which would lose the
/// whole document for one bound.
/// </summary>
internal static class ExclusiveBoundRewriter
{
    // Deeper documents are rejected before this runs (OACG0012); the bound only keeps the walk safe on its own.
    private const int MaxDepth = 512;

    public static IEnumerable<DiagnosticInfo> Apply(DocumentUnderRepair document)
    {
        JsonObject root = document.Root;
        string? openapi = (root["openapi"] as JsonValue)?.ToString();
        if (openapi is not null && !openapi.StartsWith("3.0", System.StringComparison.Ordinal))
        {
            return Enumerable.Empty<DiagnosticInfo>();
        }

        Visit(root, 0);
        return Enumerable.Empty<DiagnosticInfo>();
    }

    private static void Visit(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                Rewrite(obj, "exclusiveMinimum", "minimum");
                Rewrite(obj, "exclusiveMaximum", "maximum");
                foreach (KeyValuePair<string, JsonNode?> member in obj.ToList())
                {
                    Visit(member.Value, depth + 1);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Visit(item, depth + 1);
                }

                break;
        }
    }

    private static void Rewrite(JsonObject schema, string exclusiveKey, string boundKey)
    {
        if (schema[exclusiveKey] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        // With both keywords the tighter bound wins: an inclusive bound beyond the exclusive one makes it redundant.
        bool lower = boundKey == "minimum";
        if (schema[boundKey] is JsonValue bound && bound.GetValueKind() == JsonValueKind.Number
            && (lower ? bound.GetValue<double>() > value.GetValue<double>() : bound.GetValue<double>() < value.GetValue<double>()))
        {
            schema.Remove(exclusiveKey);
            return;
        }

        schema[boundKey] = value.DeepClone();
        schema[exclusiveKey] = true;
    }
}
