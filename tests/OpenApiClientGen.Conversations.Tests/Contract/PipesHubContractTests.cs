using System.Threading.Tasks;
using OpenApiClientGen.Tests.Infrastructure;
using PipesHub;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>Every PipesHub operation against Prism serving the document the seeds were generated from.</summary>
public sealed class PipesHubContractTests
{
    private const string Document = "reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml";
    private const string ConversationId = "507f1f77bcf86cd799439011";
    private const string MessageId = "507f1f77bcf86cd799439012";
    private const string AgentKey = "support-agent";

    [SharedFact]
    public async Task Every_operation_passes_the_published_document()
    {
        await using PrismMockServer prism = await PrismMockServer.StartAsync(TestPaths.Shared(Document));
        var run = new ContractRun(prism.BaseAddress);
        // These runs count the requests that reach Prism, which answers error statuses on purpose: one attempt per call.
        using var client = new PipesHubClient(run.Http, new PipesHubClientOptions { MaxRetries = 0 });
        var conversations = client.Conversations;
        var agents = client.AgentConversations;
        var create = new CreateConversationRequest
        {
            Query = "Summarize the Q4 sales report",
            RecordIds = [MessageId],
            Filters = new Filters { Kb = [System.Guid.Parse("550e8400-e29b-41d4-a716-446655440000")] },
            ModelKey = "gpt-4-turbo",
            ChatMode = "balanced",
        };
        var message = new AddMessageRequest { Query = "And the regional breakdown?" };

        await run.CallAsync("conversations.create", () => conversations.CreateAsync(create));
        await run.CallStreamAsync("conversations.create_with_streaming", () => conversations.CreateWithStreamingAsync(create));
        await run.CallAsync("conversations.list", () => conversations.ListAsync());
        await run.CallAsync("conversations.list_archived", () => conversations.ListArchivedAsync());
        await run.CallAsync("conversations.get_by_id", () => conversations.GetByIdAsync(ConversationId, page: 1, limit: 20, sortBy: "createdAt", sortOrder: GetConversationByIdSortOrder.Desc));
        await run.CallAsync("conversations.delete", () => conversations.DeleteAsync(ConversationId));
        await run.CallAsync("conversations.add_message", () => conversations.AddMessageAsync(ConversationId, message));
        await run.CallStreamAsync("conversations.add_message_stream", () => conversations.AddMessageStreamAsync(ConversationId, message));
        await run.CallAsync("conversations.share", () => conversations.ShareAsync(ConversationId, new ShareRequest { UserIds = [MessageId], AccessLevel = ShareRequestAccessLevel.Read }));
        await run.CallAsync("conversations.unshare", () => conversations.UnshareAsync(ConversationId, new UnshareConversationRequest { UserIds = [MessageId] }));
        await run.CallAsync("conversations.update_title", () => conversations.UpdateTitleAsync(ConversationId, new UpdateConversationTitleRequest { Title = "Q4 sales" }));
        await run.CallAsync("conversations.archive", () => conversations.ArchiveAsync(ConversationId));
        await run.CallAsync("conversations.unarchive", () => conversations.UnarchiveAsync(ConversationId));
        await run.CallAsync("conversations.regenerate", () => conversations.RegenerateAsync(ConversationId, MessageId, new RegenerateAnswerRequest { ModelKey = "gpt-4-turbo" }));
        await run.CallAsync("conversations.submit_feedback", () => conversations.SubmitFeedbackAsync(ConversationId, MessageId, new MessageFeedback
        {
            IsHelpful = true,
            Ratings = new MessageFeedbackRatings { Accuracy = 5, Relevance = 4 },
            Categories = [MessageFeedbackCategory.TooVerbose],
        }));

        await run.CallAsync("agent_conversations.list", () => agents.ListAsync(AgentKey));
        await run.CallAsync("agent_conversations.create", () => agents.CreateAsync(AgentKey, create));
        await run.CallStreamAsync("agent_conversations.stream", () => agents.StreamAsync(AgentKey, create));
        await run.CallAsync("agent_conversations.get", () => agents.GetAsync(AgentKey, ConversationId));
        await run.CallAsync("agent_conversations.delete", () => agents.DeleteAsync(AgentKey, ConversationId));
        await run.CallAsync("agent_conversations.add_message", () => agents.AddMessageAsync(AgentKey, ConversationId, message));
        await run.CallStreamAsync("agent_conversations.stream_message", () => agents.StreamMessageAsync(AgentKey, ConversationId, message));
        await run.CallAsync("agent_conversations.regenerate_response", () => agents.RegenerateResponseAsync(AgentKey, ConversationId, MessageId, new RegenerateAgentAnswerRequest { ModelKey = "gpt-4-turbo" }));

        Assert.True(await run.PrismReportsViolationAsync("conversations/create", "{}"), "Prism did not report a body without its required members.");
        Assert.Empty(run.Problems);
        Assert.Equal(23, run.Checked.Count);
    }
}
