using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Emulators;

/// <summary>
/// Mistral's beta conversations under <c>/v1/conversations</c>. Start, append and restart answer with JSON, or with
/// <c>event:</c>/<c>data:</c> frames when the body says <c>"stream": true</c> (the same URL serves both).
/// </summary>
public sealed class MistralEmulator : EmulatorServer
{
    private const string DefaultModel = "mistral-medium-latest";
    private readonly ConcurrentDictionary<string, JsonObject> _conversations = new();
    private readonly ConcurrentDictionary<string, JsonArray> _entries = new();
    private long _nextId;

    private MistralEmulator()
    {
    }

    protected override string BasePath => "";

    public static async Task<MistralEmulator> StartAsync()
    {
        var emulator = new MistralEmulator();
        await emulator.StartServerAsync();
        return emulator;
    }

    protected override async Task HandleAsync(HttpContext context, string[] segments)
    {
        string method = context.Request.Method;
        switch (segments)
        {
            case ["v1", "conversations"] when method == "GET":
                await WriteJsonAsync(context, 200, List(context.Request.Query));
                break;
            case ["v1", "conversations"] when method == "POST":
                JsonObject start = await ReadJsonAsync(context);
                await AnswerAsync(context, Start(start), start);
                break;
            case ["v1", "conversations", string id, ..] when _conversations.TryGetValue(id, out JsonObject? conversation):
                await HandleConversationAsync(context, method, conversation, segments[3..]);
                break;
            case ["v1", "conversations", _, ..]:
                await WriteJsonAsync(context, 404, new JsonObject { ["object"] = "error", ["message"] = "Conversation not found", ["type"] = "invalid_request_error", ["code"] = "3001" });
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private async Task HandleConversationAsync(HttpContext context, string method, JsonObject conversation, string[] rest)
    {
        string id = (string)conversation["id"]!;
        switch (rest)
        {
            case [] when method == "GET":
                await WriteJsonAsync(context, 200, conversation.DeepClone());
                break;
            case [] when method == "POST":
                await AnswerAsync(context, conversation, await ReadJsonAsync(context));
                break;
            case ["history"] when method == "GET":
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["object"] = "conversation.history",
                    ["conversation_id"] = id,
                    ["entries"] = _entries[id].DeepClone(),
                });
                break;
            case ["messages"] when method == "GET":
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["object"] = "conversation.messages",
                    ["conversation_id"] = id,
                    ["messages"] = _entries[id].DeepClone(),
                });
                break;
            case ["restart"] when method == "POST":
                JsonObject restart = await ReadJsonAsync(context);
                JsonObject? branch = Restart(conversation, (string?)restart["from_entry_id"]);
                if (branch is null)
                {
                    await WriteJsonAsync(context, 400, new JsonObject { ["object"] = "error", ["message"] = "from_entry_id is not an entry of this conversation" });
                    break;
                }

                await AnswerAsync(context, branch, restart);
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    private JsonObject Start(JsonObject request)
    {
        string now = Now();
        string id = $"conv_{NextHex()}";
        var conversation = new JsonObject();
        if ((string?)request["agent_id"] is string agentId)
        {
            conversation["name"] = (string?)request["name"];
            conversation["description"] = (string?)request["description"];
            conversation["object"] = "conversation";
            conversation["id"] = id;
            conversation["created_at"] = now;
            conversation["updated_at"] = now;
            conversation["agent_id"] = agentId;
        }
        else
        {
            conversation["instructions"] = (string?)request["instructions"];
            conversation["tools"] = new JsonArray();
            conversation["completion_args"] = new JsonObject();
            conversation["name"] = (string?)request["name"];
            conversation["description"] = (string?)request["description"];
            conversation["object"] = "conversation";
            conversation["id"] = id;
            conversation["created_at"] = now;
            conversation["updated_at"] = now;
            conversation["model"] = (string?)request["model"] ?? DefaultModel;
        }

        _conversations[id] = conversation;
        _entries[id] = new JsonArray();
        return conversation;
    }

    private JsonObject? Restart(JsonObject conversation, string? fromEntryId)
    {
        JsonArray entries = _entries[(string)conversation["id"]!];
        int index = entries.Select(e => (string?)e!["id"]).ToList().IndexOf(fromEntryId);
        if (index < 0)
        {
            return null;
        }

        JsonObject branch = conversation.DeepClone().AsObject();
        string id = $"conv_{NextHex()}";
        branch["id"] = id;
        branch["created_at"] = Now();
        branch["updated_at"] = Now();
        _conversations[id] = branch;
        _entries[id] = new JsonArray(entries.Take(index).Select(e => e!.DeepClone()).ToArray());
        return branch;
    }

