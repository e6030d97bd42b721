using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conversations.Emulators;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>Every operation of the four generated clients against its emulator, with the state each call leaves behind.</summary>
public sealed class EmulatorConversationTests
{
    [Fact]
    public async Task PipesHub_conversations_go_through_their_whole_life()
    {
        await using PipesHubEmulator emulator = await PipesHubEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new PipesHub.PipesHubClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        var conversations = client.Conversations;

        PipesHub.Conversation created = await conversations.CreateAsync(new PipesHub.CreateConversationRequest { Query = "What is our leave policy?" });
        Assert.Equal(new[] { "user_query", "bot_response" }, created.Messages!.Select(m => m.MessageType!.Value.Value));

        List<SseItem<string>> events = await RawEventStreams.ReadAllAsync(conversations.CreateWithStreamingAsync(new PipesHub.CreateConversationRequest { Query = "Summarise Q4" }));
        Assert.Equal("connected", events[0].EventType);
        Assert.Equal("complete", events[^1].EventType);
        Assert.All(events[1..^1], e => Assert.Equal("chunk", e.EventType));
        PipesHub.SseChunkPayload lastChunk = JsonCodecs.Deserialize(events[^2].Data, PipesHub.PipesHubClientJson.SseChunkPayload);
        PipesHub.SseCompletePayload complete = JsonCodecs.Deserialize(events[^1].Data, PipesHub.PipesHubClientJson.SseCompletePayload);
        Assert.Equal(lastChunk.Accumulated, complete.Conversation!.Messages![^1].Content);
        string streamedId = JsonCodecs.Deserialize(events[0].Data, PipesHub.PipesHubClientJson.SseConnectedPayload).ConversationId!;

        PipesHub.Conversation added = await conversations.AddMessageAsync(created.Id!, new PipesHub.AddMessageRequest { Query = "And for contractors?" });
        Assert.Equal(4, added.Messages!.Count);
        List<SseItem<string>> more = await RawEventStreams.ReadAllAsync(conversations.AddMessageStreamAsync(created.Id!, new PipesHub.AddMessageRequest { Query = "Thanks" }));
        Assert.Equal("complete", more[^1].EventType);

        PipesHub.Conversation shared = await conversations.ShareAsync(created.Id!, new PipesHub.ShareRequest { UserIds = ["665f000000000000000000aa"], AccessLevel = PipesHub.ShareRequestAccessLevel.Write });
        Assert.True(shared.IsShared);
        Assert.Equal("write", shared.SharedWith!.Single().AccessLevel!.Value.Value);
        PipesHub.Conversation unshared = await conversations.UnshareAsync(created.Id!, new PipesHub.UnshareConversationRequest { UserIds = ["665f000000000000000000aa"] });
        Assert.False(unshared.IsShared);

        Assert.Equal("Leave policy", (await conversations.UpdateTitleAsync(created.Id!, new PipesHub.UpdateConversationTitleRequest { Title = "Leave policy" })).Title);
        Assert.True((await conversations.ArchiveAsync(created.Id!)).IsArchived);
        Assert.Equal([created.Id], (await conversations.ListArchivedAsync()).Select(c => c.Id));
        Assert.Equal([streamedId], (await conversations.ListAsync()).Select(c => c.Id));
        Assert.False((await conversations.UnarchiveAsync(created.Id!)).IsArchived);

        string answerId = added.Messages![^1].Id!;
        PipesHub.Conversation regenerated = await conversations.RegenerateAsync(created.Id!, answerId);
        Assert.StartsWith("Let me put that another way", regenerated.Messages!.Single(m => m.Id == answerId).Content);
        PipesHub.Conversation rated = await conversations.SubmitFeedbackAsync(created.Id!, answerId, new PipesHub.MessageFeedback { IsHelpful = true, Categories = [PipesHub.MessageFeedbackCategory.TooVerbose] });
        Assert.True(rated.Messages!.Single(m => m.Id == answerId).Feedback!.Single().IsHelpful);

        PipesHub.GetConversationByIdResponse fetched = await conversations.GetByIdAsync(created.Id!);
        Assert.Equal(6, fetched.Pagination!.TotalMessages);
        Assert.Equal("Conversation deleted successfully", (await conversations.DeleteAsync(created.Id!)).Message);
        ApiException gone = await Assert.ThrowsAsync<ApiException>(() => conversations.GetByIdAsync(created.Id!));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PipesHub_agent_conversations_are_kept_per_agent()
    {
        await using PipesHubEmulator emulator = await PipesHubEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new PipesHub.PipesHubClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        var agents = client.AgentConversations;

        PipesHub.AgentConversation created = await agents.CreateAsync("support-bot", new PipesHub.CreateConversationRequest { Query = "Reset my password" });
        Assert.Equal("support-bot", created.AgentKey);
        List<SseItem<string>> events = await RawEventStreams.ReadAllAsync(agents.StreamAsync("support-bot", new PipesHub.CreateConversationRequest { Query = "Open a ticket" }));
        Assert.Equal(["connected", "complete"], new[] { events[0].EventType, events[^1].EventType });

        PipesHub.AgentConversation added = await agents.AddMessageAsync("support-bot", created.Id!, new PipesHub.AddMessageRequest { Query = "It still fails" });
        Assert.Equal(4, added.Messages!.Count);
        List<SseItem<string>> more = await RawEventStreams.ReadAllAsync(agents.StreamMessageAsync("support-bot", created.Id!, new PipesHub.AddMessageRequest { Query = "Thanks" }));
        Assert.Contains(more, e => e.EventType == "chunk");
        PipesHub.AgentConversation regenerated = await agents.RegenerateResponseAsync("support-bot", created.Id!, added.Messages![^1].Id!);
        Assert.StartsWith("Let me put that another way", regenerated.Messages!.Single(m => m.Id == added.Messages![^1].Id).Content);

        Assert.Equal(2, (await agents.ListAsync("support-bot")).Count);
        Assert.Empty(await agents.ListAsync("another-agent"));
        Assert.Equal(6, (await agents.GetAsync("support-bot", created.Id!)).Messages!.Count);
        await agents.DeleteAsync("support-bot", created.Id!);
        Assert.Single(await agents.ListAsync("support-bot"));
    }

    [Fact]
    public async Task Orq_conversations_stream_data_only_events_ending_in_done()
    {
        await using OrqEmulator emulator = await OrqEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Orq.OrqClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        var conversations = client.Conversations;

        Orq.CreateConversationResponse created = await conversations.CreateAsync(new Orq.CreateConversationRequest { ProjectId = "proj_1" });
        Assert.Equal("Untitled", created.DisplayName);
        List<SseItem<string>> events = await RawEventStreams.ReadAllAsync(conversations.CreateConversationResponseAsync(created.Id!, new Orq.CreateConversationResponseRequest
        {
            Message = new Orq.UserMessageRequest { Parts = [new Orq.TextPart { Text = "Hi there" }] },
            Model = "openai/gpt-4o",
        }));
        // The [DONE] sentinel ends the stream; it is not an item.
        Assert.All(events, e => Assert.Equal("message", e.EventType));
        Assert.Equal("response.started", JsonCodecs.Deserialize(events[0].Data, Orq.OrqClientJson.ResponseStartedEvent).Type);
        Orq.ResponseDoneEvent done = JsonCodecs.Deserialize(events[^1].Data, Orq.OrqClientJson.ResponseDoneEvent);
        Assert.Equal("stop", done.Data.FinishReason.Value);
        string streamed = string.Concat(events.Where(e => e.Data.Contains("\"part.delta\"", StringComparison.Ordinal))
            .Select(e => JsonCodecs.Deserialize(e.Data, Orq.OrqClientJson.PartDeltaEvent).Data.Delta.AsPartDeltaText!.Text));

        Orq.ConversationWithMessagesResponse retrieved = await conversations.RetrieveAsync(created.Id!);
        Assert.Equal(["user", "assistant"], retrieved.Messages.Select(m => m.Role.Value));
        Assert.Equal(streamed, RawEventStreams.Json(retrieved.Messages[1].Parts[0], Orq.OrqClientJson.MessageResponsePart).GetProperty("text").GetString());

        Assert.Equal("Plan the launch", (await conversations.GenerateNameAsync(created.Id!, new Orq.GenerateConversationNameRequest { Context = "Plan the launch" })).DisplayName);
        Assert.Equal("Launch", (await conversations.UpdateAsync(created.Id!, new Orq.UpdateConversationRequest { DisplayName = "Launch" })).DisplayName);
        await conversations.CreateAsync(new Orq.CreateConversationRequest { ProjectId = "proj_1", DisplayName = "Second" });
        Orq.ListConversationsResponse page = await conversations.ListAsync(limit: 1);
        Assert.True(page.HasMore);
        Assert.Single(page.Data);

        await conversations.DeleteAsync(created.Id!);
        // Orq declares its 404 body, so the error arrives typed.
        ApiException<Orq.RetrieveConversation404Error> gone = await Assert.ThrowsAsync<ApiException<Orq.RetrieveConversation404Error>>(() => conversations.RetrieveAsync(created.Id!));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Mistral_conversations_answer_as_json_or_as_named_events()
    {
        await using MistralEmulator emulator = await MistralEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var client = new Mistral.MistralClient(new HttpClient { BaseAddress = emulator.BaseAddress });
        var conversations = client.Beta.Conversations;
        static Mistral.ConversationInputs Text(string text) => text;

        Mistral.ConversationResponse started = await conversations.StartAsync(new Mistral.ConversationRequest { Inputs = Text("Hello"), Model = "mistral-small-latest" });
        Assert.Equal("conversation.response", started.Object);
        Mistral.ConversationResponse appended = await conversations.AppendAsync(started.ConversationId, new Mistral.ConversationAppendRequest { Inputs = Text("More") });
        Assert.Equal(started.ConversationId, appended.ConversationId);
        Mistral.ConversationHistory history = await conversations.GetHistoryAsync(started.ConversationId);
        Assert.Equal(4, history.Entries.Count);
        Assert.Equal(4, (await conversations.GetMessagesAsync(started.ConversationId)).Messages.Count);
        Assert.Equal(started.ConversationId, RawEventStreams.Json(await conversations.GetAsync(started.ConversationId), Mistral.MistralClientJson.AgentsConversationsGetResponse).GetProperty("id").GetString());

        string secondEntry = RawEventStreams.Json(history.Entries[2], Mistral.MistralClientJson.ConversationHistoryEntry).GetProperty("id").GetString()!;
        Mistral.ConversationResponse restarted = await conversations.RestartAsync(started.ConversationId, new Mistral.ConversationRestartRequest { Inputs = Text("Again"), FromEntryId = secondEntry });
        Assert.NotEqual(started.ConversationId, restarted.ConversationId);
        Assert.Equal(4, (await conversations.GetHistoryAsync(restarted.ConversationId)).Entries.Count);

        List<SseItem<string>> events = await RawEventStreams.ReadAllAsync(conversations.StartStreamAsync(new Mistral.ConversationStreamRequest { Inputs = Text("Stream it") }));
        Assert.Equal("conversation.response.started", events[0].EventType);
        Assert.Equal("conversation.response.done", events[^1].EventType);
        Assert.All(events, e => Assert.Equal(e.EventType, JsonDocument.Parse(e.Data).RootElement.GetProperty("type").GetString()));
        string streamId = JsonCodecs.Deserialize(events[0].Data, Mistral.MistralClientJson.ResponseStartedEvent).ConversationId;
        Assert.Contains(events, e => e.EventType == "message.output.delta" && JsonCodecs.Deserialize(e.Data, Mistral.MistralClientJson.MessageOutputEvent).Content.AsString!.Length > 0);

        List<SseItem<string>> appendEvents = await RawEventStreams.ReadAllAsync(conversations.AppendStreamAsync(streamId, new Mistral.ConversationAppendStreamRequest { Inputs = Text("And?") }));
        Assert.Equal("conversation.response.done", appendEvents[^1].EventType);
        string firstEntry = RawEventStreams.Json((await conversations.GetHistoryAsync(streamId)).Entries[0], Mistral.MistralClientJson.ConversationHistoryEntry).GetProperty("id").GetString()!;
        List<SseItem<string>> restartEvents = await RawEventStreams.ReadAllAsync(conversations.RestartStreamAsync(streamId, new Mistral.ConversationRestartStreamRequest { Inputs = Text("Over"), FromEntryId = firstEntry }));
        Assert.Equal("conversation.response.done", restartEvents[^1].EventType);

        Assert.Equal(3, (await conversations.ListAsync(page: 0, pageSize: 3)).Count);
        Assert.Single(await conversations.ListAsync(page: 1, pageSize: 3));
    }

    [Fact]
    public async Task Pieces_reports_every_change_on_the_identifier_websocket()
    {
        await using PiecesEmulator emulator = await PiecesEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var client = new PiecesOs.PiecesClient(http);
        using var connection = new ApiConnection(http, new PiecesOs.PiecesClientOptions(), PiecesOs.PiecesClient.DefaultBaseAddress, ownsHttpClient: false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IAsyncEnumerator<PiecesOs.StreamedIdentifiers> watcher = WebSocketMessages.ReadJsonAsync(
            connection, new ApiRequest("GET", "/conversations/stream/identifiers"), PiecesOs.PiecesClientJson.StreamedIdentifiers, stop.Token).GetAsyncEnumerator();
        Assert.True(await watcher.MoveNextAsync());
        Assert.Empty(watcher.Current.Iterable);

        PiecesOs.Conversation created = await client.Conversations.CreateSpecificConversationAsync(seededConversation: new PiecesOs.SeededConversation
        {
            Type = PiecesOs.ConversationTypeEnum.Copilot,
            Messages = [new PiecesOs.SeededConversationMessage { Role = PiecesOs.QgptConversationMessageRoleEnum.User, Fragment = new PiecesOs.FragmentFormat { String = new PiecesOs.TransferableString { Raw = "Explain this" } } }],
        });
        Assert.True(await watcher.MoveNextAsync());
        Assert.Equal(created.Id, watcher.Current.Iterable.Single().Conversation!.Id);

        PiecesOs.ConversationsCreateFromAssetOutput fromAsset = await client.Conversations.CreateFromAssetAsync(Guid.NewGuid());
        Assert.True(await watcher.MoveNextAsync());
        Assert.Equal(fromAsset.Conversation.Id, watcher.Current.Iterable.Single().Conversation!.Id);

        Assert.Equal(2, (await client.Conversations.IdentifiersSnapshotAsync()).Iterable.Count);
        PiecesOs.Conversation fetched = (await client.Conversations.SnapshotAsync(transferables: true)).Iterable.Single(c => c.Id == created.Id);
        Assert.Equal("Explain this", fetched.Messages.Iterable.Single().Reference!.Fragment!.String!.Raw);

        await client.Conversations.DeleteSpecificConversationAsync(created.Id);
        Assert.True(await watcher.MoveNextAsync());
        Assert.True(watcher.Current.Iterable.Single().Deleted);
        Assert.Single((await client.Conversations.IdentifiersSnapshotAsync()).Iterable);
        ApiException missing = await Assert.ThrowsAsync<ApiException>(() => client.Conversations.DeleteSpecificConversationAsync(created.Id));
        Assert.Equal(HttpStatusCode.InternalServerError, missing.StatusCode);
        await watcher.DisposeAsync();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class JsonContext : System.Text.Json.Serialization.JsonSerializerContext;
