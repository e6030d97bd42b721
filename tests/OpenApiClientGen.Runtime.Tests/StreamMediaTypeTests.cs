using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// A success answer that is not the stream the method reads (JSON, because the server did not see a stream request) is
/// a typed <see cref="ApiContentTypeException"/> with the body, for events and for sequential JSON alike; the body is
/// read only up to the error body limit and carries no credential.
/// </summary>
public sealed class StreamMediaTypeTests
{
    private const string Token = "sk-live-0123456789abcdef";

    [Fact]
    public async Task An_event_stream_answered_with_json_is_a_content_type_exception_without_the_credential()
    {
        ApiContentTypeException ex = await AnsweredWithJsonAsync(connection =>
            connection.StreamEventsAsync(Request(), SseEventReader.Text(static (_, data) => data), default).CollectUntilFailureAsync());

        Assert.Equal("text/event-stream", ex.Expected);
    }

    [Fact]
    public async Task A_sequential_json_stream_answered_with_json_is_a_content_type_exception_without_the_credential()
    {
        ApiContentTypeException ex = await AnsweredWithJsonAsync(connection =>
            connection.StreamJsonSequenceAsync(Request(), JsonSequenceStreamTests.Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync());

        Assert.Equal("application/x-ndjson", ex.Expected);
    }

    [Fact]
    public async Task A_sequential_json_stream_the_operation_asked_for_by_its_own_media_type_names_that_type_when_answered_with_json()
    {
        ApiContentTypeException ex = await AnsweredWithJsonAsync(connection =>
            connection.StreamJsonSequenceAsync(Request().Accept("application/stream+json"), JsonSequenceStreamTests.Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync());

        Assert.Equal("application/stream+json", ex.Expected);
        Assert.Contains("not application/stream+json", ex.Message);
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/jsonl")]
    [InlineData("application/x-json-stream")]
    [InlineData(null)]
    public async Task Every_sequential_media_type_and_none_at_all_are_read(string? contentType)
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            await context.Response.WriteAsync("{\"content\":\"a\"}\n{\"content\":\"b\"}\n");
        });
        using ApiConnection connection = server.Connect();

        var items = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/api/chat"), JsonSequenceStreamTests.Chunk.Codec, JsonSequenceFraming.Lines, default).CollectAsync();

        Assert.Equal(["a", "b"], items.ConvertAll(i => i.Content));
    }

    [Fact]
    public async Task A_sequential_json_stream_answered_with_events_reads_each_events_data_as_an_item()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await StreamServer.WriteSlowlyAsync(context, "event: text-generation\ndata: {\"content\":\"a\"}\n\n: keep-alive\n\nevent: stream-end\ndata: {\"content\":\"b\"}\n\n", pieceSize: 7);
        });
        using ApiConnection connection = server.Connect();

        var items = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/v1/chat").Header("Accepts", "text/event-stream"), JsonSequenceStreamTests.Chunk.Codec, JsonSequenceFraming.Lines, default).CollectAsync();

        Assert.Equal(["a", "b"], items.ConvertAll(i => i.Content));
    }

    [Fact]
    public async Task A_sequential_json_stream_answered_with_events_and_cut_inside_one_is_a_stream_error()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"content\":\"a\"}\n\ndata: {\"content\":");
        });
        using ApiConnection connection = server.Connect();

        (var items, Exception? failure) = await connection.StreamJsonSequenceAsync(new ApiRequest("POST", "/v1/chat"), JsonSequenceStreamTests.Chunk.Codec, JsonSequenceFraming.Lines, default).CollectUntilFailureAsync();

        Assert.Equal(["a"], items.ConvertAll(i => i.Content));
        Assert.Equal(ApiStreamFailure.Truncated, Assert.IsType<ApiStreamException>(failure).Failure);
    }

    private static ApiRequest Request() => new ApiRequest("POST", "/api/chat").Security(new ApiSecurityScheme("bearer", ApiSecurityKind.Bearer));

    private static async Task<ApiContentTypeException> AnsweredWithJsonAsync<T>(Func<ApiConnection, Task<(System.Collections.Generic.List<T> Items, Exception? Failure)>> read)
    {
        string body = "{\"model\":\"m\",\"done\":true,\"echo\":\"Bearer " + Token + "\"}" + new string(' ', 4000);
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-Echo"] = context.Request.Headers.Authorization.ToString();
            await context.Response.WriteAsync(body);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { BearerToken = Token, MaxErrorBodyLength = 100 });

        (var items, Exception? failure) = await read(connection);

        Assert.Empty(items);
        ApiContentTypeException ex = Assert.IsType<ApiContentTypeException>(failure);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("application/json", ex.ContentType);
        Assert.Contains("\"done\":true", ex.Body);
        Assert.True(ex.Body!.Length < 200, ex.Body);
        Assert.DoesNotContain(Token, ex.Body + ex.Message + ex.ToString() + string.Join(";", ex.Headers["X-Echo"]));
        return ex;
    }
}
