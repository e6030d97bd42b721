using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// Text the codecs must turn into a string (an unknown discriminator value, a map key) that is not valid UTF-8 is a
/// malformed body like any other: an <see cref="ApiException"/> for a response, an <see cref="ApiStreamException"/> for a
/// stream item, never the reader's own <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class InvalidUtf8Tests
{
    private static readonly byte[] NotUtf8 = [0xC3, 0x28, 0xFF];

    private static readonly byte[] BadTag = Join("{\"kind\":\"", NotUtf8, "\",\"radius\":\"2\"}");

    private static readonly byte[] BadKey = Join("{\"ok\":1,\"", NotUtf8, "\":2}");

    [Fact]
    public async Task A_discriminator_value_that_is_not_utf8_in_a_response_is_an_api_exception()
    {
        ApiException ex = await ReadResponseAsync(BadTag, Codecs.Figure);

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.StartsWith("GET /items failed: the server answered 200 OK, but its body (application/json) is not the expected Figure: The discriminator value of Figure at byte 8 is not valid UTF-8.", ex.Message);
        Assert.StartsWith("{\"kind\":\"", ex.Body);
    }

    [Fact]
    public async Task A_map_key_that_is_not_utf8_in_a_response_is_an_api_exception()
    {
        ApiException ex = await ReadResponseAsync(BadKey, Codecs.Counts);

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.StartsWith("GET /items failed: the server answered 200 OK, but its body (application/json) is not the expected IDictionary`2: A key of the map at byte 8 is not valid UTF-8.", ex.Message);
    }

    [Fact]
    public async Task A_discriminator_value_that_is_not_utf8_in_a_stream_item_is_a_malformed_item()
    {
        ApiStreamException ex = await ReadSecondItemAsync(BadTag, Codecs.Figure);

        Assert.Equal((ApiStreamFailure.MalformedEvent, 1), (ex.Failure, ex.EventIndex));
        Assert.EndsWith("item 1 is not valid Figure JSON: The discriminator value of Figure at byte 8 is not valid UTF-8.", ex.Message);
    }

    [Fact]
    public async Task A_map_key_that_is_not_utf8_in_a_stream_item_is_a_malformed_item()
    {
        ApiStreamException ex = await ReadSecondItemAsync(BadKey, Codecs.Counts);

        Assert.Equal((ApiStreamFailure.MalformedEvent, 1), (ex.Failure, ex.EventIndex));
        Assert.EndsWith("A key of the map at byte 8 is not valid UTF-8.", ex.Message);
    }

    private static async Task<ApiException> ReadResponseAsync<T>(byte[] body, System.Text.Json.Serialization.JsonConverter<T> codec)
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        using ApiConnection connection = server.Connect();

        Exception? failure = await Record.ExceptionAsync(() => connection.SendForJsonResponseAsync(new ApiRequest("GET", "/items"), codec, default));

        return Assert.IsType<ApiException>(failure);
    }

    private static async Task<ApiStreamException> ReadSecondItemAsync<T>(byte[] item, System.Text.Json.Serialization.JsonConverter<T> codec)
    {
        byte[] valid = typeof(T) == typeof(Figure) ? Encoding.UTF8.GetBytes("{\"kind\":\"circle\",\"radius\":\"1\"}") : Encoding.UTF8.GetBytes("{\"ok\":1}");
        byte[] body = [.. valid, (byte)'\n', .. item, (byte)'\n'];
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/x-ndjson";
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        using ApiConnection connection = server.Connect();

        (List<T> items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("GET", "/items"), codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Single(items);
        return Assert.IsType<ApiStreamException>(failure);
    }

    private static byte[] Join(string before, byte[] middle, string after) => [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    public sealed class Figure(object value) : JsonUnion(value);

    public sealed class Circle
    {
        public string? Radius { get; set; }
    }

#nullable disable warnings
    private static class Codecs
    {
        public static readonly ObjectCodec<Circle> Circle = new(
            static () => new Circle(),
            static () => new[] { JsonMember.Value<Circle, string?>("radius", JsonCodecs.String, static m => m.Radius, static (m, v) => m.Radius = v) });

        public static readonly UnionCodec<Figure> Figure = new(static value => new Figure(value), "kind", static () => new[] { UnionVariant.Of(Circle, JsonShape.Object, "circle") });

        public static readonly System.Text.Json.Serialization.JsonConverter<IDictionary<string, long>> Counts = JsonCodecs.Map(JsonCodecs.Int64);
    }
#nullable restore warnings
}
