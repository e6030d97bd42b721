using System.Collections.Generic;
using System.Linq;
using Orq;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>The client generated from specs/orq.yaml reads data-only frames and stops at the [DONE] sentinel.</summary>
public sealed class OrqStreamTests
{
    [Fact]
    public async Task Part_deltas_arrive_in_order_and_the_stream_ends_at_DONE()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, VendorTranscripts.Orq, pieceSize: 5));
        using var client = new OrqClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<CreateConversationResponseEvent> events = await client.Conversations.CreateConversationResponseAsync("conv_01", Request()).CollectAsync();

        Assert.Equal("POST /v2/conversations/conv_01/responses", server.LastRequestLine);
        Assert.Equal(
            new[] { "response.started", "part.delta", "part.delta", "part.delta", "response.done" },
            events.Select(e => Json(e.Data!).GetProperty("type").GetString()));
        string text = string.Concat(events.Where(e => Json(e.Data!).GetProperty("type").GetString() == "part.delta")
            .Select(e => Json(e.Data!).GetProperty("data").GetProperty("delta").GetProperty("text").GetString()));
        Assert.Equal("Hi there!", text);
        Assert.Equal("stop", Json(events[^1].Data!).GetProperty("data").GetProperty("finishReason").GetString());
        Assert.Equal(Enumerable.Range(0, 5), events.Select(e => e.Sse.Index));
    }

    [Fact]
    public async Task A_stream_closed_before_DONE_is_a_failure_not_an_end()
    {
        string withoutSentinel = VendorTranscripts.Orq.Substring(0, VendorTranscripts.Orq.IndexOf("data: [DONE]", System.StringComparison.Ordinal));
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, withoutSentinel));
        using var client = new OrqClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        (List<CreateConversationResponseEvent> events, System.Exception? failure) =
            await client.Conversations.CreateConversationResponseAsync("conv_01", Request()).CollectUntilFailureAsync();

        Assert.Equal(5, events.Count);
        Assert.Equal(ApiStreamFailure.Truncated, Assert.IsType<ApiStreamException>(failure).Failure);
    }

    private static CreateConversationResponseRequest Request() => new()
    {
        Model = "openai/gpt-4o",
        Message = new UserMessageRequest { Parts = new List<UserMessageRequestPart>() },
    };

    /// <summary>An event (a union of event shapes) as JSON, written by the generated codec.</summary>
    private static System.Text.Json.JsonElement Json(ResponseStreamingEvent data)
    {
        using var document = System.Text.Json.JsonDocument.Parse(OpenApiClientGen.Runtime.JsonCodecs.Serialize(data, OrqClientJson.ResponseStreamingEvent));
        return document.RootElement.Clone();
    }
}
