using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using PipesHub;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>The client generated from specs/pipeshub.yaml reads each event's JSON text into the payload its contentSchema names.</summary>
public sealed class PipesHubStreamTests
{
    [Fact]
    public async Task Connected_chunk_citation_and_complete_carry_typed_payloads_read_from_their_json_text()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, VendorTranscripts.PipesHub, pieceSize: 9));
        using var client = new PipesHubClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<ISseEvent> events = await client.Conversations.CreateWithStreamingAsync(new CreateConversationRequest { Query = "Revenue?" }).CollectAsync();

        Assert.Equal("POST /conversations/stream", server.LastRequestLine);
        Assert.Collection(
            events,
            e => Assert.Equal("66f0c1a2b3c4d5e6f7a8b9c0", Assert.IsType<SseConnectedEvent>(e).Payload.ConversationId),
            e =>
            {
                UnknownSseEvent status = Assert.IsType<UnknownSseEvent>(e);
                Assert.Equal("status", status.EventName);
                Assert.Equal("{\"status\":\"searching\",\"message\":\"Searching your knowledge base\"}", status.Data);
            },
            e => Assert.Equal("The", Assert.IsType<SseChunkEvent>(e).Payload.Chunk),
            e =>
            {
                SseChunkEvent chunk = Assert.IsType<SseChunkEvent>(e);
                Assert.Equal("The answer", chunk.Payload.Accumulated);
                Assert.StartsWith("{\"chunk\":\" answer\"", chunk.Data);
            },
            e =>
            {
                SseCitationEvent citation = Assert.IsType<SseCitationEvent>(e);
                Assert.Equal(("c1", 0.92), (citation.Payload.CitationId, citation.Payload.RelevanceScore));
            },
            e =>
            {
                SseCompleteEvent complete = Assert.IsType<SseCompleteEvent>(e);
                Assert.Equal("Revenue", complete.Payload.Conversation!.Title);
                Assert.Equal(5120, complete.Payload.Meta!.Duration);
                Assert.Equal("complete", complete.Event);
            });
        Assert.Equal(Enumerable.Range(0, 6), events.Select(e => e.Sse.Index));
    }

    [Fact]
    public async Task A_server_error_event_is_a_typed_item_not_an_exception()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, VendorTranscripts.PipesHubError));
        using var client = new PipesHubClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<ISseEvent> events = await client.Conversations.AddMessageStreamAsync("66f0c1a2b3c4d5e6f7a8b9c0", new AddMessageRequest { Query = "And costs?" }).CollectAsync();

        Assert.Equal("POST /conversations/66f0c1a2b3c4d5e6f7a8b9c0/messages/stream", server.LastRequestLine);
        Assert.IsType<SseConnectedEvent>(events[0]);
        SseErrorEvent error = Assert.IsType<SseErrorEvent>(events[1]);
        Assert.Equal(("AI backend unavailable", "upstream timed out after 60s"), (error.Payload.Error, error.Payload.Details));
    }

    [Fact]
    public async Task Json_text_that_does_not_parse_fails_at_that_event()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, "event: connected\ndata: {}\n\nevent: chunk\ndata: {\"chunk\":\n\n"));
        using var client = new PipesHubClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        (List<ISseEvent> events, System.Exception? failure) = await client.Conversations.CreateWithStreamingAsync(new CreateConversationRequest { Query = "x" }).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.MalformedEvent, 1, "chunk"), (ex.Failure, ex.EventIndex, ex.EventType));
        Assert.StartsWith("POST /conversations/stream: event 1 ('chunk')", ex.Message);
    }
}
