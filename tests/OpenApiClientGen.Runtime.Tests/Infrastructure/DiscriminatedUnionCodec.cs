using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiClientGen.Runtime.Tests.Infrastructure;

/// <summary>Reads one variant of a union from the reader standing on its object.</summary>
public delegate T ReadVariant<T>(ref Utf8JsonReader reader);

/// <summary>
/// Stands in for the union codec the generator emits for a <c>oneOf</c> with a discriminator: it looks ahead for the
/// discriminator member, then reads the whole object as the variant it names; an unknown value keeps the JSON.
/// Reading only: the stream tests never write events.
/// </summary>
public sealed class DiscriminatedUnionCodec<T> : JsonConverter<T>
    where T : class
{
    private readonly string _discriminator;
    private readonly Dictionary<string, ReadVariant<T>> _variants;
    private readonly Func<JsonElement, T> _unknown;

    public DiscriminatedUnionCodec(string discriminator, Dictionary<string, ReadVariant<T>> variants, Func<JsonElement, T> unknown)
    {
        _discriminator = discriminator;
        _variants = variants;
        _unknown = unknown;
    }

    public static ReadVariant<T> Variant<TVariant>(JsonConverter<TVariant> codec)
        where TVariant : T =>
        (ref Utf8JsonReader reader) => codec.Read(ref reader, typeof(TVariant), JsonCodecs.Options)!;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeof(T).Name} but found {reader.TokenType}.");
        }

        if (FindDiscriminator(reader) is { } tag && _variants.TryGetValue(tag, out ReadVariant<T>? read))
        {
            return read(ref reader);
        }

        return _unknown(JsonCodecs.Element.Read(ref reader, typeof(JsonElement), options));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The test stand-in for union codecs only reads.");

    private string? FindDiscriminator(Utf8JsonReader probe)
    {
        int depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            bool isDiscriminator = probe.ValueTextEquals(_discriminator);
            probe.Read();
            if (isDiscriminator && probe.TokenType == JsonTokenType.String)
            {
                return probe.GetString();
            }

            probe.Skip();
        }

        return null;
    }
}
