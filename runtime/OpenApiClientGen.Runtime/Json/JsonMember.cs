namespace OpenApiClientGen.Runtime;

/// <summary>One JSON member of a generated model: its name, its codec, and how to get and set it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonMember<TOwner>
{
    /// <summary>Creates a member named <paramref name="name"/> on the wire.</summary>
    protected JsonMember(string name)
    {
        Name = name;
        EncodedName = JsonEncodedText.Encode(name);
        Utf8Name = System.Text.Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The member's exact name in JSON.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8, unescaped, for finding the member while reading.</summary>
    internal byte[] Utf8Name { get; }

    /// <summary>The name, escaped once for writing.</summary>
    protected JsonEncodedText EncodedName { get; }

    /// <summary>Whether a JSON object must carry this member.</summary>
    internal virtual bool IsRequired => false;

    /// <summary>Reads the member's value, the reader standing on it, into <paramref name="owner"/>.</summary>
    public abstract void Read(ref Utf8JsonReader reader, TOwner owner, JsonSerializerOptions options);

    /// <summary>Writes the member's name and value, unless it should be left out.</summary>
    public abstract void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options);
}

/// <summary>Factories for the three ways a member behaves when it has no value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonMember
{
    /// <summary>A required member: always written, as null when it is null.</summary>
    public static JsonMember<TOwner> Required<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        new ValueMember<TOwner, TValue>(name, codec, get, set, writeNull: true);

    /// <summary>An optional member that cannot be null: left out when it is null in C#.</summary>
    public static JsonMember<TOwner> Value<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        new ValueMember<TOwner, TValue>(name, codec, get, set, writeNull: false);

    /// <summary>An optional, nullable member: left out when unset, written as null when set to null.</summary>
    public static JsonMember<TOwner> Optional<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, Optional<TValue>> get, Action<TOwner, Optional<TValue>> set) =>
        new OptionalMember<TOwner, TValue>(name, codec, get, set);

    /// <summary>
    /// A member the server fills (<c>readOnly</c>): read like <paramref name="member"/>, and left out of every request
    /// body, whatever it holds. Written anywhere else (<see cref="JsonCodecs.Serialize{T}"/>) it is kept.
    /// </summary>
    public static JsonMember<TOwner> ReadOnly<TOwner>(JsonMember<TOwner> member) => new ReadOnlyMember<TOwner>(member);

    /// <summary>
    /// A member only requests carry (<c>writeOnly</c>): written like <paramref name="member"/>, but a response need not
    /// hold it, so telling union variants apart never demands it.
    /// </summary>
    public static JsonMember<TOwner> WriteOnly<TOwner>(JsonMember<TOwner> member) => new WriteOnlyMember<TOwner>(member);

    private sealed class ReadOnlyMember<TOwner>(JsonMember<TOwner> member) : JsonMember<TOwner>(member.Name)
    {
        public override void Read(ref Utf8JsonReader reader, TOwner owner, JsonSerializerOptions options) => member.Read(ref reader, owner, options);

        public override void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options)
        {
            if (!ReferenceEquals(options, JsonCodecs.RequestOptions))
            {
                member.Write(writer, owner, options);
            }
        }
    }

    private sealed class WriteOnlyMember<TOwner>(JsonMember<TOwner> member) : JsonMember<TOwner>(member.Name)
    {
        public override void Read(ref Utf8JsonReader reader, TOwner owner, JsonSerializerOptions options) => member.Read(ref reader, owner, options);

        public override void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options) => member.Write(writer, owner, options);
    }

    private sealed class ValueMember<TOwner, TValue> : JsonMember<TOwner>
    {
        private readonly JsonConverter<TValue> _codec;
        private readonly Func<TOwner, TValue> _get;
        private readonly Action<TOwner, TValue> _set;
        private readonly bool _writeNull;

        public ValueMember(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set, bool writeNull)
            : base(name)
        {
            _codec = codec;
            _get = get;
            _set = set;
            _writeNull = writeNull;
        }

        internal override bool IsRequired => _writeNull;

        public override void Read(ref Utf8JsonReader reader, TOwner owner, JsonSerializerOptions options) =>
            _set(owner, _codec.Read(ref reader, typeof(TValue), options)!);

        public override void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options)
        {
            TValue value = _get(owner);
            if (value is null && !_writeNull)
            {
                return;
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, value, options);
        }
    }

    private sealed class OptionalMember<TOwner, TValue> : JsonMember<TOwner>
    {
        private readonly JsonConverter<TValue> _codec;
        private readonly Func<TOwner, Optional<TValue>> _get;
        private readonly Action<TOwner, Optional<TValue>> _set;

        public OptionalMember(string name, JsonConverter<TValue> codec, Func<TOwner, Optional<TValue>> get, Action<TOwner, Optional<TValue>> set)
            : base(name)
        {
            _codec = codec;
            _get = get;
            _set = set;
        }

        public override void Read(ref Utf8JsonReader reader, TOwner owner, JsonSerializerOptions options) =>
            _set(owner, new Optional<TValue>(_codec.Read(ref reader, typeof(TValue), options)!));

        public override void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options)
        {
            Optional<TValue> value = _get(owner);
            if (!value.IsSet)
            {
                return;
            }

            writer.WritePropertyName(EncodedName);
            _codec.Write(writer, value.Value, options);
        }
    }
}
