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
    private readonly string? _discriminator;
    private readonly Lazy<Table> _table;

    /// <summary>Creates the codec.</summary>
    /// <param name="wrap">Wraps a variant's value (or an <see cref="UnknownVariant"/>) as the union.</param>
    /// <param name="discriminator">The member whose value names the variant, or null.</param>
    /// <param name="variants">The variants, in the order they are tried.</param>
    public UnionCodec(Func<object, T> wrap, string? discriminator, Func<UnionVariant[]> variants)
    {
        _wrap = wrap;
        _discriminator = discriminator;
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
        if (_discriminator is not null && reader.TokenType == JsonTokenType.StartObject && FindTag(reader, _discriminator) is { } tag)
        {
            if (table.ByTag.TryGetValue(tag, out UnionVariant? tagged))
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
        if (_discriminator is not null && FindTag(reader, _discriminator) is not null)
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
        var candidates = table.Variants.Where(v => (v.Shape & shape) != 0).ToList();
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
    private static List<UnionVariant> RankObjectCandidates(Utf8JsonReader probe, List<UnionVariant> candidates)
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

    /// <summary>Looks ahead, on a copy of the reader, for the discriminator's string value among the object's own members.</summary>
    private static string? FindTag(Utf8JsonReader probe, string discriminator)
    {
        int depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            bool isTag = probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals(discriminator);
            probe.Read();
            if (isTag && probe.TokenType == JsonTokenType.String)
            {
                return probe.GetString();
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
            ByTag = new Dictionary<string, UnionVariant>(StringComparer.Ordinal);
            foreach (UnionVariant variant in variants)
            {
                foreach (string tag in variant.Tags)
                {
                    if (!ByTag.ContainsKey(tag))
                    {
                        ByTag[tag] = variant;
                    }
                }
            }
        }

        public UnionVariant[] Variants { get; }

        public Dictionary<string, UnionVariant> ByTag { get; }
    }
}
