using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Mistral;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// Mistral's ten seed operations, made once through the official TypeScript SDK (@mistralai/mistralai) and once through
/// the client generated from specs/mistral.yaml, called as the README says (no stream flags, no fixed members set):
/// the two requests of each operation must agree but for the differences listed here with why they are harmless.
/// </summary>
public sealed class MistralConformanceTests
{
    public const string SdkPackage = "@mistralai/mistralai";
    public const string SdkVersion = "2.7.0";
    private const string ConversationId = "conv_0195";
    private const string ApiKey = "test-key";

    private static readonly string[] Operations =
    {
        "start", "list", "get", "append", "get_history", "get_messages", "restart", "start_stream", "append_stream", "restart_stream",
    };

    private const string StoreDefault = "the SDK writes the schema's default (store: true) where our client leaves the optional member out, and the server applies that default";
    private const string HandoffDefault = "the SDK writes the schema's default (handoff_execution: \"server\") where our client leaves the optional member out, and the server applies that default";

    /// <summary>
    /// Differences allowed between the SDK's request and ours: (operation, member), the value the SDK sends, and why the
    /// difference is harmless. Any other difference, or another value, fails the test.
    /// </summary>
    private static readonly Dictionary<(string Operation, string Field), (string SdkValue, string Reason)> Allowed = new()
    {
        [("append", "body.store")] = ("true", StoreDefault),
        [("append", "body.handoff_execution")] = ("\"server\"", HandoffDefault),
        [("restart", "body.store")] = ("true", StoreDefault),
        [("restart", "body.handoff_execution")] = ("\"server\"", HandoffDefault),
        [("append_stream", "body.store")] = ("true", StoreDefault),
        [("append_stream", "body.handoff_execution")] = ("\"server\"", HandoffDefault),
        [("restart_stream", "body.store")] = ("true", StoreDefault),
        [("restart_stream", "body.handoff_execution")] = ("\"server\"", HandoffDefault),
    };

    private const string Script = """
        import { Mistral } from "@mistralai/mistralai";
        const client = new Mistral({ apiKey: "test-key", serverURL: process.argv[2] });
        const c = client.beta.conversations;
        const id = "conv_0195";
        async function call(f) { try { await f(); } catch { } }
        async function stream(f) { try { const s = await f(); for await (const _ of s) { } } catch { } }
        await call(() => c.start({ inputs: "Hello", model: "mistral-small-latest" }));
        await call(() => c.list({ page: 0, pageSize: 20 }));
        await call(() => c.get({ conversationId: id }));
        await call(() => c.append({ conversationId: id, conversationAppendRequest: { inputs: "And?" } }));
        await call(() => c.getHistory({ conversationId: id }));
        await call(() => c.getMessages({ conversationId: id }));
        await call(() => c.restart({ conversationId: id, conversationRestartRequest: { inputs: "Again", fromEntryId: "msg_1" } }));
        await stream(() => c.startStream({ inputs: "Hello", model: "mistral-small-latest" }));
        await stream(() => c.appendStream({ conversationId: id, conversationAppendStreamRequest: { inputs: "And?" } }));
        await stream(() => c.restartStream({ conversationId: id, conversationRestartStreamRequest: { inputs: "Again", fromEntryId: "msg_1" } }));
        """;

    private readonly ITestOutputHelper _output;

    public MistralConformanceTests(ITestOutputHelper output) => _output = output;

    [NodeFact]
    public async Task The_ten_seed_requests_equal_the_official_sdks()
    {
        string sdk = await NodeSdk.EnsureInstalledAsync(SdkPackage, SdkVersion);
        await using CaptureServer server = await CaptureServer.StartAsync(Answer);

        await NodeSdk.RunScriptAsync(sdk, Script, server.BaseAddress.ToString().TrimEnd('/'));
        List<CapturedRequest> official = server.Drain();

        using var client = new MistralClient(new HttpClient { BaseAddress = server.BaseAddress }, new MistralClientOptions { BearerToken = ApiKey });
        var conversations = client.Beta.Conversations;
        await Call(() => conversations.StartAsync(new ConversationRequest { Inputs = "Hello", Model = "mistral-small-latest" }));
        await Call(() => conversations.ListAsync(page: 0, pageSize: 20));
        await Call(() => conversations.GetAsync(ConversationId));
        await Call(() => conversations.AppendAsync(ConversationId, new ConversationAppendRequest { Inputs = "And?" }));
        await Call(() => conversations.GetHistoryAsync(ConversationId));
        await Call(() => conversations.GetMessagesAsync(ConversationId));
        await Call(() => conversations.RestartAsync(ConversationId, new ConversationRestartRequest { Inputs = "Again", FromEntryId = "msg_1" }));
        await Stream(conversations.StartStreamAsync(new ConversationStreamRequest { Inputs = "Hello", Model = "mistral-small-latest" }));
        await Stream(conversations.AppendStreamAsync(ConversationId, new ConversationAppendStreamRequest { Inputs = "And?" }));
        await Stream(conversations.RestartStreamAsync(ConversationId, new ConversationRestartStreamRequest { Inputs = "Again", FromEntryId = "msg_1" }));
        List<CapturedRequest> ours = server.Drain();

        Assert.Equal(Operations.Length, official.Count);
        Assert.Equal(Operations.Length, ours.Count);
        var table = new StringBuilder("| operation | method + path | query | Accept | Content-Type | Authorization | body | allowed differences |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        var unexplained = new List<string>();
        for (int i = 0; i < Operations.Length; i++)
        {
            List<(string Field, string Detail)> differences = RequestComparison.Differences(official[i], ours[i]);
            JsonNode? sdkBody = official[i].Body.Length == 0 ? null : JsonNode.Parse(official[i].Body);
            var allowed = differences.Where(d => Allowed.TryGetValue((Operations[i], d.Field), out var allowance)
                && d.Detail == "absent in ours"
                && sdkBody?[d.Field.Substring("body.".Length)]?.ToJsonString() == allowance.SdkValue).ToList();
            unexplained.AddRange(differences.Except(allowed).Select(d => $"{Operations[i]}: {d.Field}: {d.Detail}"));
            string Cell(string field) => differences.Any(d => d.Field == field || d.Field.StartsWith(field + ".", StringComparison.Ordinal)) ? "differs" : "same";
            table.Append($"| {Operations[i]} | {Cell("request")} | {Cell("query")} | {Cell("accept")} | {Cell("content-type")} | {Cell("authorization")} | {Cell("body")} | {string.Join("; ", allowed.Select(a => a.Field.Substring("body.".Length) + " (SDK sends the default)"))} |\n");
        }

        _output.WriteLine(table.ToString());
        Assert.True(unexplained.Count == 0, "Requests differ from the official SDK's:\n" + string.Join("\n", unexplained) + "\n\n" + table);
    }

    // Requests are what is compared; the answers only let both sides finish the call.
    private static (int, string, string) Answer(CapturedRequest request) =>
        request.Accept?.Contains("text/event-stream", StringComparison.Ordinal) == true
            ? (200, "text/event-stream", "")
            : (200, "application/json", "{}");

    private static async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is OpenApiClientGen.Runtime.ApiException or System.Text.Json.JsonException or InvalidOperationException)
        {
        }
    }

    private static async Task Stream<T>(IAsyncEnumerable<T> items)
    {
        await foreach (T _ in items)
        {
        }
    }
}
