using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OpenApiClientGen.Runtime;

namespace StreamingBenchmarks;

/// <summary>
/// Reads an untagged recursive union, <c>Node = oneOf[Left{child: Node, flag: boolean}, Right{child: Node, flag: string}]</c>,
/// whose two variants fit every level equally well by their members, with the runtime's codecs written as the generator
/// writes them. <c>LeafFitsNoVariant</c> is nested objects around a number, which no variant takes, so every level
/// fails both ways; <c>EveryLevelIsTheSecondVariant</c> is valid, but each level fails as Left only at its flag, after
/// its child was read. Judged anew each time a variant is tried, both would cost 2^depth reads.
/// </summary>
[MemoryDiagnoser]
public class RecursiveUnionBenchmarks
{
    private byte[] _noVariant = Array.Empty<byte>();
    private byte[] _secondVariant = Array.Empty<byte>();

    [Params(20, 30)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _noVariant = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"child\":", Depth)) + "5" + new string('}', Depth));
        _secondVariant = Encoding.UTF8.GetBytes(Enumerable.Range(0, Depth).Aggregate("{\"flag\":\"leaf\"}", (inner, level) => $"{{\"child\":{inner},\"flag\":\"r{level}\"}}"));
    }

    [Benchmark]
    public int LeafFitsNoVariant()
    {
        try
        {
            JsonCodecs.Deserialize(_noVariant, Codecs.Node);
            throw new InvalidOperationException("The body was expected to fit no variant.");
        }
        catch (JsonException ex)
        {
            return ex.Message.Length;
        }
    }

    [Benchmark]
    public object EveryLevelIsTheSecondVariant() => JsonCodecs.Deserialize(_secondVariant, Codecs.Node).Value;

    public sealed class Node(object value) : JsonUnion(value);

    public sealed class Left
    {
        public Node? Child { get; set; }

        public bool? Flag { get; set; }
    }

    public sealed class Right
    {
        public Node? Child { get; set; }

        public string? Flag { get; set; }
    }

#nullable disable warnings
    private static class Codecs
    {
        public static readonly UnionCodec<Node> Node = new(
            static value => new Node(value),
            null,
            static () => new[] { UnionVariant.Of(Left, JsonShape.Object), UnionVariant.Of(Right, JsonShape.Object) });

        public static readonly ObjectCodec<Left> Left = new(
            static () => new Left(),
            static () => new[]
            {
                JsonMember.Value<Left, Node?>("child", Node, static m => m.Child, static (m, v) => m.Child = v),
                JsonMember.Value<Left, bool?>("flag", JsonCodecs.Nullable(JsonCodecs.Boolean), static m => m.Flag, static (m, v) => m.Flag = v),
            });

        public static readonly ObjectCodec<Right> Right = new(
            static () => new Right(),
            static () => new[]
            {
                JsonMember.Value<Right, Node?>("child", Node, static m => m.Child, static (m, v) => m.Child = v),
                JsonMember.Value<Right, string?>("flag", JsonCodecs.String, static m => m.Flag, static (m, v) => m.Flag = v),
            });
    }
#nullable restore warnings
}
