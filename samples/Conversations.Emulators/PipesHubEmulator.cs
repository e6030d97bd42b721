using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Emulators;

/// <summary>
/// PipesHub's conversation and agent-conversation API under <c>/api/v1</c>. Streams answer with named events
/// (<c>connected</c>, <c>chunk</c>, <c>complete</c>) whose data is JSON text, as PipesHub's server sends them.
/// </summary>
public sealed class PipesHubEmulator : EmulatorServer
{
    private const string UserId = "665f00000000000000000001";
    private const string OrgId = "665f00000000000000000002";
    private readonly ConcurrentDictionary<string, JsonObject> _conversations = new();
    private long _nextId;

    private PipesHubEmulator()
    {
    }

    protected override string BasePath => "/api/v1";

    public static async Task<PipesHubEmulator> StartAsync()
    {
        var emulator = new PipesHubEmulator();
        await emulator.StartServerAsync();
        return emulator;
    }

    protected override async Task HandleAsync(HttpContext context, string[] segments)
    {
        string method = context.Request.Method;
        switch (segments)
        {
            case ["conversations", "create"] when method == "POST":
                await WriteJsonAsync(context, 201, await CreateAsync(context, agentKey: null));
                break;
            case ["conversations", "stream"] when method == "POST":
                await StreamNewAsync(context, agentKey: null);
                break;
            case ["conversations"] when method == "GET":
                await WriteJsonAsync(context, 200, List(agentKey: null, archived: false));
                break;
            case ["conversations", "show", "archives"] when method == "GET":
                await WriteJsonAsync(context, 200, List(agentKey: null, archived: true));
                break;
            case ["agents", string agentKey, "conversations"] when method == "GET":
                await WriteJsonAsync(context, 200, List(agentKey, archived: false));
                break;
            case ["agents", string agentKey, "conversations"] when method == "POST":
                await WriteJsonAsync(context, 201, await CreateAsync(context, agentKey));
                break;
            case ["agents", string agentKey, "conversations", "stream"] when method == "POST":
                await StreamNewAsync(context, agentKey);
                break;
            case ["conversations", string id, ..]:
                await HandleConversationAsync(context, method, Find(id, agentKey: null), segments[2..]);
                break;
            case ["agents", string agentKey, "conversations", string id, ..]:
                await HandleConversationAsync(context, method, Find(id, agentKey), segments[4..]);
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private async Task HandleConversationAsync(HttpContext context, string method, JsonObject? conversation, string[] rest)
    {
        if (conversation is null)
        {
            await NotFoundAsync(context, "conversation");
            return;
        }

        string id = (string)conversation["_id"]!;
        bool agent = conversation.ContainsKey("agentKey");
        switch (rest)
        {
            case [] when method == "GET":
                JsonObject found = Snapshot(conversation);
                if (!agent)
                {
                    int messages = conversation["messages"]!.AsArray().Count;
                    found["pagination"] = new JsonObject { ["page"] = 1, ["limit"] = 20, ["totalMessages"] = messages, ["totalPages"] = 1 };
                }

                await WriteJsonAsync(context, 200, found);
                break;
            case [] when method == "DELETE":
                _conversations.TryRemove(id, out _);
                if (agent)
                {
                    await WriteStatusAsync(context, 200);
                }
                else
                {
                    await WriteJsonAsync(context, 200, new JsonObject { ["message"] = "Conversation deleted successfully" });
                }

                break;
            case ["messages"] when method == "POST":
                JsonObject added = await ReadJsonAsync(context);
                AddExchange(conversation, (string?)added["query"] ?? "");
                await WriteJsonAsync(context, 200, Snapshot(conversation));
                break;
            case ["messages", "stream"] when method == "POST":
                JsonObject streamed = await ReadJsonAsync(context);
                await StreamAnswerAsync(context, conversation, (string?)streamed["query"] ?? "");
                break;
            case ["share"] when method == "POST" && !agent:
                JsonObject share = await ReadJsonAsync(context);
                string access = (string?)share["accessLevel"] ?? "read";
                var sharedWith = conversation["sharedWith"]!.AsArray();
                foreach (JsonNode? user in share["userIds"]?.AsArray() ?? new JsonArray())
                {
                    sharedWith.Add((JsonNode)new JsonObject { ["userId"] = (string?)user, ["accessLevel"] = access });
                }

                conversation["isShared"] = sharedWith.Count > 0;
                conversation["shareLink"] = $"https://pipeshub.example/share/{id}";
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["unshare"] when method == "POST" && !agent:
                JsonObject unshare = await ReadJsonAsync(context);
                string[] revoked = (unshare["userIds"]?.AsArray() ?? new JsonArray()).Select(u => (string?)u ?? "").ToArray();
                var remaining = new JsonArray(conversation["sharedWith"]!.AsArray()
                    .Where(s => !revoked.Contains((string?)s!["userId"])).Select(s => s!.DeepClone()).ToArray());
                conversation["sharedWith"] = remaining;
                conversation["isShared"] = remaining.Count > 0;
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["title"] when method == "PATCH" && !agent:
                JsonObject title = await ReadJsonAsync(context);
                conversation["title"] = (string?)title["title"] ?? "";
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["archive" or "unarchive"] when method == "PATCH" && !agent:
                bool archive = rest[0] == "archive";
                conversation["isArchived"] = archive;
                conversation["archivedBy"] = archive ? UserId : null;
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["message", string messageId, "regenerate"] when method == "POST":
                JsonObject? answer = FindMessage(conversation, messageId);
                if (answer is null || (string?)answer["messageType"] != "bot_response")
                {
                    await NotFoundAsync(context, "bot response");
                    break;
                }

                answer["content"] = "Let me put that another way: " + (string?)answer["content"];
                answer["updatedAt"] = Now();
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            case ["message", string messageId, "feedback"] when method == "POST" && !agent:
                JsonObject? rated = FindMessage(conversation, messageId);
                if (rated is null)
                {
                    await NotFoundAsync(context, "message");
                    break;
                }

                rated["feedback"]!.AsArray().Add((JsonNode)await ReadJsonAsync(context));
                await WriteJsonAsync(context, 200, Touch(conversation));
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private async Task<JsonObject> CreateAsync(HttpContext context, string? agentKey)
    {
        JsonObject request = await ReadJsonAsync(context);
        JsonObject conversation = NewConversation(agentKey, (string?)request["query"] ?? "", request);
        AddExchange(conversation, (string?)request["query"] ?? "");
        return Snapshot(conversation);
    }

    private async Task StreamNewAsync(HttpContext context, string? agentKey)
    {
        JsonObject request = await ReadJsonAsync(context);
        string query = (string?)request["query"] ?? "";
        await StreamAnswerAsync(context, NewConversation(agentKey, query, request), query);
    }

    private async Task StreamAnswerAsync(HttpContext context, JsonObject conversation, string query)
    {
        var clock = Stopwatch.StartNew();
        string id = (string)conversation["_id"]!;
        await StartEventStreamAsync(context);
        await WriteEventAsync(context, "connected", new JsonObject { ["message"] = "SSE connection established", ["conversationId"] = id }.ToJsonString());

        string answer = CannedReplies.Answer("PipesHub", query);
        string accumulated = "";
        foreach (string token in CannedReplies.Tokens(answer))
        {
            await PauseBetweenTokensAsync(context.RequestAborted);
            accumulated += token;
            var chunk = new JsonObject { ["chunk"] = token, ["accumulated"] = accumulated, ["citations"] = new JsonArray() };
            await WriteEventAsync(context, "chunk", chunk.ToJsonString());
        }

        AddExchange(conversation, query, answer);
        var complete = new JsonObject
        {
            ["conversation"] = Snapshot(conversation),
            ["meta"] = new JsonObject { ["requestId"] = $"req-{NextId()}", ["timestamp"] = Now(), ["duration"] = (int)clock.ElapsedMilliseconds },
        };
        await WriteEventAsync(context, "complete", complete.ToJsonString());
    }

    private JsonObject NewConversation(string? agentKey, string query, JsonObject request)
    {
        string now = Now();
        var conversation = new JsonObject
        {
            ["_id"] = NextId(),
            ["userId"] = UserId,
            ["orgId"] = OrgId,
            ["title"] = CannedReplies.Title(query),
            ["messages"] = new JsonArray(),
            ["status"] = "COMPLETED",
            ["isShared"] = false,
            ["sharedWith"] = new JsonArray(),
            ["lastActivityAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["createdAt"] = now,
            ["updatedAt"] = now,
        };
        if (agentKey is null)
        {
            conversation["initiator"] = UserId;
            conversation["isArchived"] = false;
            conversation["modelInfo"] = new JsonObject
            {
                ["modelKey"] = (string?)request["modelKey"] ?? "default",
                ["modelName"] = (string?)request["modelName"] ?? "PipesHub Default",
                ["modelProvider"] = "emulator",
                ["chatMode"] = (string?)request["chatMode"] ?? "balanced",
            };
        }
        else
        {
            conversation.Insert(1, "agentKey", agentKey);
        }

        _conversations[(string)conversation["_id"]!] = conversation;
        return conversation;
    }

    private void AddExchange(JsonObject conversation, string query, string? answer = null)
    {
        JsonArray messages = conversation["messages"]!.AsArray();
        messages.Add((JsonNode)NewMessage("user_query", query));
        messages.Add((JsonNode)NewMessage("bot_response", answer ?? CannedReplies.Answer("PipesHub", query)));
        Touch(conversation);
    }

    private JsonObject NewMessage(string type, string content)
    {
        string now = Now();
        return new JsonObject
        {
            ["_id"] = NextId(),
            ["messageType"] = type,
            ["content"] = content,
            ["contentFormat"] = "MARKDOWN",
            ["citations"] = new JsonArray(),
            ["followUpQuestions"] = new JsonArray(),
            ["feedback"] = new JsonArray(),
            ["createdAt"] = now,
            ["updatedAt"] = now,
        };
    }

    private JsonArray List(string? agentKey, bool archived) =>
        new(_conversations.Values
            .Where(c => (string?)c["agentKey"] == agentKey && ((bool?)c["isArchived"] ?? false) == archived)
            .OrderBy(c => (string)c["_id"]!, StringComparer.Ordinal)
            .Select(c => (JsonNode)Snapshot(c))
            .ToArray());

    private JsonObject? Find(string id, string? agentKey) =>
        _conversations.TryGetValue(id, out JsonObject? conversation) && (string?)conversation["agentKey"] == agentKey ? conversation : null;

    private static JsonObject? FindMessage(JsonObject conversation, string messageId) =>
        conversation["messages"]!.AsArray().Select(m => m!.AsObject()).FirstOrDefault(m => (string?)m["_id"] == messageId);

    private static JsonObject Touch(JsonObject conversation)
    {
        conversation["updatedAt"] = Now();
        conversation["lastActivityAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Snapshot(conversation);
    }

    private static JsonObject Snapshot(JsonObject conversation) => conversation.DeepClone().AsObject();

    private string NextId() => $"6660{Interlocked.Increment(ref _nextId):x20}";
}
