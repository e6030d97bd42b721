namespace OpenApiClientGen.Runtime;

/// <summary>
/// One JSON member of a generated model as its table lists it: the name, the codec, and how the member behaves when it
/// has no value. It holds no accessors: the model's generated visit method moves each value between the JSON and the
/// property (<see cref="JsonMemberVisit"/>), so a model costs its compilation no lambdas.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonMemberInfo
{
    private protected JsonMemberInfo(string name, JsonMemberInfo? like = null)
    {
        Name = name;
        EncodedName = like?.EncodedName ?? JsonEncodedText.Encode(name);
        Utf8Name = like?.Utf8Name ?? System.Text.Encoding.UTF8.GetBytes(name);
    }

    /// <summary>The member's exact name in JSON.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8, unescaped, for finding the member while reading.</summary>
    internal byte[] Utf8Name { get; }

    /// <summary>The name, escaped once for writing.</summary>
    internal JsonEncodedText EncodedName { get; }

    /// <summary>Whether a JSON object must carry this member for a union to take it for this model.</summary>
    internal bool IsRequired { get; private protected set; }

    /// <summary>Whether the server fills it, so a request body leaves it out.</summary>
    internal bool IsReadOnly { get; private protected set; }

    /// <summary>A required member: always written, as null when it is null.</summary>
    public static JsonMemberInfo Required<TValue>(string name, JsonConverter<TValue> codec) =>
        new Of<TValue>(name, codec, writeNull: true) { IsRequired = true };

    /// <summary>An optional member that cannot be null: left out when it is null in C#.</summary>
    public static JsonMemberInfo Value<TValue>(string name, JsonConverter<TValue> codec) => new Of<TValue>(name, codec, writeNull: false);

    /// <summary>An optional, nullable member, held in an <see cref="Optional{T}"/>: left out when unset, written as null when set to null.</summary>
    public static JsonMemberInfo Optional<TValue>(string name, JsonConverter<TValue> codec) => new Of<TValue>(name, codec, writeNull: true);

    /// <summary>
    /// A member the server fills (<c>readOnly</c>): read like <paramref name="member"/>, and left out of every request
    /// body, whatever it holds. Written anywhere else (<see cref="JsonCodecs.Serialize{T}"/>) it is kept.
    /// </summary>
    public static JsonMemberInfo ReadOnly(JsonMemberInfo member) => member.With(required: false, readOnly: true);

    /// <summary>
    /// A member only requests carry (<c>writeOnly</c>): written like <paramref name="member"/>, but a response need not
    /// hold it, so telling union variants apart never demands it.
    /// </summary>
    public static JsonMemberInfo WriteOnly(JsonMemberInfo member) => member.With(required: false, readOnly: member.IsReadOnly);

    private protected abstract JsonMemberInfo With(bool required, bool readOnly);

    /// <summary>Whether a body written with <paramref name="options"/> carries the member.</summary>
    internal bool IsWrittenWith(JsonSerializerOptions options) => !IsReadOnly || !ReferenceEquals(options, JsonCodecs.RequestOptions);

    /// <summary>A member whose values are <typeparamref name="TValue"/>.</summary>
    internal sealed class Of<TValue> : JsonMemberInfo
    {
        public Of(string name, JsonConverter<TValue> codec, bool writeNull, JsonMemberInfo? like = null)
            : base(name, like)
        {
            Codec = codec;
            WriteNull = writeNull;
        }

        public JsonConverter<TValue> Codec { get; }

        /// <summary>Whether a null is written as null rather than left out.</summary>
        public bool WriteNull { get; }

        private protected override JsonMemberInfo With(bool required, bool readOnly) =>
            new Of<TValue>(Name, Codec, WriteNull, like: this) { IsRequired = required, IsReadOnly = readOnly };
    }
}
