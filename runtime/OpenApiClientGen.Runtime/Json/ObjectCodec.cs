namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads and writes a generated model from the member table its generated code supplies. Unknown members are
/// skipped, never an error, or kept in the model's additional members when it has them. The table is built on
/// first use, so models that refer to each other can be declared in any order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ObjectCodec<T> : JsonConverter<T>, IObjectMatcher
    where T : class
{
    private readonly Func<T> _create;
    private readonly Lazy<Members> _members;

    /// <summary>Creates the codec.</summary>
    /// <param name="create">Makes an empty model to read into.</param>
    /// <param name="members">Lists the model's members, in the order they are written.</param>
    /// <param name="additional">Where members the schema does not name go, for schemas with <c>additionalProperties</c>.</param>
    public ObjectCodec(Func<T> create, Func<JsonMember<T>[]> members, Func<JsonAdditionalMembers<T>>? additional = null)
    {
        _create = create;
        _members = new Lazy<Members>(() => new Members(members(), additional?.Invoke()));
    }

    /// <summary>Creates the codec from a member table written with the owner type already fixed.</summary>
    /// <param name="create">Makes an empty model to read into.</param>
    /// <param name="members">Lists the model's members, in the order they are written.</param>
    /// <param name="additional">Where members the schema does not name go, for schemas with <c>additionalProperties</c>.</param>
    public ObjectCodec(Func<T> create, Func<JsonMembers<T>, JsonMember<T>[]> members, Func<JsonAdditionalMembers<T>>? additional = null)
        : this(create, () => members(JsonMembers<T>.Instance), additional)
    {
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
        int next = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            JsonMember<T>? member = members.Find(ref reader, ref next);
            string? name = member is null && members.Additional is not null ? JsonCodecs.ReadText(ref reader, "A member name", typeof(T)) : null;
            reader.Read();
            try
            {
                if (member is not null)
                {
                    member.Read(ref reader, value, options);
                }
                else if (name is not null)
                {
                    members.Additional!.Read(ref reader, value, name, options);
                }
                else
                {
                    reader.Skip();
                }
            }
            catch (JsonException ex) when (!ex.Message.StartsWith("In ", StringComparison.Ordinal))
            {
                throw new JsonException($"In {typeof(T).Name}.{member?.Name ?? name ?? "(a member it does not know)"}: {ex.Message}", ex);
            }
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (JsonMember<T> member in _members.Value.InOrder)
        {
            member.Write(writer, value, options);
        }

        _members.Value.Additional?.Write(writer, value, options);
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
            if (members.Find(ref reader, ref next) is { } member)
            {
                known++;
                required += member.IsRequired ? 1 : 0;
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
        public Members(JsonMember<T>[] members, JsonAdditionalMembers<T>? additional)
        {
            InOrder = members;
            Additional = additional;
            ByName = new Dictionary<string, JsonMember<T>>(members.Length, StringComparer.Ordinal);
            foreach (JsonMember<T> member in members)
            {
                ByName[member.Name] = member;
                RequiredCount += member.IsRequired ? 1 : 0;
            }
        }

        public int RequiredCount { get; }

        public JsonAdditionalMembers<T>? Additional { get; }

        public JsonMember<T>[] InOrder { get; }

        public Dictionary<string, JsonMember<T>> ByName { get; }

        /// <summary>
        /// Finds the member the reader's property name names, without turning the name into a string. Servers write
        /// members in a stable order, usually the schema's, so the search starts after the member found last.
        /// </summary>
        public JsonMember<T>? Find(ref Utf8JsonReader reader, ref int next)
        {
            JsonMember<T>[] all = InOrder;
            if (all.Length > ScanLimit)
            {
                return ByName.TryGetValue(JsonCodecs.ReadText(ref reader, "A member name", typeof(T)), out JsonMember<T>? named) ? named : null;
            }

            for (int i = 0; i < all.Length; i++)
            {
                int at = next + i < all.Length ? next + i : next + i - all.Length;
                if (reader.ValueTextEquals(all[at].Utf8Name))
                {
                    next = at + 1 == all.Length ? 0 : at + 1;
                    return all[at];
                }
            }

            return null;
        }

        // Past this many members, one string and a hash lookup beat comparing the name with each member in turn.
        private const int ScanLimit = 24;
    }
}
