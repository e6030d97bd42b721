using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// The codecs find members, tags and enum values by their UTF-8 bytes instead of reading each name into a string;
/// whatever the order, escaping or count, they must read exactly what the text says.
/// </summary>
public sealed class JsonCodecReadingTests
{
    [Fact]
    public void Members_are_found_in_any_order_and_when_their_names_are_escaped()
    {
        Assert.Equal("a|b|c", Describe(JsonCodecs.Deserialize("""{"first":"a","second":"b","third":"c"}""", Codecs.Small)));
        Assert.Equal("a|b|c", Describe(JsonCodecs.Deserialize("""{"third":"c","second":"b","first":"a"}""", Codecs.Small)));
        Assert.Equal("a|b|c", Describe(JsonCodecs.Deserialize("""{"second":"b","other":{"first":"x"},"\u0074hird":"c","fir\u0073t":"a"}""", Codecs.Small)));
        Assert.Equal("a||", Describe(JsonCodecs.Deserialize("""{"firstly":"x","first":"a","firs":"y"}""", Codecs.Small)));
    }

    [Fact]
    public void A_list_or_map_codec_asked_for_again_over_the_same_codec_is_the_same_one_and_reads_alike()
    {
        JsonConverter<IList<string>> list = JsonCodecs.List(JsonCodecs.String);
        JsonConverter<IDictionary<string, string>> map = JsonCodecs.Map(JsonCodecs.String);
        JsonConverter<IList<IList<string>>> nested = JsonCodecs.List(list);

        Assert.Same(list, JsonCodecs.List(JsonCodecs.String));
        Assert.Same(map, JsonCodecs.Map(JsonCodecs.String));
        Assert.Same(nested, JsonCodecs.List(JsonCodecs.List(JsonCodecs.String)));
        Assert.Equal(new[] { "a", "b" }, JsonCodecs.Deserialize("""["a","b"]""", JsonCodecs.List(JsonCodecs.String)));
        Assert.Equal("1", JsonCodecs.Deserialize("""{"k":"1"}""", JsonCodecs.Map(JsonCodecs.String))["k"]);

        // Another codec of the same element type gets a list codec of its own, which uses it.
        JsonConverter<IList<string>> upper = JsonCodecs.List<string>(new Upper());
        Assert.NotSame(list, upper);
        Assert.Equal(new[] { "A" }, JsonCodecs.Deserialize("""["a"]""", upper));
        Assert.Equal(new[] { "a" }, JsonCodecs.Deserialize("""["a"]""", JsonCodecs.List(JsonCodecs.String)));
    }

    [Fact]
    public void A_fixed_string_is_read_as_the_one_instance_and_any_other_string_as_it_is()
    {
        // Built at run time, so it is not the interned literal that a string read anew could never be either.
        string fixedValue = new string('u', 1) + "ser";
        JsonConverter<string> codec = JsonCodecs.Fixed(fixedValue);

        Assert.Same(fixedValue, JsonCodecs.Deserialize("\"user\"", codec));
        Assert.Same(fixedValue, JsonCodecs.Deserialize("\"\\u0075ser\"", codec));
        Assert.Equal("assistant", JsonCodecs.Deserialize("\"assistant\"", codec));
        Assert.Null(JsonCodecs.Deserialize("null", codec));
        Assert.Equal("\"user\"", JsonCodecs.Serialize(fixedValue, codec));
        Assert.Equal("\"us\\u0022er\"", JsonCodecs.Serialize("us\"er", codec));
    }

    private sealed class Upper : JsonConverter<string>
    {
        public override string Read(ref System.Text.Json.Utf8JsonReader reader, System.Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => reader.GetString()!.ToUpperInvariant();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    [Fact]
    public void Objects_with_many_members_are_read_as_well()
    {
        string json = "{" + string.Join(",", Enumerable.Range(0, Codecs.WideCount).Reverse().Select(i => $"\"m{i}\":\"v{i}\"")) + ",\"m\\u0031\":\"escaped\"}";

        Wide wide = JsonCodecs.Deserialize(json, Codecs.Wide);

        Assert.Equal(Enumerable.Range(0, Codecs.WideCount).Select(i => i == 1 ? "escaped" : "v" + i), wide.Values);
    }

    [Fact]
    public void A_recurring_enum_value_is_read_once_and_every_value_keeps_its_text()
    {
        var values = Enumerable.Range(0, 40).Select(i => "value-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        Shade[] first = values.Select(v => JsonCodecs.Deserialize($"\"{v}\"", Codecs.Shade)).ToArray();
        Shade[] second = values.Select(v => JsonCodecs.Deserialize($"\"{v}\"", Codecs.Shade)).ToArray();

        Assert.Equal(values, second.Select(s => s.Value));
        Assert.All(Enumerable.Range(0, 32), i => Assert.Same(first[i].Value, second[i].Value));
        Assert.Same(first[0].Value, JsonCodecs.Deserialize("\"v\\u0061lue-0\"", Codecs.Shade).Value);
        Assert.Equal("value-39", JsonCodecs.Deserialize("\"value-39\"", Codecs.Shade).Value);
    }

