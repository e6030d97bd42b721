using System.Text.Json.Serialization.Metadata;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reflection-free codecs for the values generated models hold. Every codec reads a JSON null as the type's
/// default, so codecs compose without the serializer's help.
/// </summary>
public static class JsonCodecs
{
    /// <summary>
    /// The options passed to codecs, read-only and shared by every client. Their resolver is empty: nothing here asks
    /// the serializer for metadata.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = ReadOnlyOptions();

    /// <summary>JSON strings.</summary>
    public static JsonConverter<string> String { get; } = new Primitive<string>(static (ref Utf8JsonReader r) => r.GetString()!, static (w, v) => w.WriteStringValue(v));

    /// <summary>JSON booleans.</summary>
    public static JsonConverter<bool> Boolean { get; } = new Primitive<bool>(static (ref Utf8JsonReader r) => r.GetBoolean(), static (w, v) => w.WriteBooleanValue(v));

    /// <summary>32-bit integers.</summary>
    public static JsonConverter<int> Int32 { get; } = new Primitive<int>(static (ref Utf8JsonReader r) => r.TryGetInt32(out int v) ? v : checked((int)r.GetDecimal()), static (w, v) => w.WriteNumberValue(v));

    /// <summary>64-bit integers.</summary>
    public static JsonConverter<long> Int64 { get; } = new Primitive<long>(static (ref Utf8JsonReader r) => r.TryGetInt64(out long v) ? v : checked((long)r.GetDecimal()), static (w, v) => w.WriteNumberValue(v));

