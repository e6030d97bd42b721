#if TGI_SPEC
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Tgi;
using Xunit;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// The <c>IChatClient</c> generated for Hugging Face TGI's published document (unmodified; its chat completion is
/// recognised, OACG0026) against TGI-shaped answers, plain and streamed.
/// </summary>
public sealed class TgiChatClientTests
{
    [Fact]
    public async Task A_response_reads_the_text_usage_and_finish_reason()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(TgiConformanceTests.Answer);
        using var client = new TgiClient(new HttpClient { BaseAddress = server.BaseAddress });

        ChatResponse response = await client.AsChatClient("tgi").GetResponseAsync("What is Deep Learning?", new ChatOptions { MaxOutputTokens = 32 });

        JsonNode body = JsonNode.Parse(Assert.Single(server.Drain()).Body)!;
        Assert.Equal("What is Deep Learning?", (string?)body["messages"]![0]!["content"]);
        Assert.Equal(32, (int)body["max_tokens"]!);
        Assert.Equal("Deep learning is a subset of machine learning.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(17, response.Usage!.InputTokenCount);
        Assert.Equal(26, response.Usage.TotalTokenCount);
        Assert.IsType<ChatCompletion>(response.RawRepresentation);
    }

    [Fact]
    public async Task A_streamed_response_reads_the_deltas_to_the_done_sentinel()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(TgiConformanceTests.Answer);
        using var client = new TgiClient(new HttpClient { BaseAddress = server.BaseAddress });

        List<ChatResponseUpdate> updates = await client.AsChatClient("tgi").GetStreamingResponseAsync("What is Deep Learning?").ToListAsync();

        Assert.Equal("text/event-stream", Assert.Single(server.Drain()).Accept);
        Assert.Equal(["Deep", " learning", ""], updates.Select(u => u.Text));
        Assert.All(updates, u => Assert.IsType<ChatCompletionChunk>(u.RawRepresentation));
        Assert.Equal(ChatFinishReason.Stop, updates.ToChatResponse().FinishReason);
    }
}
#endif