    private async Task AnswerAsync(HttpContext context, JsonObject conversation, JsonObject request)
    {
        string id = (string)conversation["id"]!;
        string question = Question(request["inputs"]);
        string answer = CannedReplies.Answer("Mistral", question);
        string model = (string?)conversation["model"] ?? DefaultModel;
        JsonObject input = Entry("message.input", "user", question, null);
        JsonObject output = Entry("message.output", "assistant", answer, conversation);
        var usage = new JsonObject
        {
            ["prompt_tokens"] = CannedReplies.Tokens(question).Count,
            ["completion_tokens"] = CannedReplies.Tokens(answer).Count,
            ["total_tokens"] = CannedReplies.Tokens(question).Count + CannedReplies.Tokens(answer).Count,
            ["connector_tokens"] = null,
            ["connectors"] = null,
        };
        if ((bool?)request["store"] ?? true)
        {
            _entries[id].Add((JsonNode)input);
            _entries[id].Add((JsonNode)output);
            conversation["updated_at"] = Now();
        }

        if (!WantsEventStream(context, request, streamByDefault: false))
        {
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["object"] = "conversation.response",
                ["conversation_id"] = id,
                ["outputs"] = new JsonArray(output.DeepClone()),
                ["usage"] = usage,
            });
            return;
        }

        await StartEventStreamAsync(context);
        await WriteMistralEventAsync(context, new JsonObject { ["type"] = "conversation.response.started", ["created_at"] = Now(), ["conversation_id"] = id });
        int index = 0;
        foreach (string token in CannedReplies.Tokens(answer))
        {
            await PauseBetweenTokensAsync(context.RequestAborted);
            await WriteMistralEventAsync(context, new JsonObject
            {
                ["type"] = "message.output.delta",
                ["created_at"] = Now(),
                ["output_index"] = 0,
                ["id"] = (string?)output["id"],
                ["content_index"] = index++,
                ["model"] = model,
                ["agent_id"] = (string?)conversation["agent_id"],
                ["role"] = "assistant",
                ["content"] = token,
            });
        }

        await WriteMistralEventAsync(context, new JsonObject { ["type"] = "conversation.response.done", ["created_at"] = Now(), ["usage"] = usage });
    }

    private static Task WriteMistralEventAsync(HttpContext context, JsonObject data) =>
        WriteEventAsync(context, (string)data["type"]!, data.ToJsonString());

    private JsonObject Entry(string type, string role, string content, JsonObject? conversation)
    {
        string now = Now();
        var entry = new JsonObject
        {
            ["object"] = "entry",
            ["type"] = type,
            ["created_at"] = now,
            ["completed_at"] = now,
        };
        if (conversation is not null)
        {
            entry["agent_id"] = (string?)conversation["agent_id"];
            entry["model"] = (string?)conversation["model"];
        }

        entry["id"] = $"msg_{NextHex()}";
        entry["role"] = role;
        entry["content"] = content;
        return entry;
    }

    private JsonArray List(IQueryCollection query)
    {
        int page = int.TryParse(query["page"], out int p) ? p : 0;
        int pageSize = int.TryParse(query["page_size"], out int s) ? s : 100;
        return new JsonArray(_conversations.Values
            .OrderByDescending(c => (string)c["created_at"]!, StringComparer.Ordinal)
            .ThenByDescending(c => (string)c["id"]!, StringComparer.Ordinal)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(c => c.DeepClone())
            .ToArray());
    }

    /// <summary>The user's text from <c>inputs</c>: a plain string, or the last user entry of a list.</summary>
    private static string Question(JsonNode? inputs)
    {
        if (inputs is JsonValue text && text.TryGetValue(out string? plain))
        {
            return plain;
        }

        JsonNode? last = (inputs as JsonArray)?.LastOrDefault(e => (string?)e?["role"] == "user");
        return last?["content"] switch
        {
            JsonValue value when value.TryGetValue(out string? content) => content,
            JsonArray chunks => string.Concat(chunks.Select(c => (string?)c?["text"])),
            _ => "",
        };
    }

    private string NextHex() => Interlocked.Increment(ref _nextId).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
