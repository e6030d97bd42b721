using System.Globalization;
using System.Text.Encodings.Web;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Takes the credentials a request carried out of everything an exception keeps, in case the server echoes them back:
/// raw, JSON-escaped, percent-encoded and base64, in any letter case.
/// </summary>
internal static class ApiSecrets
{
    private const string Redacted = "[redacted]";

    // Scrubbing a one- to three-letter secret would garble the whole body and protect little.
    private const int ShortestSecret = 4;

    /// <summary>Every form in which <paramref name="credentials"/> may come back, longest first.</summary>
    public static IReadOnlyList<string> FormsOf(IEnumerable<string> credentials)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string credential in credentials.SelectMany(c => new[] { c, Convert.ToBase64String(Encoding.UTF8.GetBytes(c)) }))
        {
            forms.Add(credential);
            forms.Add(JsonEncodedText.Encode(credential).ToString());
            forms.Add(JsonEncodedText.Encode(credential, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
            forms.Add(JsonEncodedText.Encode(credential, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString().Replace("/", "\\/"));
            forms.Add(string.Concat(credential.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))));
            forms.Add(Uri.EscapeDataString(credential));
            forms.Add(WebUtility.UrlEncode(credential));
        }

        // A form written inside a JSON string, as a body that quotes an escaped value has it.
        foreach (string form in forms.ToList())
        {
            forms.Add(JsonEncodedText.Encode(form, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
        }

        var result = forms.Where(f => f.Length >= ShortestSecret).ToList();

        // Longest first, so a short secret inside a longer one does not leave the rest behind.
        result.Sort((a, b) => b.Length.CompareTo(a.Length));
        return result;
    }

    public static string Scrub(string text, IReadOnlyList<string> secrets)
    {
        foreach (string secret in secrets)
        {
            text = ReplaceIgnoringCase(text, secret);
        }

        return text;
    }

    public static string? ScrubOrNull(string? text, IReadOnlyList<string> secrets) => text is null ? null : Scrub(text, secrets);

    /// <summary>
    /// The body with every secret replaced, as bytes again, so that typed readers never see a secret either. A JSON
    /// body is first rewritten with every string unescaped as far as JSON allows, since a server may escape any
    /// character of a secret, and is only returned rewritten when it held one.
    /// </summary>
    public static byte[] Scrub(byte[] body, IReadOnlyList<string> secrets)
    {
        if (secrets.Count == 0 || body.Length == 0)
        {
            return body;
        }

        string text = Unescaped(body) ?? Encoding.UTF8.GetString(body);
        string scrubbed = Scrub(text, secrets);
        return ReferenceEquals(text, scrubbed) ? body : Encoding.UTF8.GetBytes(scrubbed);
    }

    private static string? Unescaped(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
            var output = new MemoryStream(json.Length);
            using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
            {
                while (reader.Read())
                {
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                        case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                        case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                        case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                        case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                        case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                        case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                        case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                        case JsonTokenType.Null: writer.WriteNullValue(); break;
                        default: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    }
                }
            }

            return Encoding.UTF8.GetString(output.ToArray());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public static IReadOnlyDictionary<string, IEnumerable<string>> Scrub(IReadOnlyDictionary<string, IEnumerable<string>> headers, IReadOnlyList<string> secrets) =>
        secrets.Count == 0
            ? headers
            : headers.ToDictionary(h => h.Key, h => (IEnumerable<string>)h.Value.Select(v => Scrub(v, secrets)).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The exception, or when a message anywhere in its chain holds a secret, a copy of the chain with the messages
    /// scrubbed: a <see cref="FormatException"/> from a value's parser quotes the value.
    /// </summary>
    public static Exception? Scrub(Exception? exception, IReadOnlyList<string> secrets)
    {
        if (exception is null || secrets.Count == 0 || !HoldsSecret(exception, secrets))
        {
            return exception;
        }

        Exception? inner = Scrub(exception.InnerException, secrets);
        string message = Scrub(exception.Message, secrets);
        return exception switch
        {
            JsonException json => new JsonException(message, json.Path, json.LineNumber, json.BytePositionInLine, inner),
            FormatException => new FormatException(message, inner),
            IOException => new IOException(message, inner),
            InvalidOperationException => new InvalidOperationException(message, inner),
            _ => new Exception(message, inner),
        };
    }

    private static bool HoldsSecret(Exception exception, IReadOnlyList<string> secrets)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(Scrub(current.Message, secrets), current.Message))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceIgnoringCase(string text, string secret)
    {
        int found = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        if (found < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        int start = 0;
        while (found >= 0)
        {
            builder.Append(text, start, found - start).Append(Redacted);
            start = found + secret.Length;
            found = text.IndexOf(secret, start, StringComparison.OrdinalIgnoreCase);
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
