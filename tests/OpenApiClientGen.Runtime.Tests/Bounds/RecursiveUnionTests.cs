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

        Exception? failure = await Record.ExceptionAsync(() => connection.SendForJsonAsync(new ApiRequest("GET", "/tree"), RecursiveUnionCodecs.Node, default).WaitAsync(HangGuard));

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
}
