using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// An operation that declares its stream only with Fern's <c>x-fern-streaming</c> (Cohere's chat: the success response
/// is a oneOf of the JSON answer and the stream's event under <c>application/json</c>) gets a JSON method and a stream
/// method. Each sets the body's <c>stream</c> member, asks for what it reads, and reads it as the extension says.
/// </summary>
public sealed class FernStreamingTests : IClassFixture<FernStreamingTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.1
        info: {title: Talk, version: '1'}
        paths:
          /v2/chat:
            post:
              operationId: chat
              x-fern-streaming:
                format: sse
                terminator: '[DONE]'
                stream-condition: $request.stream
                response:
                  type: object
                  required: [text]
                  properties:
                    text: {type: string}
                response-stream:
                  type: object
                  required: [type]
                  properties:
                    type: {type: string}
                    delta: {type: string}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatRequest'}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        oneOf:
                        - $ref: '#/components/schemas/ChatReply'
                        - $ref: '#/components/schemas/ChatEvent'
          /v1/chat:
            post:
              operationId: legacyChat
              x-fern-streaming:
                stream-condition: $request.stream
                response:
                  x-fern-type-name: LegacyReply
                  type: object
                  properties:
                    text: {type: string}
                    generation_id: {type: string}
                response-stream:
                  $ref: '#/components/schemas/LegacyEvent'
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatRequest'}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/LegacyReply'}
        components:
          schemas:
            ChatRequest:
              type: object
              required: [message]
              properties:
                message: {type: string}
                stream: {type: boolean}
            ChatReply:
              type: object
              required: [text]
              properties:
                text: {type: string}
            ChatEvent:
              type: object
              required: [type]
              properties:
                type: {type: string}
                delta: {type: string}
            LegacyReply:
              type: object
              properties:
                text: {type: string}
                generation_id: {type: string}
            LegacyEvent:
              type: object
              properties:
                event_type: {type: string}
                text: {type: string}
        """;

    private const string Probes = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Talk;

        namespace Probe;

        public sealed class Server : HttpMessageHandler
        {
            public string Answer = "";
            public string MediaType = "application/json";
            public string Seen = "";

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string body = await request.Content!.ReadAsStringAsync(cancellationToken);
                Seen = "accept=" + string.Join(",", request.Headers.Accept) + " body=" + body;
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Answer, Encoding.UTF8, MediaType) };
            }
        }

        public static class Probes
        {
            private static (TalkClient Client, Server Server) Create(string answer, string mediaType)
            {
                var server = new Server { Answer = answer, MediaType = mediaType };
                return (new TalkClient(new HttpClient(server) { BaseAddress = new Uri("http://talk.test/") }), server);
            }

            public static string Chat()
            {
                var (client, server) = Create("{\"text\":\"hello\"}", "application/json");
                ChatReply reply = client.ChatAsync(new ChatRequest { Message = "hi" }).GetAwaiter().GetResult();
                return reply.Text + " | " + server.Seen;
            }

            public static string ChatStream(string answer)
            {
                var (client, server) = Create(answer, "text/event-stream");
                var deltas = new List<string>();
                try
                {
                    Read(client.ChatStreamAsync(new ChatRequest { Message = "hi" }), e => deltas.Add(e.Type + ":" + e.Delta));
                }
                catch (Exception e)
                {
                    deltas.Add(e.GetType().Name);
                }

                return string.Join(",", deltas) + " | " + server.Seen;
            }

            public static string LegacyChat()
            {
                var (client, server) = Create("{\"text\":\"hello\",\"generation_id\":\"g1\"}", "application/json");
                LegacyReply reply = client.LegacyChatAsync(new ChatRequest { Message = "hi" }).GetAwaiter().GetResult();
                return reply.Text + " " + reply.GenerationId + " | " + server.Seen;
            }

            public static string LegacyChatStream()
            {
                var (client, server) = Create("{\"event_type\":\"text-generation\",\"text\":\"he\"}\n{\"event_type\":\"stream-end\",\"text\":\"llo\"}\n", "application/stream+json");
                var events = new List<string>();
                Read(client.LegacyChatStreamAsync(new ChatRequest { Message = "hi" }), e => events.Add(e.EventType + ":" + e.Text));
                return string.Join(",", events) + " | " + server.Seen;
            }

            private static void Read<T>(IAsyncEnumerable<T> items, Action<T> each)
            {
                IAsyncEnumerator<T> e = items.GetAsyncEnumerator();
                try
                {
                    while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                    {
                        each(e.Current);
                    }
                }
                finally
                {
                    e.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }
        """;

    private const string Events = "event: message-start\ndata: {\"type\":\"message-start\"}\n\nevent: content-delta\ndata: {\"type\":\"content-delta\",\"delta\":\"hel\"}\n\n";

    private readonly Compiled _compiled;

    public FernStreamingTests(Compiled compiled) => _compiled = compiled;

    [Fact]
    public void Each_operation_gets_a_json_method_and_a_stream_method_typed_by_the_components_it_names()
    {
        string client = _compiled.Run.Sources.Single(s => s.HintName.EndsWith(".Client.TalkClient.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();

        Assert.Contains("Task<global::Talk.ChatReply> ChatAsync(", client);
        Assert.Contains("IAsyncEnumerable<global::Talk.ChatEvent> ChatStreamAsync(", client);
        Assert.Contains("Task<global::Talk.LegacyReply> LegacyChatAsync(", client);
        Assert.Contains("IAsyncEnumerable<global::Talk.LegacyEvent> LegacyChatStreamAsync(", client);
        Assert.DoesNotContain(_compiled.Run.Sources, s => s.HintName.Contains("ChatResponse", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_method_sends_stream_false_and_reads_the_answer() =>
        Assert.Equal("hello | accept=application/json body={\"message\":\"hi\",\"stream\":false}", Call("Chat"));

    [Fact]
    public void The_sse_stream_method_sends_stream_true_asks_for_events_and_ends_at_the_terminator() =>
        Assert.Equal(
            "message-start:,content-delta:hel | accept=text/event-stream body={\"message\":\"hi\",\"stream\":true}",
            Call("ChatStream", Events + "data: [DONE]\n\nevent: content-delta\ndata: {\"type\":\"after\"}\n\n"));

    [Fact]
    public void A_terminator_of_done_need_not_come_as_a_stream_that_ends_with_its_last_event_shows() =>
        Assert.Equal(
            "message-start:,content-delta:hel | accept=text/event-stream body={\"message\":\"hi\",\"stream\":true}",
            Call("ChatStream", Events));

    [Fact]
    public void An_sse_stream_cut_inside_an_event_is_an_error() =>
        Assert.Equal(
            "message-start:,ApiStreamException | accept=text/event-stream body={\"message\":\"hi\",\"stream\":true}",
            Call("ChatStream", "event: message-start\ndata: {\"type\":\"message-start\"}\n\nevent: content-delta\ndata: {\"type\":\"con"));

    [Fact]
    public void Without_a_format_the_stream_is_newline_delimited_json() =>
        Assert.Equal(
            "text-generation:he,stream-end:llo | accept=application/stream+json body={\"message\":\"hi\",\"stream\":true}",
            Call("LegacyChatStream"));

    [Fact]
    public void A_response_named_by_its_fern_type_name_is_that_component() =>
        Assert.Equal("hello g1 | accept=application/json body={\"message\":\"hi\",\"stream\":false}", Call("LegacyChat"));

    private string Call(string probe, params object?[] arguments) => (string)_compiled.Assembly.Call("Probe.Probes", probe, arguments)!;

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/talk.yaml", Spec, Namespace: "Talk", ClientName: "TalkClient"));
            Assert.True(Run.CompilationErrors.Count == 0, Run.Describe(Run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
