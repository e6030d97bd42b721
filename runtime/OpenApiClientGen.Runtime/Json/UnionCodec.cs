namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads and writes a generated union from its variant table. With a discriminator, the tag picks the variant and an
/// unknown tag is kept as an <see cref="UnknownVariant"/>. Without one (or when the tag is missing), the JSON's shape
/// picks it: the token kind first, then for objects the variant whose members fit best, then the first that reads.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class UnionCodec<T> : JsonConverter<T>, IObjectMatcher
    where T : JsonUnion
{
    private readonly Func<object, T> _wrap;
    private readonly byte[]? _discriminator;
    private readonly string? _discriminatorName;
    private readonly Lazy<Table> _table;

    /// <summary>Creates the codec.</summary>
    /// <param name="wrap">Wraps a variant's value (or an <see cref="UnknownVariant"/>) as the union.</param>
    /// <param name="discriminator">The member whose value names the variant, or null.</param>
    /// <param name="variants">The variants, in the order they are tried.</param>
    public UnionCodec(Func<object, T> wrap, string? discriminator, Func<UnionVariant[]> variants)
    {
        _wrap = wrap;
        _discriminator = discriminator is null ? null : System.Text.Encoding.UTF8.GetBytes(discriminator);
        _discriminatorName = discriminator;
        _table = new Lazy<Table>(() => new Table(variants()));
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

        Table table = _table.Value;
        if (_discriminator is not null && reader.TokenType == JsonTokenType.StartObject && FindTag(reader, _discriminator, table, out UnionVariant? tagged) is { } tag)
        {
            if (tagged is not null)
            {
                return _wrap(tagged.Read(ref reader, options)!);
            }

            return _wrap(new UnknownVariant(JsonCodecs.Element.Read(ref reader, typeof(JsonElement), options), tag));
        }

        return _wrap(ReadByShape(ref reader, table, options));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        if (value.Value is UnknownVariant unknown)
        {
            unknown.Json.WriteTo(writer);
            return;
        }

        foreach (UnionVariant variant in _table.Value.Variants)
        {
            if (variant.TryWrite(writer, value.Value, options, _discriminatorName))
            {
                return;
            }
        }

        throw new JsonException($"{typeof(T).Name} holds a {value.Value.GetType().Name}, which is none of its variants.");
    }

    int IObjectMatcher.Score(Utf8JsonReader reader)
    {
        if (_discriminator is not null && FindTag(reader, _discriminator, _table.Value, out _) is not null)
        {
            return 1;
        }

        int best = -1;
        foreach (UnionVariant variant in _table.Value.Variants)
        {
            if ((variant.Shape & JsonShape.Object) != 0)
            {
                best = Math.Max(best, variant.Score(reader));
            }
        }

        return best;
    }

    /// <summary>
    /// Tries the variants that fit the token, best first, and keeps the first that reads. A union that is itself tried
    /// as part of a variant another union may give up on is judged once per value: its outcome is remembered, so a
    /// recursive union whose innermost value fits nothing costs work in proportion to its depth, not a power of it.
    /// </summary>
    private object ReadByShape(ref Utf8JsonReader reader, Table table, JsonSerializerOptions options)
    {
        JsonShape shape = ShapeOf(ref reader);
        using UnionReadings.Scope scope = UnionReadings.Enter();
        long start = reader.BytesConsumed;
        if (UnionReadings.TryRecall(this, start, out object? recalled, out string? recalledFailure))
        {
            if (recalledFailure is not null)
            {
                throw new JsonException(recalledFailure);
            }

            reader.Skip();
            return recalled!;
        }

        IReadOnlyList<UnionVariant> candidates = table.ByShape(shape);
        if (shape == JsonShape.Object && candidates.Count > 1)
        {
            candidates = RankObjectCandidates(reader, candidates);
        }

        List<(UnionVariant Variant, string Message)>? failures = null;
        for (int i = 0; i < candidates.Count; i++)
        {
            UnionVariant variant = candidates[i];
            Utf8JsonReader attempt = reader;
            try
            {
                object? value = UnionReadings.Read(variant, ref attempt, options, anotherFollows: i < candidates.Count - 1);
                if (value is not null)
                {
                    UnionReadings.Remember(this, start, value, null);
                    reader = attempt;
                    return value;
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                (failures ??= new List<(UnionVariant, string)>()).Add((variant, ex.Message));
            }
        }

        string message = NoVariantMessage(shape, table, failures);
        UnionReadings.Remember(this, start, null, message);
        throw new JsonException(message);
    }

    /// <summary>
    /// Says that nothing fits, and why each variant did not, in at most <see cref="MaxFailureLength"/> characters. A
    /// variant's reason goes in whole or not at all: cut short, it could end in the first half of a credential the
    /// server echoed, which the scrubbing could then no longer recognise.
    /// </summary>
    private static string NoVariantMessage(JsonShape shape, Table table, List<(UnionVariant Variant, string Message)>? failures)
    {
        var text = new System.Text.StringBuilder($"A JSON {shape.ToString().ToLowerInvariant()} matches no variant of {typeof(T).Name}; it is one of ");
        foreach (UnionVariant variant in table.Variants)
        {
            if (text.Length + variant.Type.Name.Length > MaxFailureLength / 2)
            {
                text.Append("...");
                break;
            }

            text.Append(variant.Type.Name).Append(variant == table.Variants[table.Variants.Length - 1] ? "" : ", ");
        }

        if (failures is not null)
        {
            text.Append(" (");
            for (int i = 0; i < failures.Count; i++)
            {
                string name = failures[i].Variant.Type.Name;
                string reason = failures[i].Message;
                string separator = i == 0 ? "" : "; ";
                if (text.Length + separator.Length + name.Length + reason.Length + 8 <= MaxFailureLength)
                {
                    text.Append(separator).Append(name).Append(": ").Append(reason);
                }
                else if (text.Length + separator.Length + name.Length + 40 <= MaxFailureLength)
                {
                    text.Append(separator).Append(name).Append(": (").Append(reason.Length).Append(" characters left out)");
                }
                else
                {
                    text.Append(separator).Append("...");
                    break;
                }
            }

            text.Append(')');
        }

        return text.Append('.').ToString();
    }

    // Long enough for a few levels of nested reasons; short enough that the message of a deep failure stays readable.
    private const int MaxFailureLength = 2048;

    /// <summary>Drops the object variants that cannot hold this object and puts the best fits first, ties in table order.</summary>
    private static List<UnionVariant> RankObjectCandidates(Utf8JsonReader probe, IReadOnlyList<UnionVariant> candidates)
    {
        var scored = new List<(UnionVariant Variant, int Order, int Score)>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
        {
            int score = candidates[i].Score(probe);
            if (score >= 0)
            {
                scored.Add((candidates[i], i, score));
            }
        }

        return scored.OrderByDescending(c => c.Score).ThenBy(c => c.Order).Select(c => c.Variant).ToList();
    }

    private static JsonShape ShapeOf(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => JsonShape.Object,
        JsonTokenType.StartArray => JsonShape.Array,
        JsonTokenType.String => JsonShape.String,
        JsonTokenType.Number => reader.TryGetInt64(out _) ? JsonShape.Integer : JsonShape.Number,
        JsonTokenType.True or JsonTokenType.False => JsonShape.Boolean,
        _ => throw JsonCodecs.Unexpected(ref reader, $"a value for {typeof(T).Name}"),
    };

    /// <summary>
    /// Looks ahead, on a copy of the reader, for the discriminator's string value among the object's own members, and
    /// for the variant it names (null when it names none). A known tag is matched without reading it into a string.
    /// </summary>
    private static string? FindTag(Utf8JsonReader probe, byte[] discriminator, Table table, out UnionVariant? variant)
    {
        variant = null;
        int depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            bool isTag = probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals(discriminator);
            probe.Read();
            if (isTag && probe.TokenType == JsonTokenType.String)
            {
                foreach ((byte[] utf8, string tag, UnionVariant tagged) in table.Tags)
                {
                    if (probe.ValueTextEquals(utf8))
                    {
                        variant = tagged;
                        return tag;
                    }
                }

                return JsonCodecs.ReadText(ref probe, "The discriminator value", typeof(T));
            }

            probe.Skip();
        }

        return null;
    }

    private sealed class Table
    {
        public Table(UnionVariant[] variants)
        {
            Variants = variants;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var tags = new List<(byte[], string, UnionVariant)>();
            foreach (UnionVariant variant in variants)
            {
                foreach (string tag in variant.Tags)
                {
                    if (seen.Add(tag))
                    {
                        tags.Add((System.Text.Encoding.UTF8.GetBytes(tag), tag, variant));
                    }
                }
            }

            Tags = tags.ToArray();
        }

        /// <summary>The variants that can be read from a token of <paramref name="shape"/>, in table order; worked out once per shape.</summary>
        public IReadOnlyList<UnionVariant> ByShape(JsonShape shape)
        {
            int slot = shape switch
            {
                JsonShape.Object => 0,
                JsonShape.Array => 1,
                JsonShape.String => 2,
                JsonShape.Integer => 3,
                JsonShape.Number => 4,
                _ => 5,
            };
            return _byShape[slot] ?? (_byShape[slot] = Fitting(shape));
        }

        // Apart from ByShape: a lambda there would capture its parameter, and so allocate on every call, cached or not.
        private UnionVariant[] Fitting(JsonShape shape) => Variants.Where(v => (v.Shape & shape) != 0).ToArray();

        private readonly UnionVariant[]?[] _byShape = new UnionVariant[6][];

        /// <summary>Each tag once, as UTF-8 and as text, with the variant it names; the first variant to claim a tag keeps it.</summary>
        public (byte[] Utf8, string Tag, UnionVariant Variant)[] Tags { get; }

        public UnionVariant[] Variants { get; }
    }
}
