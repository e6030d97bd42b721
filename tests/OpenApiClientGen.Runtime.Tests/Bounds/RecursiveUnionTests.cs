using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// An untagged recursive union, <c>Node = oneOf[Left{child: Node, flag: boolean}, Right{child: Node, flag: string}]</c>:
/// both variants fit every level equally well by their members, so each level tries Left and then Right. Reading each
/// nested value anew would double the work per level (2^30 reads at depth 30); the union must judge each value once.
/// </summary>
public sealed class RecursiveUnionTests
{
    // Turns a regression (a read that would take years) into a failure; it is not a speed target.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_leaf_that_fits_no_variant_thirty_levels_down_is_rejected_with_a_short_message()
    {
        string json = Nest(30, "5");

        Task<Exception> reading = Task.Run(() => Record.Exception(() => JsonCodecs.Deserialize(json, Codecs.Node)));

        Exception failure = await reading.WaitAsync(HangGuard);
        JsonException ex = Assert.IsType<JsonException>(failure);
        Assert.StartsWith("A JSON object matches no variant of Node; it is one of Left, Right (Left: In Left.child: A JSON object matches no variant of Node", ex.Message);
        Assert.InRange(ex.Message.Length, 1, 4095);
    }

    [Fact]
    public async Task A_response_body_like_that_is_an_api_exception_whose_message_stays_under_4_KB()
    {
        string json = Nest(30, "5");
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        });
        using ApiConnection connection = server.Connect();

        Exception? failure = await Record.ExceptionAsync(() => connection.SendForJsonAsync(new ApiRequest("GET", "/tree"), Codecs.Node, default).WaitAsync(HangGuard));

        ApiException ex = Assert.IsType<ApiException>(failure);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(json, ex.Body);
        Assert.StartsWith("GET /tree returned a body that is not the expected Node: A JSON object matches no variant of Node", ex.Message);
        Assert.InRange(Encoding.UTF8.GetByteCount(ex.Message), 1, 4095);
    }

    [Fact]
    public async Task Thirty_levels_that_each_need_the_second_variant_are_read_whole_and_right()
    {
        // Each level fails as Left only at its flag, after its child has been read; Right must reuse that child.
        string json = Enumerable.Range(0, 30).Aggregate("{\"flag\":\"leaf\"}", (inner, level) => $"{{\"child\":{inner},\"flag\":\"r{level}\"}}");

        Node root = await Task.Run(() => JsonCodecs.Deserialize(json, Codecs.Node)).WaitAsync(HangGuard);

        var flags = new System.Collections.Generic.List<string?>();
        for (Node? node = root; node is not null; node = ((Right)node.Value).Child)
        {
            flags.Add(Assert.IsType<Right>(node.Value).Flag);
        }

        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => "r" + i).Append("leaf"), flags);
        Assert.Equal(json, JsonCodecs.Serialize(root, Codecs.Node));
    }

    [Fact]
    public void A_value_that_fits_the_first_variant_is_still_read_as_the_first()
    {
        Node node = JsonCodecs.Deserialize("""{"child":{"flag":true},"flag":false}""", Codecs.Node);

        Left left = Assert.IsType<Left>(node.Value);
        Assert.Equal((false, true), (left.Flag, Assert.IsType<Left>(left.Child!.Value).Flag));
    }

    private static string Nest(int depth, string leaf) =>
        string.Concat(Enumerable.Repeat("{\"child\":", depth)) + leaf + new string('}', depth);

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
    public static class Codecs
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
