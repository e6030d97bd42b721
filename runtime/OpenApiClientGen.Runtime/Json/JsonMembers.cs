namespace OpenApiClientGen.Runtime;

/// <summary>
/// The <see cref="JsonMember"/> factories with the owner type already fixed, so generated member tables can let C#
/// infer the value type and stay short: <c>members.Value("name", codec, static m => m.Name, static (m, v) => m.Name = v)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonMembers<TOwner>
{
    internal static readonly JsonMembers<TOwner> Instance = new();

    private JsonMembers()
    {
    }

    /// <inheritdoc cref="JsonMember.Required"/>
    public JsonMember<TOwner> Required<TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        JsonMember.Required(name, codec, get, set);

    /// <inheritdoc cref="JsonMember.Value"/>
    public JsonMember<TOwner> Value<TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        JsonMember.Value(name, codec, get, set);

    /// <inheritdoc cref="JsonMember.ReadOnly"/>
    public JsonMember<TOwner> ReadOnly(JsonMember<TOwner> member) => JsonMember.ReadOnly(member);

    /// <inheritdoc cref="JsonMember.WriteOnly"/>
    public JsonMember<TOwner> WriteOnly(JsonMember<TOwner> member) => JsonMember.WriteOnly(member);

    /// <inheritdoc cref="JsonMember.Optional"/>
    public JsonMember<TOwner> Optional<TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, Optional<TValue>> get, Action<TOwner, Optional<TValue>> set) =>
        JsonMember.Optional(name, codec, get, set);
}
