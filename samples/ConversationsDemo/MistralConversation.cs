using System;
using System.Net.Http;
using System.Threading.Tasks;
using Mistral;

namespace ConversationsDemo;

/// <summary>Mistral: start a conversation with a streamed answer, append a follow-up, list and fetch its messages.</summary>
internal static class MistralConversation
{
    public static async Task RunAsync(ServiceTarget target)
    {
        using HttpClient http = target.CreateHttpClient();
        using var client = new MistralClient(http);
        string model = Environment.GetEnvironmentVariable("MISTRAL_MODEL") ?? "mistral-small-latest";

        ConsoleView.ReplyStart("ask");
        string? id = await ReplyStreams.MistralAsync(
            client.Beta.Conversations.StartStreamAsync(new ConversationStreamRequest
            {
                Inputs = "Explain backpressure in one paragraph.",
                Model = model,
            }),
            ConsoleView.Token);
        ConsoleView.ReplyEnd();
        ConsoleView.Step("created", $"conversation {ConsoleView.Short(id)}");
        if (id is null)
        {
            return;
        }

        ConsoleView.ReplyStart("follow-up");
        await ReplyStreams.MistralAsync(
            client.Beta.Conversations.AppendStreamAsync(id, new ConversationAppendStreamRequest { Inputs = "Give one example." }),
            ConsoleView.Token);
        ConsoleView.ReplyEnd();

        var conversations = await client.Beta.Conversations.ListAsync(pageSize: 10);
        ConsoleView.Step("list", $"{conversations.Count} conversation(s) on the first page");

        ConversationMessages messages = await client.Beta.Conversations.GetMessagesAsync(id);
        ConsoleView.Step("fetch", $"{messages.Messages.Count} messages in {ConsoleView.Short(messages.ConversationId)}");

        ConsoleView.Step("delete", "not part of Mistral's beta conversations API; the conversation stays");
    }
}
