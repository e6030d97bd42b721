using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using PiecesOs;

namespace ConversationsDemo;

/// <summary>
/// Pieces OS: watch the conversation identifiers over the WebSocket while creating a conversation, creating one from
/// an asset, listing, fetching and deleting. This API has no reply stream; the WebSocket is its stream.
/// </summary>
internal static class PiecesConversation
{
    private static readonly TimeSpan WatchWait = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(ServiceTarget target)
    {
        using HttpClient http = target.CreateHttpClient();
        using var client = new PiecesClient(http);
        using var stop = new CancellationTokenSource();
        var changes = Channel.CreateUnbounded<StreamedIdentifier>();
        Task watching = WatchAsync(client, changes.Writer, stop.Token);
        await Task.Delay(100);

        Conversation created = await client.Conversations.CreateSpecificConversationAsync(seededConversation: new SeededConversation
        {
            Type = ConversationTypeEnum.Copilot,
            Name = "Snippet review",
            Messages = [new SeededConversationMessage { Role = QgptConversationMessageRoleEnum.User, Fragment = Text("What does this snippet do?") }],
        });
        ConsoleView.Step("created", $"conversation {ConsoleView.Short(created.Id)} \"{created.Name}\"");
        await ExpectAsync(changes.Reader, created.Id, deleted: false);

        string? assetId = target.Live ? Environment.GetEnvironmentVariable("PIECES_ASSET_ID") : Guid.NewGuid().ToString();
        string? fromAssetId = null;
        if (Guid.TryParse(assetId, out Guid asset))
        {
            ConversationsCreateFromAssetOutput fromAsset = await client.Conversations.CreateFromAssetAsync(asset);
            fromAssetId = fromAsset.Conversation.Id;
            string summary = fromAsset.Conversation.Reference?.Messages.Iterable.FirstOrDefault()?.Reference?.Fragment?.String?.Raw ?? "";
            ConsoleView.Step("from asset", $"conversation {ConsoleView.Short(fromAssetId)}: {summary}");
            await ExpectAsync(changes.Reader, fromAssetId, deleted: false);
        }
        else
        {
            ConsoleView.Step("from asset", "skipped: set PIECES_ASSET_ID to an asset's id");
        }

        FlattenedConversations identifiers = await client.Conversations.IdentifiersSnapshotAsync();
        ConsoleView.Step("list", $"{identifiers.Iterable.Count} conversation(s)");

        PiecesOs.Conversations all = await client.Conversations.SnapshotAsync(transferables: true);
        Conversation fetched = all.Iterable.First(c => c.Id == created.Id);
        string first = fetched.Messages.Iterable.FirstOrDefault()?.Reference?.Fragment?.String?.Raw ?? "";
        ConsoleView.Step("fetch", $"\"{fetched.Name}\", {fetched.Messages.Iterable.Count} message(s): \"{first}\"");

        foreach (string id in new[] { created.Id, fromAssetId }.OfType<string>())
        {
            await client.Conversations.DeleteSpecificConversationAsync(id);
            ConsoleView.Step("delete", $"conversation {ConsoleView.Short(id)}");
            await ExpectAsync(changes.Reader, id, deleted: true);
        }

        stop.Cancel();
        await watching;
    }

    private static FragmentFormat Text(string text) => new() { String = new TransferableString { Raw = text } };

    private static async Task WatchAsync(PiecesClient client, ChannelWriter<StreamedIdentifier> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (StreamedIdentifiers message in client.Conversations.StreamIdentifiersAsync(cancellationToken))
            {
                foreach (StreamedIdentifier identifier in message.Iterable)
                {
                    changes.TryWrite(identifier);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            changes.TryComplete();
        }
    }

    /// <summary>Waits for the WebSocket to report a change to <paramref name="id"/> and prints it.</summary>
    private static async Task ExpectAsync(ChannelReader<StreamedIdentifier> changes, string id, bool deleted)
    {
        using var wait = new CancellationTokenSource(WatchWait);
        try
        {
            await foreach (StreamedIdentifier change in changes.ReadAllAsync(wait.Token))
            {
                if (change.Conversation?.Id == id && (change.Deleted ?? false) == deleted)
                {
                    ConsoleView.Step("websocket", $"conversation {ConsoleView.Short(id)} {(deleted ? "deleted" : "changed")}");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        ConsoleView.Problem($"the identifier stream did not report {ConsoleView.Short(id)} within {WatchWait.TotalSeconds:0} s");
    }
}
