namespace OpenApiClientGen.Runtime;

/// <summary>
/// The <see cref="JsonMemberInfo"/> factories on an instance that a generated member table takes as a parameter, so
/// each entry reads short: <c>members.Value("name", codec)</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonMembers
{
    internal static readonly JsonMembers Instance = new();

    private JsonMembers()
    {
    }

    /// <inheritdoc cref="JsonMemberInfo.Required"/>
    public JsonMemberInfo Required<TValue>(string name, JsonConverter<TValue> codec) => JsonMemberInfo.Required(name, codec);

    /// <inheritdoc cref="JsonMemberInfo.Value"/>
    public JsonMemberInfo Value<TValue>(string name, JsonConverter<TValue> codec) => JsonMemberInfo.Value(name, codec);

    /// <inheritdoc cref="JsonMemberInfo.Optional"/>
    public JsonMemberInfo Optional<TValue>(string name, JsonConverter<TValue> codec) => JsonMemberInfo.Optional(name, codec);

    /// <inheritdoc cref="JsonMemberInfo.ReadOnly"/>
    public JsonMemberInfo ReadOnly(JsonMemberInfo member) => JsonMemberInfo.ReadOnly(member);

    /// <inheritdoc cref="JsonMemberInfo.WriteOnly"/>
    public JsonMemberInfo WriteOnly(JsonMemberInfo member) => JsonMemberInfo.WriteOnly(member);
}
