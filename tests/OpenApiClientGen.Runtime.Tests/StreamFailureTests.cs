using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using OpenApiClientGen.Runtime.Tests.Orq;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>A stream that fails must say so: a broken or short stream never looks like one that ended normally.</summary>
public sealed class StreamFailureTests
{
    [Fact]
    public async Task A_connection_the_server_aborts_mid_stream_throws_after_the_events_that_arrived()
    {
        var held = new Held(2);
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents);
            await StreamServer.WriteSlowlyAsync(context, "event: message.output.delta\r\ndata: {\"type\":\"message.out");
            await held.WaitAsync();
            context.Abort();
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync(held);

        Assert.Equal(2, events.Count);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Disconnected, 2), (ex.Failure, ex.EventIndex));
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.StartsWith("POST /v1/conversations: the connection broke after 2 events", ex.Message);
    }

    [Theory]
    [InlineData("event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"x\"}\n")]
    [InlineData("event: message.output.delta\r\ndata: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"x\"}\r\n")]
    [InlineData("event: message.output.delta\ndata: {\"type\":\"message.out")]
    [InlineData("data: {\"type\":\"message.output.delta\",\"id\":\"m\",\"content\":\"x\"}\r")]
    [InlineData("event: message.output.delta\n")]
    public async Task A_stream_the_server_closes_in_the_middle_of_an_event_throws(string unfinished)
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents + unfinished);
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Equal(2, events.Count);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Truncated, 2), (ex.Failure, ex.EventIndex));
        Assert.Contains("POST /v1/conversations", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(": closing\n")]
    [InlineData(": closing\r\n\r\n")]
    [InlineData("\r\n")]
    public async Task A_stream_that_closes_after_a_complete_event_ends_normally(string tail)
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents + tail));
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Null(failure);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task A_stream_that_closes_before_its_sentinel_throws()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.OrqWithoutSentinel));
        using ApiConnection connection = server.Connect();

        (var frames, Exception? failure) = await new OrqConversationsClient(connection).CreateConversationResponseAsync("c1").CollectUntilFailureAsync();

        Assert.Equal(5, frames.Count);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Truncated, 5), (ex.Failure, ex.EventIndex));
        Assert.Equal("POST /v2/conversations/{conversation_id}/responses: the server closed the stream after 5 events without sending '[DONE]', which marks its end.", ex.Message);
    }

    [Fact]
    public async Task Malformed_json_in_one_event_names_the_operation_the_event_and_its_position()
    {
        const string malformed = "event: message.output.delta\r\ndata: {\"type\":\"message.output.delta\",\"content\":\r\n\r\n";
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents + malformed + Transcripts.Mistral));
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Equal(2, events.Count);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.MalformedEvent, 2, "message.output.delta"), (ex.Failure, ex.EventIndex, ex.EventType));
        Assert.StartsWith("POST /v1/conversations: event 2 ('message.output.delta') is not valid ConversationEventData JSON: ", ex.Message);
        Assert.Equal("{\"type\":\"message.output.delta\",\"content\":", ex.Body);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task A_failure_status_throws_the_same_api_exception_as_other_calls()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"detail":[{"loc":["body","inputs"],"msg":"Field required"}]}""");
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Empty(events);
        ApiException ex = Assert.IsType<ApiException>(failure);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("POST /v1/conversations", ex.Operation);
        Assert.Contains("Field required", ex.Body);
    }
}
