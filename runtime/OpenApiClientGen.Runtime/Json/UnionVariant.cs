namespace OpenApiClientGen.Runtime;

/// <summary>One row of a union's table: the variant's codec, the JSON it can be read from, and its discriminator tags.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class UnionVariant
{
    private protected UnionVariant(JsonShape shape, string[] tags)
    {
        Shape = shape;
        Tags = tags;
    }

    /// <summary>The token kinds this variant is read from.</summary>
    public JsonShape Shape { get; }

    /// <summary>The discriminator values that select this variant.</summary>
    public string[] Tags { get; }

    /// <summary>The variant's C# type, for messages.</summary>
    public abstract Type Type { get; }

    /// <summary>A variant of type <typeparamref name="TValue"/>.</summary>
    public static UnionVariant Of<TValue>(JsonConverter<TValue> codec, JsonShape shape, params string[] tags) => new Typed<TValue>(codec, shape, tags);

    internal abstract object? Read(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Writes <paramref name="value"/> when it is this variant's type, tagged in <paramref name="discriminator"/> if it names one.</summary>
    internal abstract bool TryWrite(Utf8JsonWriter writer, object value, JsonSerializerOptions options, string? discriminator);

    /// <summary>How well an object fits this variant; negative when it cannot be this variant.</summary>
    internal abstract int Score(Utf8JsonReader reader);

    private sealed class Typed<TValue> : UnionVariant
    {
        private readonly JsonConverter<TValue> _codec;

        public Typed(JsonConverter<TValue> codec, JsonShape shape, string[] tags)
            : base(shape, tags) => _codec = codec;

        public override Type Type => typeof(TValue);

        internal override object? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => _codec.Read(ref reader, typeof(TValue), options);

        internal override bool TryWrite(Utf8JsonWriter writer, object value, JsonSerializerOptions options, string? discriminator)
        {
            if (value is not TValue typed)
            {
                return false;
            }

            if (discriminator is not null && Tags.Length > 0 && _codec is ITaggedWriter<TValue> tagged)
            {
                tagged.Write(writer, typed, options, discriminator, Tags[0]);
            }
            else
            {
                _codec.Write(writer, typed, options);
            }

            return true;
        }

        internal override int Score(Utf8JsonReader reader) => _codec is IObjectMatcher matcher ? matcher.Score(reader) : 0;
    }
}

/// <summary>A codec that can tell how well a JSON object fits its type without reading it.</summary>
internal interface IObjectMatcher
{
    /// <summary>Negative when the object cannot be this type; otherwise higher is a better fit.</summary>
    int Score(Utf8JsonReader reader);
}

/// <summary>A codec that writes an object as a union's variant, with the tag in the discriminator member if it lacks it.</summary>
internal interface ITaggedWriter<in T>
{
    void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options, string discriminator, string tag);
}
