using System.IO;
using System.Text.Json;

namespace ConversationsDemo;

/// <summary>
/// Builds the JSON for members whose schema is a oneOf/anyOf (Mistral's <c>inputs</c>, Orq's message parts), which the
/// generated models carry as <see cref="JsonElement"/>.
/// </summary>
internal static class UnionValues
{
    public static JsonElement Text(string text) => Write(writer => writer.WriteStringValue(text));

    /// <summary>An Orq message part: <c>{"kind": "text", "text": ...}</c>.</summary>
    public static JsonElement TextPart(string text) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "text");
        writer.WriteString("text", text);
        writer.WriteEndObject();
    });

    /// <summary>The text of a Mistral content value: a string, or a list of chunks whose text chunks are joined.</summary>
    public static string ContentText(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? "";
        }

        var text = new System.Text.StringBuilder();
        if (content.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement chunk in content.EnumerateArray())
            {
                if (chunk.TryGetProperty("text", out JsonElement part) && part.ValueKind == JsonValueKind.String)
                {
                    text.Append(part.GetString());
                }
            }
        }

        return text.ToString();
    }

    private static JsonElement Write(System.Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
