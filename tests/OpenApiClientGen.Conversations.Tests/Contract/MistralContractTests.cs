using System.Text.Json;
using System.Threading.Tasks;
using Mistral;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>Every Mistral beta conversation operation against Prism serving Mistral's published document.</summary>
public sealed class MistralContractTests
{
    private const string Document = "reference-specs/mistral/openapi.yaml";
    private const string ConversationId = "conv_0195e1f0c0a07c3b9d5b7d0e0f1a2b3c";

    [SharedFact]
    public async Task Every_operation_passes_the_published_document()
    {
        await using PrismMockServer prism = await PrismMockServer.StartAsync(MistralStreamRoutes.WriteRoutedCopy(TestPaths.Shared(Document)));
        var run = new ContractRun(prism.BaseAddress, new MistralStreamRoutes.Handler());
        // These runs count the requests that reach Prism, which answers error statuses on purpose: one attempt per call.
        using var client = new MistralClient(run.Http, new MistralClientOptions { MaxRetries = 0 });
        var conversations = client.Beta.Conversations;
        ConversationInputs inputs = "What is the capital of France?";
        ConversationInputs entries = OpenApiClientGen.Runtime.JsonCodecs.Deserialize("""[{"object":"entry","type":"message.input","role":"user","content":"And of Italy?"}]""", MistralClientJson.ConversationInputs);

        await run.CallAsync("start", () => conversations.StartAsync(new ConversationRequest { Inputs = inputs, Model = "mistral-small-latest", Store = true }));
        await run.CallAsync("list", () => conversations.ListAsync(page: 0, pageSize: 20));
        await run.CallAsync("get", () => conversations.GetAsync(ConversationId));
        await run.CallAsync("append", () => conversations.AppendAsync(ConversationId, new ConversationAppendRequest { Inputs = entries }));
        await run.CallAsync("get_history", () => conversations.GetHistoryAsync(ConversationId));
        await run.CallAsync("get_messages", () => conversations.GetMessagesAsync(ConversationId));
        await run.CallAsync("restart", () => conversations.RestartAsync(ConversationId, new ConversationRestartRequest { Inputs = inputs, FromEntryId = "msg_0195" }));
        await run.CallStreamAsync("start_stream", () => conversations.StartStreamAsync(new ConversationStreamRequest { Inputs = inputs, Model = "mistral-small-latest" }));
        await run.CallStreamAsync("append_stream", () => conversations.AppendStreamAsync(ConversationId, new ConversationAppendStreamRequest { Inputs = entries }));
        await run.CallStreamAsync("restart_stream", () => conversations.RestartStreamAsync(ConversationId, new ConversationRestartStreamRequest { Inputs = inputs, FromEntryId = "msg_0195" }));

        Assert.True(await run.PrismReportsViolationAsync("v1/conversations", "{}"), "Prism did not report a body without its required members.");
        Assert.Empty(run.Problems);
        Assert.Equal(10, run.Checked.Count);
        Assert.Equal(3, System.Linq.Enumerable.Count(run.Recorder.Exchanges, e => e.Request.StartsWith("POST " + MistralStreamRoutes.Prefix, System.StringComparison.Ordinal)));
    }
}