    /// <summary>Single-precision numbers.</summary>
    public static JsonConverter<float> Single { get; } = new Primitive<float>(static (ref Utf8JsonReader r) => r.GetSingle(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>Double-precision numbers.</summary>
    public static JsonConverter<double> Double { get; } = new Primitive<double>(static (ref Utf8JsonReader r) => r.GetDouble(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>Decimal numbers, for formats that ask for exactness.</summary>
    public static JsonConverter<decimal> Decimal { get; } = new Primitive<decimal>(static (ref Utf8JsonReader r) => r.GetDecimal(), static (w, v) => w.WriteNumberValue(v));

    /// <summary>RFC 3339 date-times.</summary>
    public static JsonConverter<DateTimeOffset> DateTimeOffset { get; } = new Primitive<DateTimeOffset>(static (ref Utf8JsonReader r) => r.GetDateTimeOffset(), static (w, v) => w.WriteStringValue(v));

#if NET6_0_OR_GREATER
    /// <summary>Dates (<c>format: date</c>), as <c>yyyy-MM-dd</c>.</summary>
    public static JsonConverter<DateOnly> Date { get; } = new Primitive<DateOnly>(
        static (ref Utf8JsonReader r) => DateOnly.ParseExact(r.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        static (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Times of day (<c>format: time</c>), with or without fractional seconds.</summary>
    public static JsonConverter<TimeOnly> Time { get; } = new Primitive<TimeOnly>(
        static (ref Utf8JsonReader r) => TimeOnly.Parse(r.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        static (w, v) => w.WriteStringValue(v.ToString(v.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)));
#endif

    /// <summary>URIs, absolute or relative, written back exactly as they were given.</summary>
    public static JsonConverter<Uri> Uri { get; } = new Primitive<Uri>(
        static (ref Utf8JsonReader r) => new Uri(r.GetString()!, UriKind.RelativeOrAbsolute),
        static (w, v) => w.WriteStringValue(v.OriginalString));

    /// <summary>UUIDs.</summary>
    public static JsonConverter<Guid> Guid { get; } = new Primitive<Guid>(static (ref Utf8JsonReader r) => r.GetGuid(), static (w, v) => w.WriteStringValue(v));

    /// <summary>Base64 strings, as bytes.</summary>
    public static JsonConverter<byte[]> Base64 { get; } = new Primitive<byte[]>(static (ref Utf8JsonReader r) => r.GetBytesFromBase64(), static (w, v) => w.WriteBase64StringValue(v));

    /// <summary>Any JSON, kept as it is.</summary>
    public static JsonConverter<JsonElement> Element { get; } = new ElementCodec();

    /// <summary>A JSON array of <typeparamref name="T"/>.</summary>
    /// <remarks>Generated methods ask for their list codec on every call; asked again for the same item codec, this gives the same one.</remarks>
    public static JsonConverter<IList<T>> List<T>(JsonConverter<T> item) => LastOf<T, IList<T>>.For(item, static item => new ListCodec<T>(item));

    /// <summary>A JSON object whose members are all <typeparamref name="T"/>.</summary>
    /// <remarks>Asked again for the same value codec, this gives the same one, as <see cref="List{T}"/> does.</remarks>
    public static JsonConverter<IDictionary<string, T>> Map<T>(JsonConverter<T> value) => LastOf<T, IDictionary<string, T>>.For(value, static value => new MapCodec<T>(value));

    /// <summary>
    /// Strings for a member whose schema fixes its one value (a message's <c>type</c> or <c>role</c>): that value is read
    /// as <paramref name="value"/> itself, without a new string, and any other is read as it is.
    /// </summary>
    public static JsonConverter<string> Fixed(string value) => new FixedString(value);

    /// <summary>A value type that may be null.</summary>
    public static JsonConverter<T?> Nullable<T>(JsonConverter<T> value)
        where T : struct => new NullableCodec<T>(value);

    /// <summary>
    /// The options a request's JSON is written with. Members the server fills (<c>readOnly</c>) are left out when
    /// writing with these, and only then, so a model read from a response still writes back whole with <see cref="Options"/>.
    /// </summary>
    internal static JsonSerializerOptions RequestOptions { get; } = ReadOnlyOptions();

    private static JsonSerializerOptions ReadOnlyOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonConverter<T> codec) => SerializeToUtf8Bytes(value, codec, Options);

    /// <summary>Writes <paramref name="value"/> as the JSON of a request: without the members the server fills.</summary>
    internal static byte[] SerializeRequest<T>(T value, JsonConverter<T> codec) => SerializeToUtf8Bytes(value, codec, RequestOptions);

    /// <summary>
    /// Writes <paramref name="value"/> as the JSON of a request whose top-level member <paramref name="name"/> is
    /// <paramref name="flag"/>, whatever the value held (see <see cref="FixedJsonMember"/>).
    /// </summary>
    internal static byte[] SerializeRequest<T>(T value, JsonConverter<T> codec, string name, bool flag) =>
        PooledJsonWriter.Write(
            (Value: value, Codec: codec, Name: name, Flag: flag),
            static (writer, state) => state.Codec.Write(writer, state.Value, RequestOptions),
            static (written, state) => FixedJsonMember.Set(written, state.Name, state.Flag));

    private static byte[] SerializeToUtf8Bytes<T>(T value, JsonConverter<T> codec, JsonSerializerOptions options) =>
        PooledJsonWriter.Write(value, codec, options);

    /// <summary>Writes <paramref name="value"/> as JSON text.</summary>
    public static string Serialize<T>(T value, JsonConverter<T> codec) => System.Text.Encoding.UTF8.GetString(SerializeToUtf8Bytes(value, codec));

    /// <summary>Reads one JSON value from <paramref name="utf8Json"/>; anything but whitespace after it is an error.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonConverter<T> codec)
    {
        using UnionReadings.Isolation isolation = UnionReadings.Isolate();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            throw new JsonException("The body is empty; a JSON value was expected.");
        }

        T value = codec.Read(ref reader, typeof(T), Options)!;
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {reader.TokenType} after the JSON value at byte {reader.TokenStartIndex}.");
        }

        return value;
    }

    /// <summary>Reads JSON text.</summary>
    public static T Deserialize<T>(string json, JsonConverter<T> codec) => Deserialize(System.Text.Encoding.UTF8.GetBytes(json), codec);

    internal delegate T ReadValue<T>(ref Utf8JsonReader reader);

    internal static string Utf8ToString(ReadOnlySpan<byte> utf8)
    {
#if NET
        return System.Text.Encoding.UTF8.GetString(utf8);
#else
        return System.Text.Encoding.UTF8.GetString(utf8.ToArray());
#endif
    }

    /// <summary>
    /// The string or property name the reader stands on. Text that is not valid UTF-8 is a malformed body like any other,
    /// so it is a <see cref="JsonException"/> rather than the reader's <see cref="InvalidOperationException"/>.
    /// </summary>
    internal static string ReadText(ref Utf8JsonReader reader, string what, Type? owner = null)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            string whose = owner is null ? "" : " of " + owner.Name;
            throw new JsonException($"{what}{whose} at byte {reader.TokenStartIndex} is not valid UTF-8.", ex);
        }
    }

    internal static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {reader.TokenType} at byte {reader.TokenStartIndex}.");

    private sealed class FixedString(string value) : JsonConverter<string>
    {
        private readonly byte[] _utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        private readonly JsonEncodedText _encoded = JsonEncodedText.Encode(value);

        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(_utf8) ? value : String.Read(ref reader, typeToConvert, options)!;

        public override void Write(Utf8JsonWriter writer, string text, JsonSerializerOptions options)
        {
            if (ReferenceEquals(text, value))
            {
                writer.WriteStringValue(_encoded);
                return;
            }

            String.Write(writer, text, options);
        }
    }

    private sealed class Primitive<T> : JsonConverter<T>
    {
        private readonly ReadValue<T> _read;
        private readonly Action<Utf8JsonWriter, T> _write;

        public Primitive(ReadValue<T> read, Action<Utf8JsonWriter, T> write)
        {
            _read = read;
            _write = write;
        }

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (default(T) is null)
                {
                    return default!;
                }

                throw Unexpected(ref reader, typeof(T).Name);
            }

            try
            {
                return _read(ref reader);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException)
            {
                throw new JsonException($"Expected {typeof(T).Name} but found {reader.TokenType} at byte {reader.TokenStartIndex}.", ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            _write(writer, value);
        }
    }

    private sealed class ElementCodec : JsonConverter<JsonElement>
    {
        public override bool HandleNull => true;

        // JsonElement.ParseValue sizes its own arrays to the value; JsonDocument.ParseValue rents pooled ones, which
        // then cost a Clone (a second document) to outlive the dispose.
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
        {
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                writer.WriteNullValue();
                return;
            }

            value.WriteTo(writer);
        }
    }

    private sealed class NullableCodec<T> : JsonConverter<T?>
        where T : struct
    {
        private readonly JsonConverter<T> _value;

        public NullableCodec(JsonConverter<T> value) => _value = value;

        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : _value.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            _value.Write(writer, value.Value, options);
        }
    }

    /// <summary>
    /// The codec last built over an element codec, per element and container type. Codecs hold no state, so two
    /// threads that race here only build one more; a call keeps asking for the same element codec, so one slot does.
    /// </summary>
    private static class LastOf<T, TContainer>
    {
        private static Built? s_last;

        public static JsonConverter<TContainer> For(JsonConverter<T> element, Func<JsonConverter<T>, JsonConverter<TContainer>> build)
        {
            Built? last = Volatile.Read(ref s_last);
            if (last is not null && ReferenceEquals(last.Element, element))
            {
                return last.Codec;
            }

            var built = new Built(element, build(element));
            Volatile.Write(ref s_last, built);
            return built.Codec;
        }

        private sealed class Built(JsonConverter<T> element, JsonConverter<TContainer> codec)
        {
            public JsonConverter<T> Element { get; } = element;

            public JsonConverter<TContainer> Codec { get; } = codec;
        }
    }

    private sealed class ListCodec<T> : JsonConverter<IList<T>>
    {
        private readonly JsonConverter<T> _item;

        public ListCodec(JsonConverter<T> item) => _item = item;

        public override bool HandleNull => true;

        public override IList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null!;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Unexpected(ref reader, "an array");
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(_item.Read(ref reader, typeof(T), options)!);
            }

            return items;
        }

        public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (T item in value)
            {
                _item.Write(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }

    private sealed class MapCodec<T> : JsonConverter<IDictionary<string, T>>
    {
        private readonly JsonConverter<T> _value;

        public MapCodec(JsonConverter<T> value) => _value = value;

        public override bool HandleNull => true;

        public override IDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null!;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Unexpected(ref reader, "an object");
            }

            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string key = ReadText(ref reader, "A key of the map");
                reader.Read();
                map[key] = _value.Read(ref reader, typeof(T), options)!;
            }

            return map;
        }

        public override void Write(Utf8JsonWriter writer, IDictionary<string, T> value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            foreach (KeyValuePair<string, T> pair in value)
            {
                writer.WritePropertyName(pair.Key);
                _value.Write(writer, pair.Value, options);
            }

            writer.WriteEndObject();
        }
    }
}
