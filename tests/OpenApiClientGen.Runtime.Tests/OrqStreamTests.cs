using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Orq;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Data-only streams whose data is the payload, ended by a <c>[DONE]</c> sentinel.</summary>
public sealed class OrqStreamTests
{
    [Fact]
    public async Task The_stream_ends_at_the_sentinel_without_waiting_for_the_server_to_close()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, Transcripts.Orq);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect();

        List<CreateConversationResponseFrame> frames = await new OrqConversationsClient(connection).CreateConversationResponseAsync("conv 1/2").CollectAsync();

        Assert.Equal("POST /v2/conversations/conv%201%2F2/responses", server.LastRequestLine);
        Assert.Equal(5, frames.Count);
        Assert.Equal("resp_01", Assert.IsType<ResponseStartedEvent>(frames[0].Data).Data?.ResponseId);
        Assert.Equal(new[] { "Hi", " there" }, frames.Skip(1).Take(2).Select(f => Assert.IsType<PartDeltaEvent>(f.Data).Data?.Delta?.Text));
        Assert.Equal("tool.review.requested", Assert.IsType<UnknownResponseStreamingEvent>(frames[3].Data).Json.GetProperty("type").GetString());
        Assert.Equal("stop", Assert.IsType<ResponseDoneEvent>(frames[4].Data).Data?.FinishReason);
        Assert.All(frames, f => Assert.Equal("message", f.Sse.EventType));
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task A_reader_whose_items_are_the_payloads_yields_them_directly()
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(new[] { Encoding.UTF8.GetBytes(Transcripts.Orq) });

        List<ResponseStreamingEvent> events = await connection
            .StreamEventsAsync(new ApiRequest("POST", "/v2/conversations/c1/responses"), OrqClientJson.ResponseStreamingEventStream, default)
            .CollectAsync();

        Assert.Equal(new[] { "response.started", "part.delta", "part.delta", "tool.review.requested", "response.done" }, events.Select(e => e.Type));
        Assert.IsType<UnknownResponseStreamingEvent>(events[3]);
    }
}
