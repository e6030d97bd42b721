using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.PipesHub;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Frames whose <c>data</c> is JSON text: typed per event name, or kept as text and read later.</summary>
public sealed class PipesHubStreamTests
{
    [Fact]
    public async Task The_event_name_picks_the_payload_type_and_other_names_stay_items()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.PipesHub));
        using ApiConnection connection = server.Connect();

        List<SSEEvent> events = await new PipesHubConversationsClient(connection).StreamAsync("What was Q3 revenue?").CollectAsync();

        Assert.Equal("POST /conversations/stream?query=What%20was%20Q3%20revenue%3F", server.LastRequestLine);
        Assert.Equal(
            new[] { typeof(SSEConnectedEvent), typeof(UnknownSSEEvent), typeof(SSEChunkEvent), typeof(SSEChunkEvent), typeof(SSECitationEvent), typeof(SSECompleteEvent) },
            events.Select(e => e.GetType()));
        Assert.Equal("66f0c1a2b3c4d5e6f7a8b9c0", ((SSEConnectedEvent)events[0]).Data?.ConversationId);
        UnknownSSEEvent status = (UnknownSSEEvent)events[1];
        Assert.Equal(("status", """{"status":"searching","message":"Searching your knowledge base"}"""), (status.Event, status.Data));
        Assert.Equal(new[] { "The", " answer" }, events.OfType<SSEChunkEvent>().Select(e => e.Data?.Chunk));
        Assert.Equal("c1", ((SSEChunkEvent)events[3]).Data?.Citations?.Single().GetProperty("citationId").GetString());
        Assert.Equal("Quarterly report, page 4", ((SSECitationEvent)events[4]).Data?.Content);
        SSECompleteEvent complete = (SSECompleteEvent)events[5];
        Assert.Equal(("req_9", 5120L), (complete.Data?.Meta?.RequestId, complete.Data?.Meta?.Duration));
        Assert.Equal("Revenue", complete.Data?.Conversation.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_error_event_is_an_item_of_the_stream_not_a_failure()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.PipesHubError));
        using ApiConnection connection = server.Connect();

        List<SSEEvent> events = await new PipesHubConversationsClient(connection).StreamAsync("q").CollectAsync();

        SSEErrorEvent error = Assert.IsType<SSEErrorEvent>(events[^1]);
        Assert.Equal(("AI backend unavailable", "upstream timed out after 60s"), (error.Data?.Error, error.Data?.Details));
    }

    [Fact]
    public async Task Data_kept_as_text_can_be_read_later_as_the_json_its_content_schema_names()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.PipesHub));
        using ApiConnection connection = server.Connect();

        List<SSEEventText> frames = await new PipesHubConversationsClient(connection).StreamTextAsync("q").CollectAsync();

        Assert.Equal(new[] { "connected", "status", "chunk", "chunk", "citation", "complete" }, frames.Select(f => f.Event));
        Assert.Equal("""{"chunk":"The","accumulated":"The","citations":[]}""", frames[2].Data);
        Assert.Equal("The answer", frames[3].ReadData(PipesHubClientJson.SSEChunkPayload).Accumulated);
        Assert.Equal(5120L, frames[5].ReadData(PipesHubClientJson.SSECompletePayload).Meta?.Duration);
        Assert.Equal(Enumerable.Range(0, 6), frames.Select(f => f.Sse.Index));
    }
}