    [Fact]
    public void A_tag_is_matched_escaped_or_not_and_an_unknown_tag_is_kept()
    {
        Assert.Equal("circle 2", Describe(JsonCodecs.Deserialize("""{"kind":"circle","radius":"2"}""", Codecs.Figure)));
        Assert.Equal("circle 3", Describe(JsonCodecs.Deserialize("""{"radius":"3","\u006bind":"c\u0069rcle"}""", Codecs.Figure)));
        Assert.Equal("square 4", Describe(JsonCodecs.Deserialize("""{"kind":"square","side":"4"}""", Codecs.Figure)));
        Assert.Equal("unknown circles", Describe(JsonCodecs.Deserialize("""{"kind":"circles","radius":"5"}""", Codecs.Figure)));
    }

    [Fact]
    public void A_union_without_a_tag_picks_its_variant_by_the_token()
    {
        Assert.Equal("text", JsonCodecs.Deserialize("\"text\"", Codecs.TextOrNumber).Value);
        Assert.Equal(7L, JsonCodecs.Deserialize("7", Codecs.TextOrNumber).Value);
        Assert.Equal("text", JsonCodecs.Deserialize("\"text\"", Codecs.TextOrNumber).Value);
    }

    private static string Describe(Small small) => $"{small.First}|{small.Second}|{small.Third}";

    private static string Describe(Figure figure) =>
        figure.Value switch
        {
            Circle circle => "circle " + circle.Radius,
            Square square => "square " + square.Side,
            UnknownVariant unknown => "unknown " + unknown.Tag,
            _ => "?",
        };

    private sealed class Small
    {
        public string? First { get; set; }

        public string? Second { get; set; }

        public string? Third { get; set; }
    }

    private sealed class Wide
    {
        public string?[] Values { get; } = new string?[Codecs.WideCount];
    }

    private readonly record struct Shade(string Value);

    private sealed class Circle
    {
        public string? Radius { get; set; }
    }

    private sealed class Square
    {
        public string? Side { get; set; }
    }

    private sealed class Figure(object value) : JsonUnion(value);

    private sealed class TextOrNumber(object value) : JsonUnion(value);

    // As in the generated codec file: nullable members share the codecs of their non-nullable types.
#nullable disable warnings
    private static class Codecs
    {
        // More members than the codec compares one by one, so it looks them up by name.
        public const int WideCount = 40;

        public static readonly ObjectCodec<Small> Small = new(
            static () => new Small(),
            static () => new[]
            {
                JsonMember.Value<Small, string?>("first", JsonCodecs.String, static m => m.First, static (m, v) => m.First = v),
                JsonMember.Value<Small, string?>("second", JsonCodecs.String, static m => m.Second, static (m, v) => m.Second = v),
                JsonMember.Value<Small, string?>("third", JsonCodecs.String, static m => m.Third, static (m, v) => m.Third = v),
            });

        public static readonly ObjectCodec<Wide> Wide = new(
            static () => new Wide(),
            static () => Enumerable.Range(0, WideCount)
                .Select(i => JsonMember.Value<Wide, string?>("m" + i.ToString(CultureInfo.InvariantCulture), JsonCodecs.String, m => m.Values[i], (m, v) => m.Values[i] = v))
                .ToArray());

        public static readonly StringEnumCodec<Shade> Shade = new(static value => new Shade(value), static value => value.Value);

        public static readonly ObjectCodec<Circle> Circle = new(
            static () => new Circle(),
            static () => new[] { JsonMember.Value<Circle, string?>("radius", JsonCodecs.String, static m => m.Radius, static (m, v) => m.Radius = v) });

        public static readonly ObjectCodec<Square> Square = new(
            static () => new Square(),
            static () => new[] { JsonMember.Value<Square, string?>("side", JsonCodecs.String, static m => m.Side, static (m, v) => m.Side = v) });

        public static readonly UnionCodec<Figure> Figure = new(
            static value => new Figure(value),
            "kind",
            static () => new[] { UnionVariant.Of(Circle, JsonShape.Object, "circle"), UnionVariant.Of(Square, JsonShape.Object, "square") });

        public static readonly UnionCodec<TextOrNumber> TextOrNumber = new(
            static value => new TextOrNumber(value),
            null,
            static () => new[] { UnionVariant.Of(JsonCodecs.String, JsonShape.String), UnionVariant.Of(JsonCodecs.Int64, JsonShape.Integer) });
    }
#nullable restore warnings
}
