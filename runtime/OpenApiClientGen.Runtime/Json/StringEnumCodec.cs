using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiClientGen.Runtime;

/// <summary>Reads and writes a generated open enum as its string. Unknown strings are kept, never rejected.</summary>
public sealed class StringEnumCodec<T> : JsonConverter<T>
    where T : struct
{
    private readonly Func<string, T> _create;
    private readonly Func<T, string> _value;

    /// <summary>Creates the codec from the enum's constructor and value accessor.</summary>
    public StringEnumCodec(Func<string, T> create, Func<T, string> value)
    {
        _create = create;
        _value = value;
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? _create(reader.GetString()!) : throw JsonCodecs.Unexpected(ref reader, $"a string for {typeof(T).Name}");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        string? text = _value(value);
        if (text is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(text);
    }
}
