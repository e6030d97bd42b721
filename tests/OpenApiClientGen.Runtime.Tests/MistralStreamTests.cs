using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Frame schemas <c>{event, data}</c>: the frame is built from the SSE fields, its data read into the payload union.</summary>
public sealed class MistralStreamTests
{
    [Fact]
    public async Task Each_frame_gets_the_sse_event_name_and_its_data_as_the_payload_union()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.Mistral));
        using ApiConnection connection = server.Connect();

        List<ConversationEvents> events = await new ConversationsClient(connection)
            .StartStreamAsync(new ConversationStreamRequest { Inputs = "Weather in Paris?" })
            .CollectAsync();

        Assert.Equal("POST /v1/conversations", server.LastRequestLine);
        Assert.Equal("""{"inputs":"Weather in Paris?","stream":true}""", server.LastRequestBody);
        Assert.Equal(
            new[] { "conversation.response.started", "message.output.delta", "message.output.delta", "conversation.response.heartbeat", "function.call.delta", "conversation.response.done" },
            events.Select(e => e.Event.Value));
        Assert.Equal("conv_0195", Assert.IsType<ResponseStartedEvent>(events[0].Data).ConversationId);
        Assert.Equal("Hello", Assert.IsType<MessageOutputEvent>(events[1].Data).Content);
        Assert.Equal(", wörld ✓", Assert.IsType<MessageOutputEvent>(events[2].Data).Content);
        FunctionCallEvent call = Assert.IsType<FunctionCallEvent>(events[4].Data);
        Assert.Equal(("get_weather", """{"city":"Paris"}"""), (call.Name, call.Arguments));
        Assert.Equal(17, Assert.IsType<ResponseDoneEvent>(events[5].Data).Usage?.TotalTokens);
    }

    [Fact]
    public async Task An_event_name_the_spec_does_not_list_becomes_an_item_with_its_name_and_raw_data()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.Mistral));
        using ApiConnection connection = server.Connect();

        List<ConversationEvents> events = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectAsync();

        ConversationEvents unknown = events[3];
        Assert.Equal("conversation.response.heartbeat", unknown.Event.Value);
        Assert.Null(unknown.Data);
        Assert.Equal("""{"phase":"warming"}""", unknown.UnknownData);
    }

    [Fact]
    public async Task Each_item_can_reach_its_id_retry_and_position()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.Mistral));
        using ApiConnection connection = server.Connect();

        List<ConversationEvents> events = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectAsync();

        Assert.Equal(("evt-1", "evt-1", TimeSpan.FromSeconds(3)), (events[0].Sse.EventId, events[0].Sse.LastEventId, events[0].Sse.ReconnectionInterval));
        Assert.Equal(("evt-2", "evt-2", (TimeSpan?)null), (events[1].Sse.EventId, events[1].Sse.LastEventId, events[1].Sse.ReconnectionInterval));
        Assert.Equal((null, "evt-2"), (events[2].Sse.EventId, events[2].Sse.LastEventId));
        Assert.Equal(Enumerable.Range(0, 6), events.Select(e => e.Sse.Index));
    }
}
