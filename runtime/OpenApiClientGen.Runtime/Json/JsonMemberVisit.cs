namespace OpenApiClientGen.Runtime;

/// <summary>
/// Visits one member of a model: a generated method switches on <see cref="Member"/> and, for each member, assigns
/// <c>m.Name = visit.Value(m.Name)</c>. Reading, the visit returns the value read from the JSON. Writing, it writes the
/// value it is given (or leaves it out, as the member's <see cref="JsonMemberInfo"/> says) and returns it unchanged,
/// so the model keeps what it held. One line a member serves both ways, which keeps generated models cheap to compile.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JsonMemberVisit
{
    /// <summary>The reader, standing on the member's value, while reading.</summary>
    internal Utf8JsonReader Reader;

    private readonly JsonMemberInfo[] _members;
    private readonly Utf8JsonWriter? _writer;
    private readonly JsonSerializerOptions _options;

    // Without a writer the visit reads, from the reader the codec handed it.
    private JsonMemberVisit(JsonMemberInfo[] members, Utf8JsonReader reader, Utf8JsonWriter? writer, JsonSerializerOptions options)
    {
        _members = members;
        Reader = reader;
        _writer = writer;
        _options = options;
        Member = 0;
    }

    /// <summary>A visit that reads members from <paramref name="reader"/>, which the codec takes back when the object ends.</summary>
    internal static JsonMemberVisit Reading(JsonMemberInfo[] members, Utf8JsonReader reader, JsonSerializerOptions options) => new(members, reader, null, options);

    /// <summary>A visit that writes members to <paramref name="writer"/>.</summary>
    internal static JsonMemberVisit Writing(JsonMemberInfo[] members, Utf8JsonWriter writer, JsonSerializerOptions options) => new(members, default, writer, options);

    /// <summary>The index, in the model's member table, of the member visited.</summary>
    public int Member { get; internal set; }

    /// <summary>Whether the visit reads the member from JSON, rather than writing it.</summary>
    internal readonly bool IsReading => _writer is null;

    /// <summary>Reads or writes a member that holds its value directly.</summary>
    /// <param name="current">The property's value, written when writing.</param>
    /// <returns>The value read, or <paramref name="current"/> when writing.</returns>
    public TValue Value<TValue>(TValue current)
    {
        JsonMemberInfo.Of<TValue> member = Visited<TValue>();
        if (_writer is not { } writer)
        {
            return member.Codec.Read(ref Reader, typeof(TValue), _options)!;
        }

        if ((current is not null || member.WriteNull) && member.IsWrittenWith(_options))
        {
            writer.WritePropertyName(member.EncodedName);
            member.Codec.Write(writer, current, _options);
        }

        return current;
    }

    /// <summary>Reads or writes a member that may be absent: an unset value is left out, a set null is written.</summary>
    /// <param name="current">The property's value, written when writing.</param>
    /// <returns>The value read, or <paramref name="current"/> when writing.</returns>
    public Optional<TValue> Optional<TValue>(Optional<TValue> current)
    {
        JsonMemberInfo.Of<TValue> member = Visited<TValue>();
        if (_writer is not { } writer)
        {
            return new Optional<TValue>(member.Codec.Read(ref Reader, typeof(TValue), _options)!);
        }

        if (current.IsSet && member.IsWrittenWith(_options))
        {
            writer.WritePropertyName(member.EncodedName);
            member.Codec.Write(writer, current.Value, _options);
        }

        return current;
    }

    private readonly JsonMemberInfo.Of<TValue> Visited<TValue>() =>
        _members[Member] as JsonMemberInfo.Of<TValue>
        ?? throw new InvalidOperationException($"The member '{_members[Member].Name}' does not hold {typeof(TValue).Name} values; the model and its member table disagree.");
}

/// <summary>The generated method that visits the member <see cref="JsonMemberVisit.Member"/> of <paramref name="owner"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonMemberVisitor<in TOwner>(ref JsonMemberVisit visit, TOwner owner);
