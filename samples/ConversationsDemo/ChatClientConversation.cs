using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Mistral;
using Orq;
using PiecesOs;
using PipesHub;

namespace ConversationsDemo;

/// <summary>
/// The four bundled APIs through Microsoft.Extensions.AI alone: each client's <c>AsChatClient()</c> (mapped by the
/// spec's <c>x-chat-client</c>) runs the same loop, a streamed question and a streamed follow-up in the conversation
/// the first answer names.
/// </summary>
internal static class ChatClientConversation
{
    public static Task PipesHubAsync(ServiceTarget target) => RunAsync(target, http => new PipesHubClient(http).AsChatClient(), null);

    public static Task PiecesAsync(ServiceTarget target) => RunAsync(target, http => new PiecesClient(http).AsChatClient(), null);

    public static Task OrqAsync(ServiceTarget target) => RunAsync(
        target,
        http => new OrqClient(http).AsChatClient(Environment.GetEnvironmentVariable("ORQ_MODEL") ?? "openai/gpt-4o-mini"),
        new AdditionalPropertiesDictionary { ["projectId"] = Environment.GetEnvironmentVariable("ORQ_PROJECT_ID") ?? "default" });

    public static Task MistralAsync(ServiceTarget target) => RunAsync(target, http => new MistralClient(http).AsChatClient(Environment.GetEnvironmentVariable("MISTRAL_MODEL") ?? "mistral-small-latest"), null);

    private static async Task RunAsync(ServiceTarget target, Func<HttpClient, IChatClient> create, AdditionalPropertiesDictionary? settings)
    {
        using HttpClient http = target.CreateHttpClient();
        using IChatClient chat = create(http);
        ChatClientMetadata metadata = chat.GetRequiredService<ChatClientMetadata>();
        ConsoleView.Step("chat", $"{metadata.ProviderName}{(metadata.DefaultModelId is null ? "" : ", " + metadata.DefaultModelId)}");

        ChatResponse first = await StreamAsync(chat, "ask", "What makes a good code review?", new ChatOptions { AdditionalProperties = settings });
        if (first.ConversationId is null)
        {
            return;
        }

        await StreamAsync(chat, "follow-up", "Which point matters most?", new ChatOptions { ConversationId = first.ConversationId, AdditionalProperties = settings });
    }

    /// <summary>The one loop every API goes through: print each update's text as it arrives, then what the updates add up to.</summary>
    private static async Task<ChatResponse> StreamAsync(IChatClient chat, string label, string question, ChatOptions options)
    {
        var updates = new List<ChatResponseUpdate>();
        ConsoleView.ReplyStart(label);
        await foreach (ChatResponseUpdate update in chat.GetStreamingResponseAsync(question, options))
        {
            if (update.Text.Length > 0)
            {
                ConsoleView.Token(update.Text);
            }

            updates.Add(update);
        }

        ConsoleView.ReplyEnd();
        ChatResponse response = updates.ToChatResponse();
        if (response.Text.Length == 0)
        {
            ConsoleView.Step(label, $"no reply text; the API stored the messages ({response.RawRepresentation?.GetType().Name ?? updates[^1].RawRepresentation?.GetType().Name})");
        }

        string usage = response.Usage is { } u ? $", {u.TotalTokenCount} tokens" : "";
        string finish = response.FinishReason is { } f ? $", {f}" : "";
        ConsoleView.Step("", $"{updates.Count} update(s){finish}{usage}, conversation {ConsoleView.Short(response.ConversationId)}");
        return response;
    }
}
