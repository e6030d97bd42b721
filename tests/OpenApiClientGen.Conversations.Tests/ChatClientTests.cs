using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conversations.Emulators;
using Microsoft.Extensions.AI;
using Mistral;
using Orq;
using PiecesOs;
using PipesHub;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// The four bundled clients as Microsoft.Extensions.AI chat clients (<c>client.AsChatClient()</c>, mapped by each
/// spec's <c>x-chat-client</c>) against their emulators: a reply plain and streamed, the conversation's id carried
/// into a second turn that lands in the same conversation, and usage and finish reason where the API reports them.
/// </summary>
public sealed class ChatClientTests
{
    private const string Question = "How should we rotate our API keys?";
    private const string FollowUp = "And how often?";

    [Fact]
    public async Task Mistral_starts_a_conversation_and_appends_to_it_plain_and_streamed()
    {
        await using MistralEmulator emulator = await MistralEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Mistral.MistralClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        IChatClient chat = client.AsChatClient("mistral-small-latest");

        ChatResponse first = await chat.GetResponseAsync(Question);
        Assert.Equal(CannedReplies.Answer("Mistral", Question), first.Text);
        Assert.NotNull(first.ConversationId);
        Assert.True(first.Usage?.TotalTokenCount > 0);
        Assert.IsType<Mistral.ConversationResponse>(first.RawRepresentation);

        List<ChatResponseUpdate> updates = await chat.GetStreamingResponseAsync(FollowUp, new ChatOptions { ConversationId = first.ConversationId }).ToListAsync();
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        Assert.All(updates, u => Assert.IsType<Mistral.ConversationEvents>(u.RawRepresentation));
        ChatResponse second = updates.ToChatResponse();
        Assert.Equal(CannedReplies.Answer("Mistral", FollowUp), second.Text);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.True(second.Usage?.TotalTokenCount > 0);

        Mistral.ConversationMessages messages = await client.Beta.Conversations.GetMessagesAsync(first.ConversationId!);
        Assert.Equal(4, messages.Messages.Count);
    }

    [Fact]
    public async Task Mistral_streams_a_new_conversation_and_names_it()
    {
        await using MistralEmulator emulator = await MistralEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Mistral.MistralClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        ChatResponse streamed = await client.AsChatClient("mistral-small-latest").GetStreamingResponseAsync(Question).ToChatResponseAsync();

        Assert.Equal(CannedReplies.Answer("Mistral", Question), streamed.Text);
        Assert.NotNull(streamed.ConversationId);
    }

    [Fact]
    public async Task PipesHub_creates_a_conversation_and_adds_messages_plain_and_streamed()
    {
        await using PipesHubEmulator emulator = await PipesHubEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new PipesHub.PipesHubClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        IChatClient chat = client.AsChatClient();

        ChatResponse first = await chat.GetStreamingResponseAsync(Question).ToChatResponseAsync();
        Assert.Equal(CannedReplies.Answer("PipesHub", Question), first.Text);
        Assert.NotNull(first.ConversationId);

        ChatResponse second = await chat.GetResponseAsync(FollowUp, new ChatOptions { ConversationId = first.ConversationId });
        Assert.Equal(CannedReplies.Answer("PipesHub", FollowUp), second.Text);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.IsType<PipesHub.Conversation>(second.RawRepresentation);

        PipesHub.GetConversationByIdResponse fetched = await client.Conversations.GetByIdAsync(first.ConversationId!);
        Assert.Equal(4, fetched.Messages!.Count);
        Assert.Single(await client.Conversations.ListAsync());
    }

    [Fact]
    public async Task Orq_makes_a_conversation_then_answers_in_it_with_usage_and_finish_reason()
    {
        await using OrqEmulator emulator = await OrqEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Orq.OrqClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        IChatClient chat = client.AsChatClient("openai/gpt-4o-mini");

        List<ChatResponseUpdate> updates = await chat.GetStreamingResponseAsync(Question).ToListAsync();
        ChatResponse first = updates.ToChatResponse();
        Assert.Equal(CannedReplies.Answer("Orq", Question), first.Text);
        Assert.Equal(ChatFinishReason.Stop, first.FinishReason);
        Assert.True(first.Usage?.TotalTokenCount > 0);
        Assert.NotNull(first.ConversationId);
        Assert.All(updates, u => Assert.IsType<Orq.CreateConversationResponseEvent>(u.RawRepresentation));

        ChatResponse second = await chat.GetResponseAsync(FollowUp, new ChatOptions { ConversationId = first.ConversationId });
        Assert.Equal(CannedReplies.Answer("Orq", FollowUp), second.Text);
        Assert.Equal(first.ConversationId, second.ConversationId);

        Orq.ConversationWithMessagesResponse fetched = await client.Conversations.RetrieveAsync(first.ConversationId!);
        Assert.Equal(4, fetched.Messages.Count);
    }

    [Fact]
    public async Task Orq_needs_a_model()
    {
        await using OrqEmulator emulator = await OrqEmulator.StartAsync();
        using var client = new Orq.OrqClient(new HttpClient { BaseAddress = emulator.BaseAddress });

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.AsChatClient().GetResponseAsync(Question));
    }

    [Fact]
    public async Task Pieces_stores_the_messages_as_a_copilot_conversation_plain_and_streamed()
    {
        await using PiecesEmulator emulator = await PiecesEmulator.StartAsync();
        using var client = new PiecesOs.PiecesClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        IChatClient chat = client.AsChatClient();

        ChatResponse stored = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, Question)]);
        PiecesOs.Conversation conversation = Assert.IsType<PiecesOs.Conversation>(stored.RawRepresentation);
        Assert.Equal(PiecesOs.ConversationTypeEnum.Copilot, conversation.Type);
        Assert.Equal(
            ["SYSTEM: Be brief.", "USER: " + Question],
            conversation.Messages.Iterable.Select(m => $"{m.Reference!.Role.Value}: {m.Reference.Fragment!.String!.Raw}"));
        Assert.Equal("", stored.Text);

        ChatResponseUpdate update = Assert.Single(await chat.GetStreamingResponseAsync(FollowUp).ToListAsync());
        Assert.IsType<PiecesOs.Conversation>(update.RawRepresentation);
        Assert.Equal(2, (await client.Conversations.IdentifiersSnapshotAsync()).Iterable.Count);
    }
}
