namespace OpenApiClientGen.Runtime;

/// <summary>
/// One JSON member of a hand-written model: its table entry and how to get and set it. Generated models list
/// <see cref="JsonMemberInfo"/> entries and visit their members in one method instead, which costs no lambdas.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonMember<TOwner>
{
    private protected JsonMember(JsonMemberInfo info) => Info = info;

    /// <summary>The member's exact name in JSON.</summary>
    public string Name => Info.Name;

    internal JsonMemberInfo Info { get; }

    /// <summary>Moves the member's value between the JSON and <paramref name="owner"/>, as <see cref="JsonMemberVisit"/> says.</summary>
    internal abstract void Visit(ref JsonMemberVisit visit, TOwner owner);

    /// <summary>The same accessors over another table entry (the member made read-only or write-only).</summary>
    internal abstract JsonMember<TOwner> With(JsonMemberInfo info);
}

/// <summary>Factories for the three ways a member behaves when it has no value.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonMember
{
    /// <summary>A required member: always written, as null when it is null.</summary>
    public static JsonMember<TOwner> Required<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        new ValueMember<TOwner, TValue>(JsonMemberInfo.Required(name, codec), get, set);

    /// <summary>An optional member that cannot be null: left out when it is null in C#.</summary>
    public static JsonMember<TOwner> Value<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, TValue> get, Action<TOwner, TValue> set) =>
        new ValueMember<TOwner, TValue>(JsonMemberInfo.Value(name, codec), get, set);

    /// <summary>An optional, nullable member: left out when unset, written as null when set to null.</summary>
    public static JsonMember<TOwner> Optional<TOwner, TValue>(string name, JsonConverter<TValue> codec, Func<TOwner, Optional<TValue>> get, Action<TOwner, Optional<TValue>> set) =>
        new OptionalMember<TOwner, TValue>(JsonMemberInfo.Optional(name, codec), get, set);

    /// <inheritdoc cref="JsonMemberInfo.ReadOnly"/>
    public static JsonMember<TOwner> ReadOnly<TOwner>(JsonMember<TOwner> member) => member.With(JsonMemberInfo.ReadOnly(member.Info));

    /// <inheritdoc cref="JsonMemberInfo.WriteOnly"/>
    public static JsonMember<TOwner> WriteOnly<TOwner>(JsonMember<TOwner> member) => member.With(JsonMemberInfo.WriteOnly(member.Info));

    private sealed class ValueMember<TOwner, TValue>(JsonMemberInfo info, Func<TOwner, TValue> get, Action<TOwner, TValue> set) : JsonMember<TOwner>(info)
    {
        internal override void Visit(ref JsonMemberVisit visit, TOwner owner)
        {
            if (visit.IsReading)
            {
                set(owner, visit.Value<TValue>(default!));
            }
            else
            {
                visit.Value(get(owner));
            }
        }

        internal override JsonMember<TOwner> With(JsonMemberInfo info) => new ValueMember<TOwner, TValue>(info, get, set);
    }

    private sealed class OptionalMember<TOwner, TValue>(JsonMemberInfo info, Func<TOwner, Optional<TValue>> get, Action<TOwner, Optional<TValue>> set) : JsonMember<TOwner>(info)
    {
        internal override void Visit(ref JsonMemberVisit visit, TOwner owner)
        {
            if (visit.IsReading)
            {
                set(owner, visit.Optional<TValue>(default));
            }
            else
            {
                visit.Optional(get(owner));
            }
        }

        internal override JsonMember<TOwner> With(JsonMemberInfo info) => new OptionalMember<TOwner, TValue>(info, get, set);
    }
}
