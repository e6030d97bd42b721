using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads and writes a generated union from its variant table. With a discriminator, the tag picks the variant and an
/// unknown tag is kept as an <see cref="UnknownVariant"/>. Without one (or when the tag is missing), the JSON's shape
/// picks it: the token kind first, then for objects the variant whose members fit best, then the first that reads.
/// </summary>
public sealed class UnionCodec<T> : JsonConverter<T>, IObjectMatcher
    where T : JsonUnion
{
    private readonly Func<object, T> _wrap;
    private readonly byte[]? _discriminator;
    private readonly Lazy<Table> _table;

    /// <summary>Creates the codec.</summary>
    /// <param name="wrap">Wraps a variant's value (or an <see cref="UnknownVariant"/>) as the union.</param>
    /// <param name="discriminator">The member whose value names the variant, or null.</param>
    /// <param name="variants">The variants, in the order they are tried.</param>
    public UnionCodec(Func<object, T> wrap, string? discriminator, Func<UnionVariant[]> variants)
    {
        _wrap = wrap;
        _discriminator = discriminator is null ? null : System.Text.Encoding.UTF8.GetBytes(discriminator);
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
            if (variant.TryWrite(writer, value.Value, options))
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

    private object ReadByShape(ref Utf8JsonReader reader, Table table, JsonSerializerOptions options)
    {
        JsonShape shape = ShapeOf(ref reader);
        IReadOnlyList<UnionVariant> candidates = table.ByShape(shape);
        if (shape == JsonShape.Object && candidates.Count > 1)
        {
            candidates = RankObjectCandidates(reader, candidates);
        }

        List<string>? failures = null;
        foreach (UnionVariant variant in candidates)
        {
            Utf8JsonReader attempt = reader;
            try
            {
                object? value = variant.Read(ref attempt, options);
                if (value is not null)
                {
                    reader = attempt;
                    return value;
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                (failures ??= new List<string>()).Add(variant.Type.Name + ": " + ex.Message);
            }
        }

        string tried = string.Join(", ", table.Variants.Select(v => v.Type.Name));
        string why = failures is null ? "" : " (" + string.Join("; ", failures) + ")";
        throw new JsonException($"A JSON {shape.ToString().ToLowerInvariant()} matches no variant of {typeof(T).Name}; it is one of {tried}{why}.");
    }

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
            return _byShape[slot] ??= Variants.Where(v => (v.Shape & shape) != 0).ToArray();
        }

        private readonly UnionVariant[]?[] _byShape = new UnionVariant[6][];

        /// <summary>Each tag once, as UTF-8 and as text, with the variant it names; the first variant to claim a tag keeps it.</summary>
        public (byte[] Utf8, string Tag, UnionVariant Variant)[] Tags { get; }

        public UnionVariant[] Variants { get; }
    }
}
