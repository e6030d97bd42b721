namespace OpenApiClientGen.Runtime;

/// <summary>
/// Sets one top-level member of a JSON object body, whatever the body held: a streaming method's <c>"stream": true</c>
/// and its plain twin's <c>false</c>. This runs on every call of such a method.
/// </summary>
internal static class FixedJsonMember
{
    /// <summary>
    /// A copy of <paramref name="json"/> with <paramref name="name"/> set to <paramref name="value"/>, in its place or
    /// else last, the rest as it was; <paramref name="json"/> unchanged when it is no JSON object.
    /// </summary>
    public static byte[] Set(ReadOnlySpan<byte> json, string name, bool value)
    {
        var probe = new Utf8JsonReader(json);
        if (!probe.Read() || probe.TokenType != JsonTokenType.StartObject)
        {
            return json.ToArray();
        }

        bool present = false;
        bool empty = true;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            empty = false;
            present |= probe.ValueTextEquals(name);
            probe.Read();
            probe.Skip();
        }

        // Most bodies do not hold the member: it goes before the closing brace, and the body costs one array.
        if (!present && IsPlain(name) && json.Length >= 2 && json[json.Length - 1] == (byte)'}')
        {
            return Appended(json, name, value, empty);
        }

        return Rewritten(json, name, value);
    }

    // A name that JSON writes as it is, so that its UTF-8 bytes go between the quotes unescaped.
    private static bool IsPlain(string name)
    {
        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    // Written byte by byte into the one array, with no text made on the way: this runs on every call.
    private static byte[] Appended(ReadOnlySpan<byte> json, string name, bool value, bool empty)
    {
        string literal = value ? "true" : "false";
        var result = new byte[json.Length + (empty ? 0 : 1) + name.Length + 3 + literal.Length];
        json.Slice(0, json.Length - 1).CopyTo(result);
        int at = json.Length - 1;
        if (!empty)
        {
            result[at++] = (byte)',';
        }

        result[at++] = (byte)'"';
        at = Ascii(name, result, at);
        result[at++] = (byte)'"';
        result[at++] = (byte)':';
        at = Ascii(literal, result, at);
        result[at] = (byte)'}';
        return result;
    }

    private static int Ascii(string text, byte[] into, int at)
    {
        foreach (char c in text)
        {
            into[at++] = (byte)c;
        }

        return at;
    }

    // The body again with the member set, copied value by value rather than through a document.
    private static byte[] Rewritten(ReadOnlySpan<byte> json, string name, bool value)
    {
        return PooledJsonWriter.Write((Json: json.ToArray(), Name: name, Value: value), static (writer, state) =>
        {
            var reader = new Utf8JsonReader(state.Json);
            reader.Read();
            writer.WriteStartObject();
            bool written = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool replaced = reader.ValueTextEquals(state.Name);
                ReadOnlySpan<byte> rawName = reader.ValueSpan;
                string? escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
                reader.Read();
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (replaced)
                {
                    if (!written)
                    {
                        writer.WriteBoolean(state.Name, state.Value);
                        written = true;
                    }

                    continue;
                }

                if (escapedName is null)
                {
                    writer.WritePropertyName(rawName);
                }
                else
                {
                    writer.WritePropertyName(escapedName);
                }

                writer.WriteRawValue(state.Json.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
            }

            if (!written)
            {
                writer.WriteBoolean(state.Name, state.Value);
            }

            writer.WriteEndObject();
        });
    }
}
