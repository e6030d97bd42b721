using System.Collections.Generic;
using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conversations.Emulators;
using OpenApiClientGen.Tests.Infrastructure;
using PiecesOs;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>
/// Pieces OS's documents make Prism hang (a reference cycle of 186 schemas), so each request our client sends is
/// recorded on its way to the emulator and checked against the published bundled document with
/// <see cref="DocumentRequestCheck"/>: operation, query parameters and body members. The identifier stream is a
/// WebSocket; its plain GET (which the emulator answers with the first message) shows the path and method.
/// </summary>
public sealed class PiecesContractTests
{
    private const string Document = "reference-specs/pieces/sdk-csharp-bundled/openapi.yaml";

    [SharedFact]
    public async Task Every_request_matches_the_published_document()
    {
        var check = new DocumentRequestCheck(TestPaths.Shared(Document));
        await using PiecesEmulator emulator = await PiecesEmulator.StartAsync();
        var recorder = new ViolationRecorder();
        // These runs count the requests that reach Prism, which answers error statuses on purpose: one attempt per call.
        using var client = new PiecesClient(new HttpClient(recorder) { BaseAddress = emulator.BaseAddress }, new PiecesClientOptions { MaxRetries = 0 });
        var conversations = client.Conversations;

        Conversation created = await conversations.CreateSpecificConversationAsync(seededConversation: new SeededConversation
        {
            Type = ConversationTypeEnum.Copilot,
            Name = "Review",
            Favorited = false,
            Messages = [new SeededConversationMessage { Role = QgptConversationMessageRoleEnum.User, Fragment = new FragmentFormat { String = new TransferableString { Raw = "Explain this" } } }],
        }, transferables: true);
        await conversations.CreateFromAssetAsync(Guid.Parse("2254f2c8-5797-40e8-ac56-41166dc0e159"));
        await conversations.IdentifiersSnapshotAsync();
        await conversations.SnapshotAsync(transferables: false);
        await conversations.DeleteSpecificConversationAsync(created.Id);

        // The identifier stream is a WebSocket, opened outside HttpClient's handlers: the emulator routes it by path,
        // so receiving its first message shows the client used the document's path, which is checked on its own.
        await using (IAsyncEnumerator<StreamedIdentifiers> identifiers = conversations.StreamIdentifiersAsync().GetAsyncEnumerator())
        {
            Assert.True(await identifiers.MoveNextAsync());
        }

        PrismExchange[] exchanges = recorder.Exchanges.ToArray();
        Assert.Equal(5, exchanges.Length);
        var problems = exchanges.SelectMany(e =>
        {
            string[] line = e.Request.Split(' ', 2);
            return check.Check(line[0], new Uri(emulator.BaseAddress, line[1]), e.RequestBody).Select(p => $"{e.Request}: {p}");
        }).ToList();
        problems.AddRange(check.Check("GET", new Uri(emulator.BaseAddress, "conversations/stream/identifiers"), null));
        Assert.Empty(problems);
    }

    [SharedFact]
    public void The_check_finds_what_the_document_does_not_allow()
    {
        var check = new DocumentRequestCheck(TestPaths.Shared(Document));
        var host = new Uri("http://localhost:1000/");

        Assert.Contains("is not an operation", Assert.Single(check.Check("DELETE", new Uri(host, "/conversations"), null)));
        Assert.Contains("'limit' is not declared", Assert.Single(check.Check("GET", new Uri(host, "/conversations?limit=3"), null)));
        Assert.Contains("required member 'type'", Assert.Single(check.Check("POST", new Uri(host, "/conversations/create"), """{"name":"x"}""")));
        Assert.Contains("'ROBOT' is not one of", Assert.Single(check.Check("POST", new Uri(host, "/conversations/create"), """{"type":"COPILOT","messages":[{"role":"ROBOT","fragment":{}}]}""")));
        Assert.Contains("member 'title' is not in the schema", Assert.Single(check.Check("POST", new Uri(host, "/conversations/create"), """{"type":"COPILOT","title":"x"}""")));
        Assert.Empty(check.Check("GET", new Uri(host, "/conversations/stream/identifiers"), null));
    }
}
