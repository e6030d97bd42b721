using System;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// A JSON body the spec does not mark required (Cohere marks none) comes first among the optional parameters, so a
/// call with the body alone passes the body, and a model with a member it must be given gets the overload that takes
/// the members, as a required body does. A model with no such member gets none: the two would both take no arguments.
/// </summary>
public sealed class OptionalBodyTests : IClassFixture<OptionalBodyTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.1
        info: {title: Chat, version: '1'}
        paths:
          /chat:
            post:
              operationId: chat
              parameters:
              - {name: X-Client-Name, in: header, schema: {type: string}}
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatRequest'}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {type: object, properties: {text: {type: string}}}
          /ping:
            post:
              operationId: ping
              parameters:
              - {name: X-Client-Name, in: header, schema: {type: string}}
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/PingRequest'}
              responses:
                '204': {description: No content}
        components:
          schemas:
            ChatRequest:
              type: object
              required: [model]
              properties:
                model: {type: string}
                temperature: {type: number}
            PingRequest:
              type: object
              properties:
                note: {type: string}
        """;

    private const string Probes = """
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Chat;

        namespace Probe;

        public sealed class Recorder : HttpMessageHandler
        {
            public string Seen = "";

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string body = request.Content is null ? "(none)" : await request.Content.ReadAsStringAsync();
                string client = request.Headers.TryGetValues("X-Client-Name", out var values) ? string.Join(",", values) : "(none)";
                Seen = body + " " + client;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "application/json") };
            }
        }

        public static class Probes
        {
            private static (ChatClient Client, Recorder Recorder) Create()
            {
                var recorder = new Recorder();
                return (new ChatClient(new HttpClient(recorder) { BaseAddress = new System.Uri("http://chat.test/") }), recorder);
            }

            public static string SendBodyAlone()
            {
                var (client, recorder) = Create();
                client.ChatAsync(new ChatRequest { Model = "m1" }).GetAwaiter().GetResult();
                return recorder.Seen;
            }

            public static string SendMembers()
            {
                var (client, recorder) = Create();
                client.ChatAsync("m2", temperature: 0.5, xClientName: "probe").GetAwaiter().GetResult();
                return recorder.Seen;
            }

            public static string SendNothing()
            {
                var (client, recorder) = Create();
                client.ChatAsync().GetAwaiter().GetResult();
                return recorder.Seen;
            }
        }
        """;

    private readonly Compiled _compiled;

    public OptionalBodyTests(Compiled compiled) => _compiled = compiled;

    private string Probe(string method) => (string)_compiled.Assembly.Call("Probe.Probes", method)!;

    [Fact]
    public void A_call_with_the_body_alone_sends_it_as_the_body()
    {
        Assert.Equal("""{"model":"m1"} (none)""", Probe("SendBodyAlone"));
    }

    [Fact]
    public void The_members_overload_sends_a_body_built_from_them()
    {
        Assert.Equal("""{"model":"m2","temperature":0.5} probe""", Probe("SendMembers"));
    }

    [Fact]
    public void The_body_may_still_be_left_out()
    {
        Assert.Equal("(none) (none)", Probe("SendNothing"));
    }

    [Fact]
    public void A_model_with_no_member_it_must_be_given_gets_no_members_overload()
    {
        string client = string.Concat(_compiled.Run.Sources.Where(s => s.HintName.StartsWith("ChatClient.Client", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));

        Assert.Contains("PingAsync(global::Chat.PingRequest? pingRequest = null, string? xClientName = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.DoesNotContain("PingAsync(string? note", client, StringComparison.Ordinal);
    }

    public sealed class Compiled : IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/chat.yaml", Spec, Namespace: "Chat", ClientName: "ChatClient"));
            Assert.True(Run.CompilationErrors.Count == 0, Run.Describe(Run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
