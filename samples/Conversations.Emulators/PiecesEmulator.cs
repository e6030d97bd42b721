using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Emulators;

/// <summary>
/// Pieces OS's conversations API as a local Pieces OS serves it. <c>/conversations/stream/identifiers</c> is a
/// WebSocket: it first sends every conversation's identifier, then one message per created, changed or deleted one.
/// </summary>
public sealed class PiecesEmulator : EmulatorServer
{
    private static readonly JsonObject Schema = new() { ["migration"] = 0, ["semantic"] = "MAJOR_0_MINOR_0_PATCH_1" };
    private readonly ConcurrentDictionary<string, JsonObject> _conversations = new();
    private readonly ConcurrentDictionary<Channel<string>, bool> _watchers = new();

    private PiecesEmulator()
    {
    }

    protected override string BasePath => "";

    public static async Task<PiecesEmulator> StartAsync()
    {
        var emulator = new PiecesEmulator();
        await emulator.StartServerAsync();
        return emulator;
    }

    protected override async Task HandleAsync(HttpContext context, string[] segments)
    {
        string method = context.Request.Method;
        switch (segments)
        {
            case ["conversations", "stream", "identifiers"] when context.WebSockets.IsWebSocketRequest:
                await StreamIdentifiersAsync(context);
                break;
            case ["conversations", "stream", "identifiers"] when method == "GET":
                // Without the WebSocket upgrade, the first message the socket would send.
                await WriteJsonAsync(context, 200, JsonNode.Parse(IdentifiersSnapshot())!);
                break;
            case ["conversations"] when method == "GET":
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["iterable"] = new JsonArray(Ordered().Select(c => c.DeepClone()).ToArray()),
                    ["schema"] = Schema.DeepClone(),
                });
                break;
            case ["conversations", "identifiers"] when method == "GET":
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["iterable"] = new JsonArray(Ordered().Select(c => (JsonNode)Reference((string)c["id"]!)).ToArray()),
                    ["schema"] = Schema.DeepClone(),
                });
                break;
            case ["conversations", "create"] when method == "POST":
                JsonObject seeded = await ReadJsonAsync(context);
                JsonObject created = Create((string?)seeded["name"], seeded["messages"]?.AsArray()
                    .Select(m => ((string?)m?["role"] ?? "USER", (string?)m?["fragment"]?["string"]?["raw"] ?? "")).ToArray() ?? []);
                await WriteJsonAsync(context, 200, created.DeepClone());
                break;
            case ["conversations", "create", "from_asset", string asset] when method == "POST":
                if (!Guid.TryParse(asset, out _))
                {
                    await WriteTextAsync(context, 500, $"Asset {asset} is not a valid id.");
                    break;
                }

                string summary = $"This asset ({asset[..8]}) holds a small, self-contained snippet; it reads input, transforms it and writes the result.";
                JsonObject fromAsset = Create($"Asset {asset[..8]}", [("ASSISTANT", summary)]);
                JsonObject reference = Reference((string)fromAsset["id"]!);
                reference["reference"] = Flatten(fromAsset);
                await WriteJsonAsync(context, 200, new JsonObject { ["conversation"] = reference, ["schema"] = Schema.DeepClone() });
                break;
            case ["conversations", string id, "delete"] when method == "POST":
                if (!_conversations.TryRemove(id, out _))
                {
                    await WriteTextAsync(context, 500, $"Conversation {id} does not exist.");
                    break;
                }

                Publish(id, deleted: true);
                await WriteStatusAsync(context, 204);
                break;
            default:
                await WriteTextAsync(context, 500, "No such route.");
                break;
        }
    }

    private JsonObject Create(string? name, (string Role, string Text)[] messages)
    {
        string id = Guid.NewGuid().ToString();
        JsonObject now = Timestamp();
        var conversation = new JsonObject
        {
            ["schema"] = Schema.DeepClone(),
            ["id"] = id,
            ["name"] = name ?? "New Conversation",
            ["created"] = now.DeepClone(),
            ["updated"] = now.DeepClone(),
            ["favorited"] = false,
            ["type"] = "COPILOT",
            ["messages"] = new JsonObject
            {
                ["iterable"] = new JsonArray(messages.Select(m => (JsonNode)Message(id, m.Role, m.Text)).ToArray()),
                ["indices"] = new JsonObject(),
            },
        };
        _conversations[id] = conversation;
        Publish(id, deleted: false);
        return conversation;
    }

    private static JsonObject Message(string conversationId, string role, string text)
    {
        string id = Guid.NewGuid().ToString();
        return new JsonObject
        {
            ["id"] = id,
            ["reference"] = new JsonObject
            {
                ["id"] = id,
                ["created"] = Timestamp(),
                ["updated"] = Timestamp(),
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["role"] = role,
                ["fragment"] = new JsonObject { ["string"] = new JsonObject { ["raw"] = text } },
            },
        };
    }

    /// <summary>A conversation as a FlattenedConversation: the emulator already keeps its messages by reference, so the members match.</summary>
    private static JsonObject Flatten(JsonObject conversation) => conversation.DeepClone().AsObject();

    private static JsonObject Reference(string id) => new() { ["id"] = id };

    private static JsonObject Timestamp()
    {
        return new JsonObject { ["value"] = Now(), ["readable"] = "just now" };
    }

    private JsonObject[] Ordered() =>
        _conversations.Values.OrderBy(c => (string)c["created"]!["value"]!, StringComparer.Ordinal).ThenBy(c => (string)c["id"]!, StringComparer.Ordinal).ToArray();

    private void Publish(string id, bool deleted)
    {
        string message = new JsonObject
        {
            ["iterable"] = new JsonArray(new JsonObject { ["conversation"] = Reference(id), ["deleted"] = deleted }),
        }.ToJsonString();
        foreach (Channel<string> watcher in _watchers.Keys)
        {
            watcher.Writer.TryWrite(message);
        }
    }

    private async Task StreamIdentifiersAsync(HttpContext context)
    {
        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        var watcher = Channel.CreateUnbounded<string>();
        _watchers[watcher] = true;
        try
        {
            await SendAsync(socket, IdentifiersSnapshot(), context.RequestAborted);

            Task<WebSocketReceiveResult> closed = socket.ReceiveAsync(new byte[256], context.RequestAborted);
            while (true)
            {
                Task<bool> next = watcher.Reader.WaitToReadAsync(context.RequestAborted).AsTask();
                if (await Task.WhenAny(closed, next) == closed)
                {
                    break;
                }

                while (watcher.Reader.TryRead(out string? message))
                {
                    await SendAsync(socket, message, context.RequestAborted);
                }
            }

            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The watcher went away without a close handshake; nothing is left to tell it.
        }
        finally
        {
            _watchers.TryRemove(watcher, out _);
        }
    }

    private string IdentifiersSnapshot() => new JsonObject
    {
        ["iterable"] = new JsonArray(Ordered().Select(c => (JsonNode)new JsonObject { ["conversation"] = Reference((string)c["id"]!) }).ToArray()),
    }.ToJsonString();

    private static Task SendAsync(WebSocket socket, string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(text);
    }
}
