using System.Text.Json;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Reads JSON into a <see cref="JsonNode"/> tree in which a repeated key keeps its last value, as the YAML path and
/// most JSON readers do. <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/> accepts the text
/// but throws later, when the repeated key is first looked at.
/// </summary>
internal static class LastKeyWinsJson
{
    /// <param name="options">Its <c>MaxDepth</c> also bounds the recursion here.</param>
    public static JsonNode? Parse(string text, JsonDocumentOptions options)
    {
        using JsonDocument document = JsonDocument.Parse(text, options);
        return ToNode(document.RootElement);
    }

    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    obj[property.Name] = ToNode(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    array.Add(ToNode(item));
                }

                return array;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
