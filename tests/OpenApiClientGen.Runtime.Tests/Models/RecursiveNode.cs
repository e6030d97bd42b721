using System.Linq;

// Hand-written as the generator emits an untagged recursive union: Node = oneOf[Left{child: Node, flag: boolean},
// Right{child: Node, flag: string}]. Both variants fit every object equally well by their member names, so each level
// is tried as Left first and then as Right. Shared with bench/StreamingBenchmarks, which measures reading it.
namespace OpenApiClientGen.Runtime.Tests.RecursiveUnion;

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

// As in a generated codec file: the union and its variants refer to each other, so the tables are built on first use.
#nullable disable warnings
public static class RecursiveUnionCodecs
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

    /// <summary><paramref name="depth"/> objects <c>{"child":…}</c> around a number, which no variant takes.</summary>
    public static string LeafThatFitsNoVariant(int depth) =>
        string.Concat(Enumerable.Repeat("{\"child\":", depth)) + "5" + new string('}', depth);

    /// <summary><paramref name="depth"/> levels that are each Right only by their string flag, which Left reads after the child.</summary>
    public static string EveryLevelTheSecondVariant(int depth) =>
        Enumerable.Range(0, depth).Aggregate("{\"flag\":\"leaf\"}", (inner, level) => $"{{\"child\":{inner},\"flag\":\"r{level}\"}}");
}
#nullable restore warnings
