using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Conversations.Emulators;

/// <summary>
/// A local model server shaped like Ollama, at the root as the real one is (<c>/api/...</c>): chat, generate and pull. As the real server does, each
/// answers with <c>application/x-ndjson</c> unless the body says <c>"stream": false</c> (streaming is the default),
/// and then with one <c>application/json</c> object.
/// </summary>
/// <remarks>
/// Streamed lines go out in writes of <see cref="WriteSize"/> bytes, so most lines, and the multi-byte characters in
/// every reply, are split between two writes, as they are over a real network.
/// </remarks>
public sealed class OllamaEmulator : EmulatorServer
{
    private const string Digest = "sha256:6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ConcurrentDictionary<string, bool> _models = new(StringComparer.Ordinal) { ["llama3.2"] = true, ["gemma3"] = true };

    private OllamaEmulator()
    {
    }

    /// <summary>How many bytes of a streamed answer each write carries.</summary>
    public int WriteSize { get; set; } = 5;

    /// <summary>Every request, in the order received, so tests can see what a client sent.</summary>
    public ConcurrentQueue<OllamaRequest> Requests { get; } = new();

    protected override string BasePath => "";

    public static async Task<OllamaEmulator> StartAsync()
    {
        var emulator = new OllamaEmulator();
        await emulator.StartServerAsync();
        return emulator;
    }

    /// <summary>What the model answers to <paramref name="question"/>; the dash and the llama are 3 and 4 bytes of UTF-8.</summary>
    public static string Reply(string question) => CannedReplies.Answer("Llama", question) + " — 🦙";

    protected override async Task HandleAsync(HttpContext context, string[] segments)
    {
        if (context.Request.Method != "POST")
        {
            await NotFoundAsync(context, "route");
            return;
        }

        JsonObject body = await ReadJsonAsync(context);
        Requests.Enqueue(new OllamaRequest(context.Request.Path.Value ?? "", context.Request.Headers.Accept.ToString(), (JsonObject)body.DeepClone()));
        string model = (string?)body["model"] ?? "";
        bool stream = body["stream"] is not JsonValue flag || (bool)flag;
        switch (segments)
        {
            case ["api", "pull"]:
                _models[model] = true;
                await AnswerAsync(context, stream, Pull(), new JsonObject { ["status"] = "success" });
                break;
            case ["api", "chat" or "generate"] when !_models.ContainsKey(model):
                await WriteErrorAsync(context, 404, $"model '{model}' not found");
                break;
            case ["api", "chat"]:
                string question = LastUserMessage(body);
                await AnswerAsync(context, stream, Chat(model, question), ChatAnswer(model, question));
                break;
            case ["api", "generate"]:
                string prompt = (string?)body["prompt"] ?? "";
                await AnswerAsync(context, stream, Generate(model, prompt), GenerateAnswer(model, prompt));
                break;
            default:
                await NotFoundAsync(context, "route");
                break;
        }
    }

    // Written as the real server writes it, with the quotes around the model's name left as they are.
    private static Task WriteErrorAsync(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(Relaxed));
    }

    private async Task AnswerAsync(HttpContext context, bool stream, IEnumerable<JsonObject> lines, JsonObject whole)
    {
        if (!stream)
        {
            await WriteJsonAsync(context, 200, whole);
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-ndjson";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        foreach (JsonObject line in lines)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line.ToJsonString(Relaxed) + "\n");
            for (int offset = 0; offset < bytes.Length; offset += WriteSize)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(WriteSize, bytes.Length - offset)), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            await PauseBetweenTokensAsync(context.RequestAborted);
        }
    }

    private static IEnumerable<JsonObject> Chat(string model, string question)
    {
        foreach (string token in CannedReplies.Tokens(Reply(question)))
        {
            yield return new JsonObject
            {
                ["model"] = model,
                ["created_at"] = Now(),
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = token },
                ["done"] = false,
            };
        }

        JsonObject last = ChatAnswer(model, question);
        last["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" };
        yield return last;
    }

    private static JsonObject ChatAnswer(string model, string question) => Totals(new JsonObject
    {
        ["model"] = model,
        ["created_at"] = Now(),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply(question) },
        ["done"] = true,
        ["done_reason"] = "stop",
    });

    private static IEnumerable<JsonObject> Generate(string model, string prompt)
    {
        foreach (string token in CannedReplies.Tokens(Reply(prompt)))
        {
            yield return new JsonObject { ["model"] = model, ["created_at"] = Now(), ["response"] = token, ["done"] = false };
        }

        JsonObject last = GenerateAnswer(model, prompt);
        last["response"] = "";
        yield return last;
    }

    private static JsonObject GenerateAnswer(string model, string prompt) => Totals(new JsonObject
    {
        ["model"] = model,
        ["created_at"] = Now(),
        ["response"] = Reply(prompt),
        ["done"] = true,
        ["done_reason"] = "stop",
    });

    private static IEnumerable<JsonObject> Pull()
    {
        const long total = 2_019_393_189;
        yield return new JsonObject { ["status"] = "pulling manifest" };
        for (int part = 1; part <= 4; part++)
        {
            yield return new JsonObject { ["status"] = "pulling " + Digest.Substring(7, 12), ["digest"] = Digest, ["total"] = total, ["completed"] = total * part / 4 };
        }

        yield return new JsonObject { ["status"] = "verifying sha256 digest" };
        yield return new JsonObject { ["status"] = "writing manifest" };
        yield return new JsonObject { ["status"] = "success" };
    }

    // The timings the real server reports with its last item, in nanoseconds.
    private static JsonObject Totals(JsonObject answer)
    {
        answer["done"] = true;
        answer["done_reason"] = "stop";
        answer["total_duration"] = 174_560_334;
        answer["load_duration"] = 101_397_084;
        answer["prompt_eval_count"] = 11;
        answer["prompt_eval_duration"] = 13_074_791;
        answer["eval_count"] = 18;
        answer["eval_duration"] = 52_479_709;
        return answer;
    }

    private static string LastUserMessage(JsonObject body)
    {
        string question = "";
        if (body["messages"] is JsonArray messages)
        {
            foreach (JsonNode? message in messages)
            {
                if ((string?)message?["role"] == "user")
                {
                    question = (string?)message["content"] ?? "";
                }
            }
        }

        return question;
    }
}

/// <summary>One request as the emulator received it.</summary>
/// <param name="Path">The request's path.</param>
/// <param name="Accept">Its <c>Accept</c> header, empty when it sent none.</param>
/// <param name="Body">Its JSON body.</param>
public sealed record OllamaRequest(string Path, string Accept, JsonObject Body);
