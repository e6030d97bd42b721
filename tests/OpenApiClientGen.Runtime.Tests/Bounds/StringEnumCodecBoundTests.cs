using System;
using System.Reflection;
using System.Text;
using System.Text.Json;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>An open enum remembers the short values it reads, never a long string a server sends in their place.</summary>
public sealed class StringEnumCodecBoundTests
{
    private readonly record struct Colour(string Value);

    [Fact]
    public void Long_values_are_read_but_not_remembered()
    {
        var codec = new StringEnumCodec<Colour>(static value => new Colour(value), static value => value.Value);
        for (int i = 0; i < 40; i++)
        {
            string huge = new string((char)('a' + (i % 26)), 1024 * 1024) + i;
            Assert.Equal(huge, Read(codec, huge).Value);
        }

        Assert.Equal("red", Read(codec, "red").Value);
        Assert.Equal("red", Read(codec, "red").Value);

        var remembered = (Array)typeof(StringEnumCodec<Colour>).GetField("_remembered", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(codec)!;
        Assert.Single(remembered);
    }

    private static Colour Read(StringEnumCodec<Colour> codec, string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + JsonEncodedText.Encode(value) + "\""));
        reader.Read();
        return codec.Read(ref reader, typeof(Colour), JsonSerializerOptions.Default);
    }
}
