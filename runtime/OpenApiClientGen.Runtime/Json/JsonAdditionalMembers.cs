namespace OpenApiClientGen.Runtime;

/// <summary>
/// The members of a model that its schema does not name (<c>additionalProperties</c>): read into a dictionary on the
/// model and written back after the named members, so nothing the server sent is lost on a round trip.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonAdditionalMembers<TOwner>
{
    private protected JsonAdditionalMembers()
    {
    }

    /// <summary>Members kept as values of <paramref name="codec"/>, in the dictionary <paramref name="get"/> returns.</summary>
    public static JsonAdditionalMembers<TOwner> Of<TValue>(JsonConverter<TValue> codec, Func<TOwner, IDictionary<string, TValue>> get) =>
        new Typed<TValue>(codec, get);

    internal abstract void Read(ref Utf8JsonReader reader, TOwner owner, string name, JsonSerializerOptions options);

    internal abstract void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options);

    /// <summary>Whether <paramref name="owner"/> holds an additional member named <paramref name="name"/>.</summary>
    internal abstract bool Has(TOwner owner, string name);

    private sealed class Typed<TValue> : JsonAdditionalMembers<TOwner>
    {
        private readonly JsonConverter<TValue> _codec;
        private readonly Func<TOwner, IDictionary<string, TValue>> _get;

        public Typed(JsonConverter<TValue> codec, Func<TOwner, IDictionary<string, TValue>> get)
        {
            _codec = codec;
            _get = get;
        }

        internal override void Read(ref Utf8JsonReader reader, TOwner owner, string name, JsonSerializerOptions options) =>
            _get(owner)[name] = _codec.Read(ref reader, typeof(TValue), options)!;

        internal override bool Has(TOwner owner, string name) => _get(owner) is { } members && members.ContainsKey(name);

        internal override void Write(Utf8JsonWriter writer, TOwner owner, JsonSerializerOptions options)
        {
            IDictionary<string, TValue>? members = _get(owner);
            if (members is null)
            {
                return;
            }

            foreach (KeyValuePair<string, TValue> member in members)
            {
                writer.WritePropertyName(member.Key);
                _codec.Write(writer, member.Value, options);
            }
        }
    }
}
