using System.Net.Http;
using System.Threading.Tasks;
using PipesHub;

namespace ConversationsDemo;

/// <summary>PipesHub: ask with a streamed answer, ask a follow-up, list, fetch and delete.</summary>
internal static class PipesHubConversation
{
    public static async Task RunAsync(ServiceTarget target)
    {
        using HttpClient http = target.CreateHttpClient();
        using var client = new PipesHubClient(http);

        ConsoleView.ReplyStart("ask");
        string? id = await ReplyStreams.PipesHubAsync(
            client.Conversations.CreateWithStreamingAsync(new CreateConversationRequest { Query = "How should we rotate our API keys?", ChatMode = "quick" }),
            ConsoleView.Token);
        ConsoleView.ReplyEnd();
        ConsoleView.Step("created", $"conversation {ConsoleView.Short(id)}");
        if (id is null)
        {
            return;
        }

        ConsoleView.ReplyStart("follow-up");
        await ReplyStreams.PipesHubAsync(
            client.Conversations.AddMessageStreamAsync(id, new AddMessageRequest { Query = "And how often?" }),
            ConsoleView.Token);
        ConsoleView.ReplyEnd();

        var conversations = await client.Conversations.ListAsync();
        ConsoleView.Step("list", $"{conversations.Count} conversation(s)");

        GetConversationByIdResponse fetched = await client.Conversations.GetByIdAsync(id);
        ConsoleView.Step("fetch", $"\"{fetched.Title}\", {fetched.Messages?.Count ?? 0} messages, {fetched.Status}");

        DeleteConversationByIdResponse deleted = await client.Conversations.DeleteAsync(id);
        ConsoleView.Step("delete", deleted.Message ?? "deleted");
    }
}
