namespace OpenApiClientGen.Runtime;

/// <summary>
/// What an error body says went wrong, in the server's own words, for the exception's message: the text at the place
/// the common API error shapes keep it, on one line and cut short.
/// </summary>
/// <remarks>
/// The shapes, in the order they are looked for in a JSON object:
/// <list type="bullet">
/// <item><c>error</c>: a string (Hugging Face TGI), or an object holding one of these (OpenAI, Anthropic, Google);</item>
/// <item><c>message</c>: a string (Mistral, Cohere, GitHub, Orq), or an object holding one of these;</item>
/// <item><c>detail</c>: a string (FastAPI, RFC 9457 problem details), an object holding one of these, or FastAPI's list
/// of validation errors, each with its <c>loc</c> and <c>msg</c>;</item>
/// <item><c>title</c>: a problem's title, when it has no detail.</item>
/// </list>
/// A body of any other shape, one cut at the client's limit, or one that is not JSON gives no text, and the message
/// names the status alone; <see cref="ApiException.Body"/> always has the whole body.
/// </remarks>
internal static class ApiErrorText
{
    /// <summary>At most this many characters of the server's text go into a message.</summary>
    public const int MaxLength = 300;

    // Longer bodies are not parsed for a message at all: an error a person should read is short.
    private const int MaxBodyLength = 64 * 1024;

    // error.message, message.detail[0].msg (Mistral's validation errors): a message sits at most this deep.
    private const int MaxNesting = 3;

    private static readonly string[] Places = { "error", "message", "detail", "title" };

    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 16 };

    public static string? Of(string? body)
    {
        if (body is null || body.Length > MaxBodyLength || body.TrimStart().FirstOrDefault() != '{')
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body, Reading);
            return OneLine(In(document.RootElement, MaxNesting));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool EndsSentence(string text) => text[text.Length - 1] is '.' or '!' or '?';

    private static string? In(JsonElement value, int levels)
    {
        if (value.ValueKind != JsonValueKind.Object || levels == 0)
        {
            return null;
        }

        foreach (string place in Places)
        {
            if (!value.TryGetProperty(place, out JsonElement found))
            {
                continue;
            }

            string? text = found.ValueKind switch
            {
                JsonValueKind.String => found.GetString(),
                JsonValueKind.Object => In(found, levels - 1),
                JsonValueKind.Array when place == "detail" => FirstProblem(found),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    // FastAPI's 422: [{"loc": ["body", "model"], "msg": "Field required", "type": "missing"}, ...].
    private static string? FirstProblem(JsonElement problems)
    {
        int count = problems.GetArrayLength();
        if (count == 0 || problems[0] is not { ValueKind: JsonValueKind.Object } first
            || !first.TryGetProperty("msg", out JsonElement msg) || msg.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string text = msg.GetString()!;
        if (first.TryGetProperty("loc", out JsonElement loc) && loc.ValueKind == JsonValueKind.Array && loc.GetArrayLength() > 0)
        {
            text = string.Join(".", loc.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString() : part.GetRawText())) + ": " + text;
        }

        return count == 1 ? text : $"{text} (and {count - 1} more)";
    }

    // Line breaks and tabs become single spaces, so the message stays one line in a log; a long text is cut, never
    // inside a surrogate pair.
    private static string? OneLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var line = new StringBuilder(Math.Min(text.Length, MaxLength + 3));
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && (line.Length == 0 || line[line.Length - 1] == ' '))
            {
                continue;
            }

            if (line.Length == MaxLength)
            {
                if (char.IsHighSurrogate(line[line.Length - 1]))
                {
                    line.Length--;
                }

                return line.ToString().TrimEnd() + "...";
            }

            line.Append(space ? ' ' : c);
        }

        string result = line.ToString().TrimEnd();
        return result.Length == 0 ? null : result;
    }
}
