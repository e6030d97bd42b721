using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.RecursiveUnion;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// An untagged recursive union (<see cref="Node"/>) tries each level as Left and then as Right. Reading each nested
/// value anew would double the work per level (2^30 reads at depth 30); the union must judge each value once.
/// </summary>
public sealed class RecursiveUnionTests
{
    // Turns a regression (a read that would take years) into a failure; it is not a speed target.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_leaf_that_fits_no_variant_thirty_levels_down_is_rejected_with_a_short_message()
    {
        string json = RecursiveUnionCodecs.LeafThatFitsNoVariant(30);

        Task<Exception> reading = Task.Run(() => Record.Exception(() => JsonCodecs.Deserialize(json, RecursiveUnionCodecs.Node)));

        Exception failure = await reading.WaitAsync(HangGuard);
        JsonException ex = Assert.IsType<JsonException>(failure);
        Assert.StartsWith("A JSON object matches no variant of Node; it is one of Left, Right (Left: In Left.child: A JSON object matches no variant of Node", ex.Message);
        Assert.InRange(ex.Message.Length, 1, 4095);
    }

    [Fact]
    public async Task A_response_body_like_that_is_an_api_exception_whose_message_stays_under_4_KB()
    {
        string json = RecursiveUnionCodecs.LeafThatFitsNoVariant(30);
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        });
        using ApiConnection connection = server.Connect();

        Exception? failure = await Record.ExceptionAsync(() => connection.SendForJsonResponseAsync(new ApiRequest("GET", "/tree"), RecursiveUnionCodecs.Node, default).WaitAsync(HangGuard));

        ApiException ex = Assert.IsType<ApiException>(failure);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(json, ex.Body);
        Assert.StartsWith("GET /tree failed: the server answered 200 OK, but its body (application/json) is not the expected Node: A JSON object matches no variant of Node", ex.Message);
        Assert.InRange(Encoding.UTF8.GetByteCount(ex.Message), 1, 4095);
    }

    [Fact]
    public async Task Thirty_levels_that_each_need_the_second_variant_are_read_whole_and_right()
    {
        // Each level fails as Left only at its flag, after its child has been read; Right must reuse that child.
        string json = RecursiveUnionCodecs.EveryLevelTheSecondVariant(30);

        Node root = await Task.Run(() => JsonCodecs.Deserialize(json, RecursiveUnionCodecs.Node)).WaitAsync(HangGuard);

        var flags = new System.Collections.Generic.List<string?>();
        for (Node? node = root; node is not null; node = ((Right)node.Value).Child)
        {
            flags.Add(Assert.IsType<Right>(node.Value).Flag);
        }

        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => "r" + i).Append("leaf"), flags);
        Assert.Equal(json, JsonCodecs.Serialize(root, RecursiveUnionCodecs.Node));
    }

    [Fact]
    public void A_value_that_fits_the_first_variant_is_still_read_as_the_first()
    {
        Node node = JsonCodecs.Deserialize("""{"child":{"flag":true},"flag":false}""", RecursiveUnionCodecs.Node);

        Left left = Assert.IsType<Left>(node.Value);
        Assert.Equal((false, true), (left.Flag, Assert.IsType<Left>(left.Child!.Value).Flag));
    }

    [Fact]
    public void A_document_read_inside_a_union_from_a_string_is_judged_apart_from_the_one_around_it()
    {
        // The inner document's Node starts at the same byte position as the outer "node" value: 9.
        string inner = new string(' ', 8) + """{"flag":true}""";
        string outer = """{"node":{"flag":"outer"},"text":""" + JsonCodecs.Serialize(inner, JsonCodecs.String) + "}";

        Holder holder = JsonCodecs.Deserialize(outer, HolderCodecs.Holder);

        WithEmbedded read = Assert.IsType<WithEmbedded>(holder.Value);
        Assert.Equal("outer", Assert.IsType<Right>(read.Node!.Value).Flag);
        Assert.Equal(true, Assert.IsType<Left>(read.Text!.Value).Flag);
    }

    public sealed class Holder(object value) : JsonUnion(value);

    public sealed class WithEmbedded
    {
        public Node? Node { get; set; }

        public Node? Text { get; set; }
    }

    public sealed class WithText
    {
        public Node? Node { get; set; }

        public string? Text { get; set; }
    }

    /// <summary>A JSON string whose text is a whole Node document, read with a reader of its own.</summary>
    private sealed class EmbeddedNodeCodec : System.Text.Json.Serialization.JsonConverter<Node>
    {
        public override Node Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonCodecs.Deserialize(reader.GetString()!, RecursiveUnionCodecs.Node);

        public override void Write(Utf8JsonWriter writer, Node value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

#nullable disable warnings
    private static class HolderCodecs
    {
        public static readonly ObjectCodec<WithEmbedded> WithEmbedded = new(
            static () => new WithEmbedded(),
            static () => new[]
            {
                JsonMember.Value<WithEmbedded, Node?>("node", RecursiveUnionCodecs.Node, static m => m.Node, static (m, v) => m.Node = v),
                JsonMember.Value<WithEmbedded, Node?>("text", new EmbeddedNodeCodec(), static m => m.Text, static (m, v) => m.Text = v),
            });

        public static readonly ObjectCodec<WithText> WithText = new(
            static () => new WithText(),
            static () => new[]
            {
                JsonMember.Value<WithText, Node?>("node", RecursiveUnionCodecs.Node, static m => m.Node, static (m, v) => m.Node = v),
                JsonMember.Value<WithText, string?>("text", JsonCodecs.String, static m => m.Text, static (m, v) => m.Text = v),
            });

        public static readonly UnionCodec<Holder> Holder = new(
            static value => new Holder(value),
            null,
            static () => new[] { UnionVariant.Of(WithEmbedded, JsonShape.Object), UnionVariant.Of(WithText, JsonShape.Object) });
    }
#nullable restore warnings
}
