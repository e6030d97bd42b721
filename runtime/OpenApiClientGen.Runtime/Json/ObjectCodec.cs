namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads and writes a generated model from the member table and the visit method its generated code supplies. Unknown
/// members are skipped, never an error, or kept in the model's additional members when it has them. The table is built
/// on first use, so models that refer to each other can be declared in any order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ObjectCodec<T> : JsonConverter<T>, IObjectMatcher, ITaggedWriter<T>
    where T : class
{
    private readonly Func<T> _create;
    private readonly Lazy<Members> _members;

    /// <summary>Creates the codec of a generated model.</summary>
    /// <param name="create">Makes an empty model to read into.</param>
    /// <param name="members">Lists the model's members, in the order they are written, from the factories it is given.</param>
    /// <param name="visit">Reads or writes the member a visit names, by its index in the list.</param>
    /// <param name="additional">Where members the schema does not name go, for schemas with <c>additionalProperties</c>.</param>
    public ObjectCodec(Func<T> create, Func<JsonMembers, JsonMemberInfo[]> members, JsonMemberVisitor<T> visit, Func<JsonAdditionalMembers<T>>? additional = null)
    {
        _create = create;
        _members = new Lazy<Members>(() => new Members(members(JsonMembers.Instance), visit, additional?.Invoke()));
    }

    /// <summary>Creates the codec of a hand-written model, from members that carry their own accessors.</summary>
    /// <param name="create">Makes an empty model to read into.</param>
    /// <param name="members">Lists the model's members, in the order they are written.</param>
    /// <param name="additional">Where members the schema does not name go, for schemas with <c>additionalProperties</c>.</param>
    public ObjectCodec(Func<T> create, Func<JsonMember<T>[]> members, Func<JsonAdditionalMembers<T>>? additional = null)
    {
        _create = create;
        _members = new Lazy<Members>(() =>
        {
            JsonMember<T>[] accessors = members();
            return new Members(Array.ConvertAll(accessors, static m => m.Info), (ref JsonMemberVisit visit, T owner) => accessors[visit.Member].Visit(ref visit, owner), additional?.Invoke());
        });
    }

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null!;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonCodecs.Unexpected(ref reader, $"a JSON object for {typeof(T).Name}");
        }

        Members members = _members.Value;
        T value = _create();
        // The visit carries the reader while the members are read, and gives it back at the end.
        var visit = JsonMemberVisit.Reading(members.InOrder, reader, options);
        int next = 0;
        while (visit.Reader.Read() && visit.Reader.TokenType != JsonTokenType.EndObject)
        {
            int index = members.Find(ref visit.Reader, ref next);
            string? name = index < 0 && members.Additional is not null ? JsonCodecs.ReadText(ref visit.Reader, "A member name", typeof(T)) : null;
            visit.Reader.Read();
            try
            {
                if (index >= 0)
                {
                    visit.Member = index;
                    members.Visit(ref visit, value);
                }
                else if (name is not null)
                {
                    members.Additional!.Read(ref visit.Reader, value, name, options);
                }
                else
                {
                    visit.Reader.Skip();
                }
            }
            catch (JsonException ex) when (!ex.Message.StartsWith("In ", StringComparison.Ordinal))
            {
                throw new JsonException($"In {typeof(T).Name}.{(index >= 0 ? members.InOrder[index].Name : name ?? "(a member it does not know)")}: {ex.Message}", ex);
            }
        }

        reader = visit.Reader;
        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Write(writer, value, options, null, null);

    void ITaggedWriter<T>.Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options, string discriminator, string tag) =>
        Write(writer, value, options, discriminator, tag);

    /// <summary>
    /// Writes <paramref name="value"/> as the variant of a union that <paramref name="tag"/> names in its discriminator
    /// member <paramref name="discriminator"/>: a type that does not declare that member (Cohere's citation sources,
    /// whose oneOf is tagged by a <c>type</c> neither branch lists) still goes out tagged, so a server can tell it apart.
    /// </summary>
    private void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options, string? discriminator, string? tag)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        Members members = _members.Value;
        writer.WriteStartObject();
        if (discriminator is not null && tag is not null && !members.ByName.ContainsKey(discriminator) && members.Additional?.Has(value, discriminator) != true)
        {
            writer.WriteString(discriminator, tag);
        }

        var visit = JsonMemberVisit.Writing(members.InOrder, writer, options);
        for (int i = 0; i < members.InOrder.Length; i++)
        {
            visit.Member = i;
            members.Visit(ref visit, value);
        }

        members.Additional?.Write(writer, value, options);
        writer.WriteEndObject();
    }

    /// <summary>Rejects an object that lacks a required member; otherwise counts known members up and unknown ones down.</summary>
    int IObjectMatcher.Score(Utf8JsonReader reader)
    {
        Members members = _members.Value;
        int known = 0;
        int unknown = 0;
        int required = 0;
        int depth = reader.CurrentDepth;
        int next = 0;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            int index = members.Find(ref reader, ref next);
            if (index >= 0)
            {
                known++;
                required += members.InOrder[index].IsRequired ? 1 : 0;
            }
            else
            {
                unknown++;
            }

            reader.Read();
            reader.Skip();
        }

        return required < members.RequiredCount ? -1 : (2 * known) - unknown;
    }

    private sealed class Members
    {
        public Members(JsonMemberInfo[] members, JsonMemberVisitor<T> visit, JsonAdditionalMembers<T>? additional)
        {
            InOrder = members;
            Visit = visit;
            Additional = additional;
            ByName = new Dictionary<string, int>(members.Length, StringComparer.Ordinal);
            for (int i = 0; i < members.Length; i++)
            {
                ByName[members[i].Name] = i;
                RequiredCount += members[i].IsRequired ? 1 : 0;
            }
        }

        public int RequiredCount { get; }

        public JsonAdditionalMembers<T>? Additional { get; }

        public JsonMemberInfo[] InOrder { get; }

        public JsonMemberVisitor<T> Visit { get; }

        public Dictionary<string, int> ByName { get; }

        /// <summary>
        /// Finds the index of the member the reader's property name names, or -1, without turning the name into a
        /// string. Servers write members in a stable order, usually the schema's, so the search starts after the member
        /// found last.
        /// </summary>
        public int Find(ref Utf8JsonReader reader, ref int next)
        {
            JsonMemberInfo[] all = InOrder;
            if (all.Length > ScanLimit)
            {
                return ByName.TryGetValue(JsonCodecs.ReadText(ref reader, "A member name", typeof(T)), out int named) ? named : -1;
            }

            for (int i = 0; i < all.Length; i++)
            {
                int at = next + i < all.Length ? next + i : next + i - all.Length;
                if (reader.ValueTextEquals(all[at].Utf8Name))
                {
                    next = at + 1 == all.Length ? 0 : at + 1;
                    return at;
                }
            }

            return -1;
        }

        // Past this many members, one string and a hash lookup beat comparing the name with each member in turn.
        private const int ScanLimit = 24;
    }
}
