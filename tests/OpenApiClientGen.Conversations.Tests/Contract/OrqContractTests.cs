using System.Text.Json;
using System.Threading.Tasks;
using OpenApiClientGen.Tests.Infrastructure;
using Orq;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>Every Orq.ai conversation operation against Prism serving Orq's published document.</summary>
public sealed class OrqContractTests
{
    private const string Document = "reference-specs/orq/openapi.yaml";
    private const string ConversationId = "conv_01jj1hdhn79xas7a01wb3hysdb";

    [SharedFact]
    public async Task Every_operation_passes_the_published_document()
    {
        await using PrismMockServer prism = await PrismMockServer.StartAsync(TestPaths.Shared(Document));
        var run = new ContractRun(prism.BaseAddress);
        // These runs count the requests that reach Prism, which answers error statuses on purpose: one attempt per call.
        using var client = new OrqClient(run.Http, new OrqClientOptions { MaxRetries = 0 });
        var conversations = client.Conversations;

        await run.CallAsync("list", () => conversations.ListAsync(limit: 25, startingAfter: ConversationId, entityId: "agent_01jj1hdhn79xas7a01wb3hysdb"));
        await run.CallAsync("create", () => conversations.CreateAsync(new CreateConversationRequest { ProjectId = "proj_01", DisplayName = "Launch plan" }));
        await run.CallAsync("generate_name", () => conversations.GenerateNameAsync(ConversationId, new GenerateConversationNameRequest { Context = "Planning the product launch" }));
        await run.CallAsync("retrieve", () => conversations.RetrieveAsync(ConversationId));
        await run.CallAsync("update", () => conversations.UpdateAsync(ConversationId, new UpdateConversationRequest { DisplayName = "Launch" }));
        await run.CallAsync("delete", () => conversations.DeleteAsync(ConversationId));
        await run.CallStreamAsync("create_conversation_response", () => conversations.CreateConversationResponseAsync(ConversationId, new CreateConversationResponseRequest
        {
            Message = new UserMessageRequest { Parts = [new TextPart { Text = "Hello" }] },
            Model = "openai/gpt-4o",
        }));

        Assert.True(await run.PrismReportsViolationAsync("v2/conversations", "{}"), "Prism did not report a body without its required members.");
        Assert.Empty(run.Problems);
        Assert.Equal(7, run.Checked.Count);
    }
}
