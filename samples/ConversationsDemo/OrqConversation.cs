using System;
using System.Net.Http;
using System.Threading.Tasks;
using Orq;

namespace ConversationsDemo;

/// <summary>Orq.ai: create a conversation, stream two responses, name it, list, fetch and delete.</summary>
internal static class OrqConversation
{
    public static async Task RunAsync(ServiceTarget target)
    {
        using HttpClient http = target.CreateHttpClient();
        using var client = new OrqClient(http);
        string model = Environment.GetEnvironmentVariable("ORQ_MODEL") ?? "openai/gpt-4o-mini";
        string projectId = Environment.GetEnvironmentVariable("ORQ_PROJECT_ID") ?? "default";

        CreateConversationResponse created = await client.Conversations.CreateAsync(new CreateConversationRequest { ProjectId = projectId, DisplayName = "Release checklist" });
        string id = created.Id!;
        ConsoleView.Step("created", $"conversation {ConsoleView.Short(id)} \"{created.DisplayName}\"");

        ConsoleView.ReplyStart("ask");
        await ReplyStreams.OrqAsync(client.Conversations.CreateConversationResponseAsync(id, Ask("What belongs on a release checklist?", model)), ConsoleView.Token);
        ConsoleView.ReplyEnd();

        ConsoleView.ReplyStart("follow-up");
        await ReplyStreams.OrqAsync(client.Conversations.CreateConversationResponseAsync(id, Ask("Which item matters most?", model)), ConsoleView.Token);
        ConsoleView.ReplyEnd();

        GenerateConversationNameResponse named = await client.Conversations.GenerateNameAsync(id, new GenerateConversationNameRequest { Context = "Release checklist essentials" });
        ConsoleView.Step("named", $"\"{named.DisplayName}\"");

        ListConversationsResponse list = await client.Conversations.ListAsync(limit: 10);
        ConsoleView.Step("list", $"{list.Data.Count} conversation(s){(list.HasMore ? ", more on the next page" : "")}");

        ConversationWithMessagesResponse fetched = await client.Conversations.RetrieveAsync(id);
        ConsoleView.Step("fetch", $"\"{fetched.DisplayName}\", {fetched.Messages.Count} messages");

        await client.Conversations.DeleteAsync(id);
        ConsoleView.Step("delete", "deleted");
    }

    private static CreateConversationResponseRequest Ask(string question, string model) => new()
    {
        Message = new UserMessageRequest { Parts = [new TextPart { Text = question }] },
        Model = model,
    };
}
