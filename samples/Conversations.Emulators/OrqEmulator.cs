using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Emulators;

/// <summary>
/// Orq.ai's conversations under <c>/v2/conversations</c>. A reply streams as data-only JSON events
/// (<c>response.started</c>, <c>part.delta</c>, <c>part.done</c>, <c>response.done</c>) followed by <c>data: [DONE]</c>.
/// </summary>
public sealed class OrqEmulator : EmulatorServer
{
    private const string UserId = "user_01JJ1HDHN79XAS7A01WB3HYSDB";
    private readonly ConcurrentDictionary<string, JsonObject> _conversations = new();
    private readonly ConcurrentDictionary<string, JsonArray> _messages = new();
    private long _nextId;

    private OrqEmulator()
    {
    }

    protected override string BasePath => "";

    public static async Task<OrqEmulator> StartAsync()
    {
        var emulator = new OrqEmulator();
        await emulator.StartServerAsync();
        return emulator;
    }

    protected override async Task HandleAsync(HttpContext context, string[] segments)
    {
        string method = context.Request.Method;
        switch (segments)
        {
            case ["v2", "conversations"] when method == "GET":
                await WriteJsonAsync(context, 200, List(context.Request.Query));
                break;
            case ["v2", "conversations"] when method == "POST":
                await WriteJsonAsync(context, 201, await CreateAsync(context));
                break;
            case ["v2", "conversations", string id, ..] when _conversations.TryGetValue(id, out JsonObject? conversation):
                await HandleConversationAsync(context, method, conversation, segments[3..]);
                break;
            case ["v2", "conversations", _, ..]:
                await WriteJsonAsync(context, 404, new JsonObject { ["error"] = "Conversation not found" });
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private async Task HandleConversationAsync(HttpContext context, string method, JsonObject conversation, string[] rest)
    {
        string id = (string)conversation["_id"]!;
        switch (rest)
        {
            case [] when method == "GET":
                JsonObject found = conversation.DeepClone().AsObject();
                found["messages"] = _messages[id].DeepClone();
                await WriteJsonAsync(context, 200, found);
                break;
            case [] when method == "PATCH":
                JsonObject update = await ReadJsonAsync(context);
                if (update["displayName"] is JsonNode name)
                {
                    conversation["displayName"] = (string?)name;
                }

                if (update["metadata"] is JsonObject metadata)
                {
                    foreach ((string key, JsonNode? value) in metadata)
                    {
                        conversation["metadata"]![key] = value?.DeepClone();
                    }
                }

                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case [] when method == "DELETE":
                _conversations.TryRemove(id, out _);
                _messages.TryRemove(id, out _);
                await WriteStatusAsync(context, 204);
                break;
            case ["generate-name"] when method == "POST":
                JsonObject request = await ReadJsonAsync(context);
                string source = (string?)request["context"] ?? "";
                if (source.Length == 0)
                {
                    await WriteJsonAsync(context, 400, new JsonObject { ["error"] = "context must not be empty" });
                    break;
                }

                conversation["displayName"] = CannedReplies.Title(source);
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["responses"] when method == "POST":
                await StreamResponseAsync(context, conversation);
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private async Task<JsonObject> CreateAsync(HttpContext context)
    {
        JsonObject request = await ReadJsonAsync(context);
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var conversation = new JsonObject
        {
            ["_id"] = NextId("conv"),
            ["kind"] = "conversation",
            ["displayName"] = (string?)request["displayName"] ?? "Untitled",
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["createdById"] = UserId,
            ["updatedById"] = UserId,
            ["metadata"] = new JsonObject
            {
                ["generatingTitle"] = false,
                ["entityId"] = (string?)request["metadata"]?["entityId"],
                ["model"] = (string?)request["metadata"]?["model"],
            },
        };
        string id = (string)conversation["_id"]!;
        _conversations[id] = conversation;
        _messages[id] = new JsonArray();
        return conversation.DeepClone().AsObject();
    }

    private JsonObject List(IQueryCollection query)
    {
        int limit = int.TryParse(query["limit"], out int l) ? l : 10;
        string? entityId = query["entityId"];
        JsonObject[] matching = _conversations.Values
            .Where(c => entityId is null || (string?)c["metadata"]?["entityId"] == entityId)
            .OrderByDescending(c => (long)c["createdAt"]!)
            .ThenByDescending(c => (string)c["_id"]!, StringComparer.Ordinal)
            .ToArray();
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(matching.Take(limit).Select(c => c.DeepClone()).ToArray()),
            ["has_more"] = matching.Length > limit,
        };
    }

    private async Task StreamResponseAsync(HttpContext context, JsonObject conversation)
    {
        JsonObject request = await ReadJsonAsync(context);
        string id = (string)conversation["_id"]!;
        string model = (string?)request["model"] ?? "openai/gpt-4o";
        string question = string.Concat((request["message"]?["parts"]?.AsArray() ?? new JsonArray())
            .Where(p => (string?)p?["kind"] == "text").Select(p => (string?)p!["text"]));
        string userMessageId = (string?)request["message"]?["messageId"] ?? NextId("msg");
        string assistantMessageId = NextId("msg");
        string partId = NextId("part");

        _messages[id].Add((JsonNode)Message(userMessageId, id, "user", question));
        if (!WantsEventStream(context, request, streamByDefault: true))
        {
            // Orq documents only the stream; a request that turns it off gets the finished reply at once.
            string reply = CannedReplies.Answer("Orq", question);
            _messages[id].Add((JsonNode)Message(assistantMessageId, id, "assistant", reply));
            Touch(conversation);
            await WriteJsonAsync(context, 200, new JsonObject { ["model"] = model, ["message"] = Message(assistantMessageId, id, "assistant", reply), ["finishReason"] = "stop" });
            return;
        }

        await StartEventStreamAsync(context);
        await WriteOrqEventAsync(context, "response.started", new JsonObject
        {
            ["responseId"] = NextId("resp"),
            ["taskId"] = (string?)request["task_id"] ?? NextId("task"),
            ["model"] = model,
            ["workflowRunId"] = NextId("wf"),
            ["userMessageId"] = userMessageId,
            ["assistantMessageId"] = assistantMessageId,
        });

        string answer = CannedReplies.Answer("Orq", question);
        int tokens = 0;
        foreach (string token in CannedReplies.Tokens(answer))
        {
            await PauseBetweenTokensAsync(context.RequestAborted);
            tokens++;
            await WriteOrqEventAsync(context, "part.delta", new JsonObject
            {
                ["partId"] = partId,
                ["delta"] = new JsonObject { ["_id"] = partId, ["kind"] = "text", ["text"] = token },
            });
        }

        await WriteOrqEventAsync(context, "part.done", new JsonObject
        {
            ["partId"] = partId,
            ["part"] = new JsonObject { ["_id"] = partId, ["kind"] = "text", ["text"] = answer },
        });
        _messages[id].Add((JsonNode)Message(assistantMessageId, id, "assistant", answer));
        Touch(conversation);
        int promptTokens = CannedReplies.Tokens(question).Count;
        await WriteOrqEventAsync(context, "response.done", new JsonObject
        {
            ["finishReason"] = "stop",
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = tokens, ["total_tokens"] = promptTokens + tokens },
        });
        await WriteEventAsync(context, null, "[DONE]");
    }

    private static Task WriteOrqEventAsync(HttpContext context, string type, JsonObject data) =>
        WriteEventAsync(context, null, new JsonObject { ["type"] = type, ["timestamp"] = Now(), ["data"] = data }.ToJsonString());

    private static JsonObject Message(string id, string conversationId, string role, string text) => new()
    {
        ["_id"] = id,
        ["conversationId"] = conversationId,
        ["createdAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        ["createdById"] = role == "user" ? UserId : "assistant",
        ["parts"] = new JsonArray(new JsonObject { ["kind"] = "text", ["text"] = text }),
        ["role"] = role,
    };

    private static JsonObject Touch(JsonObject conversation)
    {
        conversation["updatedAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return conversation.DeepClone().AsObject();
    }

    private string NextId(string prefix) => $"{prefix}_01JJ{Interlocked.Increment(ref _nextId):D22}";
}
