using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Mistral;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>The client generated from specs/mistral.yaml reads a conversation stream into typed ConversationEvents frames.</summary>
public sealed class MistralStreamTests
{
    private static readonly string[] TenEventTypes =
    {
        "conversation.response.started", "agent.handoff.started", "agent.handoff.done", "tool.execution.started", "tool.execution.delta",
        "tool.execution.done", "function.call.delta", "message.output.delta", "conversation.response.error", "conversation.response.done",
    };

    [Fact]
    public async Task All_ten_event_types_arrive_as_typed_frames_and_an_unknown_event_is_kept()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, VendorTranscripts.Mistral, pieceSize: 7));
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<ConversationEvents> events = await client.Beta.Conversations.StartStreamAsync(StartRequest()).CollectAsync();

        Assert.Equal("POST /v1/conversations", server.LastRequestLine);
        Assert.Contains("\"inputs\":\"Weather in Paris?\"", server.LastRequestBody);
        Assert.Equal(11, events.Count);
        ConversationEvents[] known = events.Where(e => e.UnknownData is null).ToArray();
        Assert.Equal(TenEventTypes, known.Select(e => e.Event.Value));
        Assert.All(known, e => Assert.Equal(e.Event.Value, Json(e.Data).GetProperty("type").GetString()));
        Assert.Equal(SseTypes.ConversationResponseStarted, events[0].Event);
        Assert.Equal("conv_0195", Json(events[0].Data).GetProperty("conversation_id").GetString());
        Assert.Equal("conv_0195", Assert.IsType<ResponseStartedEvent>(events[0].Data.Value).ConversationId);
        Assert.Equal("{\"city\":\"Paris\"}", Json(known[6].Data).GetProperty("arguments").GetString());
        Assert.Equal("Sunny, wörld ✓", Json(known[7].Data).GetProperty("content").GetString());
        Assert.Equal("tool quota exceeded", Json(known[8].Data).GetProperty("message").GetString());
        Assert.Equal(17, Json(known[9].Data).GetProperty("usage").GetProperty("total_tokens").GetInt32());

        ConversationEvents unknown = events[6];
        Assert.Equal("conversation.response.heartbeat", unknown.Event.Value);
        Assert.Equal("{\"phase\":\"warming\"}", unknown.UnknownData);
        Assert.Null(unknown.Data);
    }

    [Fact]
    public async Task Each_frame_carries_its_event_id_retry_and_position()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, VendorTranscripts.Mistral));
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<ConversationEvents> events = await client.Beta.Conversations.AppendStreamAsync("conv_0195", new ConversationAppendStreamRequest { Inputs = Inputs() }).CollectAsync();

        Assert.Equal("POST /v1/conversations/conv_0195", server.LastRequestLine);
        Assert.Equal(("evt-1", "evt-1", TimeSpan.FromSeconds(3), 0), (events[0].Sse.EventId, events[0].Sse.LastEventId, events[0].Sse.ReconnectionInterval, events[0].Sse.Index));
        Assert.Equal((null, "evt-1", 1), (events[1].Sse.EventId, events[1].Sse.LastEventId, events[1].Sse.Index));
        Assert.Equal(("evt-4", 3), (events[3].Sse.EventId, events[3].Sse.Index));
        Assert.Equal(Enumerable.Range(0, 11), events.Select(e => e.Sse.Index));
    }

    [Fact]
    public async Task The_same_events_come_out_wherever_the_transcript_is_cut()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(VendorTranscripts.Mistral);
        string expected = Describe(await ReadInMemoryAsync(new[] { bytes }));

        for (int cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(expected, Describe(await ReadInMemoryAsync(PiecewiseStream.Cut(bytes, cut))));
        }

        static string Describe(List<ConversationEvents> events) =>
            string.Join("\n", events.Select(e => $"{e.Event}|{e.Sse.EventId}|{e.Sse.ReconnectionInterval}|{(e.UnknownData ?? Json(e.Data).GetRawText())}"));
    }

    [Fact]
    public async Task A_failure_status_throws_the_same_ApiException_as_a_plain_call()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"detail\":[{\"loc\":[\"body\",\"inputs\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
        });
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        (List<ConversationEvents> events, Exception? failure) = await client.Beta.Conversations.StartStreamAsync(StartRequest()).CollectUntilFailureAsync();

        Assert.Empty(events);
        // The declared 422 arrives typed, exactly as it does for the non-streaming call.
        var ex = Assert.IsType<ApiException<HttpValidationError>>(failure);
        Assert.Equal(422, (int)ex.StatusCode);
        Assert.Contains("Field required", ex.Body);
        Assert.Equal("Field required", Assert.Single(ex.Error.Detail!).Msg);
    }

    [Fact]
    public async Task A_connection_that_breaks_mid_stream_throws_after_the_events_that_arrived()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, VendorTranscripts.MistralFirstEvent + "event: agent.handoff.started\r\ndata: {\"type\":");
            context.Abort();
        });
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        (List<ConversationEvents> events, Exception? failure) = await client.Beta.Conversations.StartStreamAsync(StartRequest()).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Contains(ex.Failure, new[] { ApiStreamFailure.Disconnected, ApiStreamFailure.Truncated });
        Assert.Equal(1, ex.EventIndex);
        Assert.StartsWith("POST /v1/conversations: ", ex.Message);
    }

    [Fact]
    public async Task Malformed_json_in_one_event_names_the_operation_the_event_and_its_position()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(
            context, VendorTranscripts.MistralFirstEvent + "event: message.output.delta\r\ndata: {\"type\":\"message.output.delta\",\"content\":\"Hel\r\n\r\n"));
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        (List<ConversationEvents> events, Exception? failure) = await client.Beta.Conversations.StartStreamAsync(StartRequest()).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.MalformedEvent, 1, "message.output.delta"), (ex.Failure, ex.EventIndex, ex.EventType));
        Assert.StartsWith("POST /v1/conversations: event 1 ('message.output.delta') is not valid", ex.Message);
    }

    [Fact]
    public async Task A_server_quiet_longer_than_the_idle_timeout_fails_the_stream()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, VendorTranscripts.MistralFirstEvent);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using var client = new MistralClient(
            new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress }, new MistralClientOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(500) });

        (List<ConversationEvents> events, Exception? failure) = await client.Beta.Conversations.StartStreamAsync(StartRequest()).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.IdleTimeout, 1), (ex.Failure, ex.EventIndex));
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task Cancelling_mid_stream_throws_and_the_server_sees_the_client_leave()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, VendorTranscripts.MistralFirstEvent);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });
        using var cancellation = new CancellationTokenSource();
        var received = new List<ConversationEvents>();

        Task reading = Task.Run(async () =>
        {
            await foreach (ConversationEvents item in client.Beta.Conversations.StartStreamAsync(StartRequest(), cancellation.Token))
            {
                received.Add(item);
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(StreamServer.HangGuard));
        Assert.Single(received);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task Leaving_the_loop_early_releases_the_response_and_the_server_sees_the_client_leave()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, VendorTranscripts.MistralFirstEvent);
            await StreamServer.KeepSendingAsync(context, ": ping\r\n\r\n", TimeSpan.FromMilliseconds(20));
        });
        using var client = new MistralClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        ConversationEvents? first = null;
        await foreach (ConversationEvents item in client.Beta.Conversations.StartStreamAsync(StartRequest()))
        {
            first = item;
            break;
        }

        Assert.Equal(SseTypes.ConversationResponseStarted, first!.Event);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    private static ConversationStreamRequest StartRequest() => new() { Inputs = Inputs() };

    private static ConversationInputs Inputs() => "Weather in Paris?";

    /// <summary>An event's data (a union of event shapes) as JSON, written by the generated codec.</summary>
    private static JsonElement Json(ConversationEventsData data)
    {
        using JsonDocument document = JsonDocument.Parse(OpenApiClientGen.Runtime.JsonCodecs.Serialize(data, MistralClientJson.ConversationEventsData));
        return document.RootElement.Clone();
    }

    private static async Task<List<ConversationEvents>> ReadInMemoryAsync(IEnumerable<byte[]> pieces)
    {
        using var client = new MistralClient(new System.Net.Http.HttpClient(new InMemoryEventStreamHandler(pieces)) { BaseAddress = new Uri("http://in-memory.test/") });
        var events = new List<ConversationEvents>();
        await foreach (ConversationEvents item in client.Beta.Conversations.StartStreamAsync(StartRequest()))
        {
            events.Add(item);
        }

        return events;
    }
}
