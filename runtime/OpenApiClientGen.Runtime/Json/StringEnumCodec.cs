namespace OpenApiClientGen.Runtime;

/// <summary>Reads and writes a generated open enum as its string. Unknown strings are kept, never rejected.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StringEnumCodec<T> : JsonConverter<T>
    where T : struct
{
    // Enough for the values one enum takes in practice; past it, values are still read, just not remembered.
    private const int RememberedLimit = 32;

    // Enum values are short; a long string is a server's payload, and remembering it would keep it for ever.
    internal const int RememberedMaxBytes = 64;

    private readonly Func<string, T> _create;
    private readonly Func<T, string> _value;

    // The values read so far, as UTF-8 with the value each makes, so a value that recurs (most do) costs no new string.
    // Replaced, never changed, so readers on other threads always see a whole table.
    private (byte[] Utf8, T Value)[] _remembered = Array.Empty<(byte[], T)>();

    /// <summary>Creates the codec from the enum's constructor and value accessor.</summary>
    public StringEnumCodec(Func<string, T> create, Func<T, string> value)
    {
        _create = create;
        _value = value;
    }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonCodecs.Unexpected(ref reader, $"a string for {typeof(T).Name}");
        }

        (byte[] Utf8, T Value)[] remembered = System.Threading.Volatile.Read(ref _remembered);
        foreach ((byte[] utf8, T known) in remembered)
        {
            if (reader.ValueTextEquals(utf8))
            {
                return known;
            }
        }

        string text = JsonCodecs.ReadText(ref reader, "The value", typeof(T));
        T value = _create(text);
        if (remembered.Length < RememberedLimit && (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= RememberedMaxBytes
            && System.Text.Encoding.UTF8.GetByteCount(text) <= RememberedMaxBytes)
        {
            var grown = new (byte[], T)[remembered.Length + 1];
            remembered.CopyTo(grown, 0);
            grown[remembered.Length] = (System.Text.Encoding.UTF8.GetBytes(text), value);
            System.Threading.Interlocked.CompareExchange(ref _remembered, grown, remembered);
        }

        return value;
    }

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
