using System.Linq;
using System.Reflection;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// What a generated client puts on the wire when it is called the way the README says, with no hand-set flags:
/// the stream flag and <c>Accept</c> follow the method, fixed members go out, and OpenAI-style streams end at <c>[DONE]</c>.
/// </summary>
public sealed class WireFidelityTests : IClassFixture<WireFidelityTests.Compiled>
{
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Wire
          version: '1'
        servers:
        - url: http://wire.test
        paths:
          /chat:
            post:
              operationId: chat
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ChatRequest'
              responses:
                '200':
                  description: JSON, or events when asked
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Chunk'
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Chunk'
                '400':
                  description: a problem
                  content:
                    application/problem+json:
                      schema:
                        type: object
                        properties:
                          title:
                            type: string
          /events:
            post:
              operationId: events
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/EventsRequest'
              responses:
                '200':
                  description: only events
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Chunk'
          /models?beta=true:
            get:
              operationId: listModels
              parameters:
              - name: limit
                in: query
                schema:
                  type: integer
              responses:
                '200':
                  description: JSON only
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Chunk'
          /plain:
            post:
              operationId: plain
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PlainRequest'
              responses:
                '200':
                  description: JSON only
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Chunk'
          /transcribe:
            post:
              operationId: transcribe
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [model]
                      properties:
                        model:
                          type: string
                        file:
                          anyOf:
                          - $ref: '#/components/schemas/Audio'
                          - type: 'null'
                        stream:
                          type: boolean
                          const: true
                          default: true
              responses:
                '200':
                  description: only events
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Chunk'
          /transcriptions:
            post:
              operationId: transcriptions
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [model]
                      properties:
                        model:
                          type: string
                        stream:
                          anyOf:
                          - type: boolean
                            default: false
                          - type: 'null'
              responses:
                '200':
                  description: JSON, or events when asked
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Chunk'
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Chunk'
        components:
          schemas:
            Audio:
              type: string
              format: binary
            ChatRequest:
              type: object
              required: [model]
              properties:
                model:
                  type: string
                stream:
                  type: boolean
                  nullable: true
                  default: false
            EventsRequest:
              type: object
              properties:
                prompt:
                  type: string
                stream:
                  type: boolean
                  default: true
            PlainRequest:
              type: object
              properties:
                prompt:
                  type: string
                stream:
                  type: boolean
                  enum: [false]
                echo:
                  type: boolean
                  const: true
            Chunk:
              type: object
              required: [text, finish_reason]
              properties:
                text:
                  type: string
                finish_reason:
                  type: string
                  nullable: true
        """;

    private const string Probes = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Wire;

        namespace Probe;

        public sealed class Recorder : HttpMessageHandler
        {
            public string Answer = "";
            public string AnswerType = "application/json";
            public string Seen = "";

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                Seen = $"{request.Method} {request.RequestUri!.PathAndQuery}|Accept={string.Join(", ", request.Headers.Accept)}|Content-Type={request.Content?.Headers.ContentType}|{body}";
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Answer, Encoding.UTF8) };
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(AnswerType);
                return response;
            }
        }

        public static class Probes
        {
            private static (WireClient Client, Recorder Recorder) Create(string answer, string answerType)
            {
                var recorder = new Recorder { Answer = answer, AnswerType = answerType };
                return (new WireClient(new HttpClient(recorder)), recorder);
            }

            public static string Chat()
            {
                var (client, recorder) = Create("{\"text\":\"hi\",\"finish_reason\":null}", "application/json");
                Chunk chunk = client.ChatAsync(new ChatRequest { Model = "m" }).GetAwaiter().GetResult();
                return recorder.Seen + "|" + chunk.Text + "|" + (chunk.FinishReason ?? "null");
            }

            public static string ChatStream()
            {
                string events = "data: {\"text\":\"a\",\"finish_reason\":null}\n\ndata: {\"text\":\"b\",\"finish_reason\":\"stop\"}\n\ndata: [DONE]\n\n";
                var (client, recorder) = Create(events, "text/event-stream");
                var texts = new List<string>();
                var items = client.ChatStreamAsync(new ChatRequest { Model = "m" }).GetAsyncEnumerator();
                while (items.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    texts.Add(items.Current.Text + ":" + (items.Current.FinishReason ?? "null"));
                }

                return recorder.Seen + "|" + string.Join(",", texts);
            }

            public static string EventsFlattened()
            {
                var (client, recorder) = Create("data: {\"text\":\"a\",\"finish_reason\":null}\n\n", "text/event-stream");
                var items = client.EventsAsync(prompt: "p").GetAsyncEnumerator();
                while (items.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                }

                return recorder.Seen;
            }

            public static string Transcribe()
            {
                var (client, recorder) = Create("data: {\"text\":\"a\",\"finish_reason\":null}\n\n", "text/event-stream");
                var items = client.TranscribeAsync(model: "m", file: new OpenApiClientGen.Runtime.ApiFile(new System.IO.MemoryStream(Encoding.UTF8.GetBytes("RIFF")), "a.wav")).GetAsyncEnumerator();
                while (items.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                }

                return recorder.Seen;
            }

            public static string Transcriptions()
            {
                var (client, recorder) = Create("{\"text\":\"x\",\"finish_reason\":\"stop\"}", "application/json");
                client.TranscriptionsAsync(model: "m").GetAwaiter().GetResult();
                string plain = recorder.Seen;
                recorder.Answer = "data: {\"text\":\"a\",\"finish_reason\":null}\n\n";
                recorder.AnswerType = "text/event-stream";
                var items = client.TranscriptionsStreamAsync(model: "m").GetAsyncEnumerator();
                while (items.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                }

                return plain + "\u0001" + recorder.Seen;
            }

            public static string EventsAnsweredWithJson()
            {
                var (client, _) = Create("{\"object\":\"conversation.response\"}", "application/json");
                try
                {
                    var items = client.EventsAsync(new EventsRequest { Prompt = "p" }).GetAsyncEnumerator();
                    items.MoveNextAsync().AsTask().GetAwaiter().GetResult();
                    return "no exception";
                }
                catch (OpenApiClientGen.Runtime.ApiContentTypeException ex)
                {
                    return ex.GetType().Name + "|" + ex.ContentType + "|" + ex.Body + "|" + ex.Message;
                }
            }

            public static string Models()
            {
                var (client, recorder) = Create("{\"text\":\"x\",\"finish_reason\":\"stop\"}", "application/json");
                client.ListModelsAsync(limit: 5).GetAwaiter().GetResult();
                return recorder.Seen;
            }

            public static string Plain()
            {
                var (client, recorder) = Create("{\"text\":\"x\",\"finish_reason\":\"stop\"}", "application/json");
                client.PlainAsync(new PlainRequest { Prompt = "p" }).GetAwaiter().GetResult();
                return recorder.Seen;
            }
        }
        """;

    private readonly Compiled _compiled;

    public WireFidelityTests(Compiled compiled) => _compiled = compiled;

    private static int FirstLineWith(string text) => System.Array.FindIndex(Spec.Split('\n'), line => line.Contains(text));

    private string Probe(string method) => (string)_compiled.Assembly.Call("Probe.Probes", method)!;

    [Fact]
    public void The_json_method_of_an_operation_that_also_streams_asks_for_json_and_says_stream_false()
    {
        Assert.Equal(
            """POST /chat|Accept=application/json, application/problem+json|Content-Type=application/json|{"model":"m","stream":false}|hi|null""",
            Probe("Chat"));
    }

    [Fact]
    public void The_stream_method_asks_for_events_says_stream_true_reads_null_members_and_ends_at_done()
    {
        Assert.Equal(
            """POST /chat|Accept=text/event-stream|Content-Type=application/json|{"model":"m","stream":true}|a:null,b:stop""",
            Probe("ChatStream"));
    }

    [Fact]
    public void An_event_stream_only_operation_always_sends_stream_true_and_offers_no_stream_parameter()
    {
        Assert.Equal("""POST /events|Accept=text/event-stream|Content-Type=application/json|{"prompt":"p","stream":true}""", Probe("EventsFlattened"));

        ParameterInfo[] parameters = _compiled.Assembly.Assembly.GetType("Wire.WireClient")!.GetMethods()
            .Where(m => m.DeclaringType!.Namespace == "Wire")
            .SelectMany(m => m.GetParameters())
            .ToArray();
        Assert.DoesNotContain(parameters, p => p.Name == "stream");
    }

    [Fact]
    public void A_boolean_form_field_the_schema_fixes_is_sent_and_a_nullable_binary_member_is_a_file()
    {
        // Mistral's audio transcription stream: a multipart body whose `stream` is const true.
        string seen = Probe("Transcribe");
        Assert.StartsWith("POST /transcribe|Accept=text/event-stream|Content-Type=multipart/form-data", seen);
        Assert.Matches("name=\"?stream\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\ntrue\\r\\n", seen);
        Assert.Matches("name=\"?model\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\nm\\r\\n", seen);

        // A nullable binary member (`anyOf: [$ref binary, null]`) is a file part too.
        Assert.Matches("name=\"?file\"?; filename=\"?a.wav\"?[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\nRIFF\\r\\n", seen);
    }

    [Fact]
    public void A_form_bodys_stream_field_is_set_by_each_twin_and_offered_as_no_parameter()
    {
        // OpenAI's transcriptions: a multipart body with a boolean `stream`, and JSON or events in answer.
        string[] seen = Probe("Transcriptions").Split('\u0001');
        Assert.StartsWith("POST /transcriptions|Accept=application/json|", seen[0]);
        Assert.Matches("name=\"?stream\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\nfalse\\r\\n", seen[0]);
        Assert.StartsWith("POST /transcriptions|Accept=text/event-stream|", seen[1]);
        Assert.Matches("name=\"?stream\"?\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\ntrue\\r\\n", seen[1]);
    }

    [Fact]
    public void A_stream_method_answered_with_json_throws_a_typed_exception_naming_the_content_type_with_the_body()
    {
        string[] parts = Probe("EventsAnsweredWithJson").Split('|');
        Assert.Equal("ApiContentTypeException", parts[0]);
        Assert.Equal("application/json", parts[1]);
        Assert.Equal("""{"object":"conversation.response"}""", parts[2]);
        Assert.Contains("application/json", parts[3]);
        Assert.Contains("text/event-stream", parts[3]);
    }

    [Fact]
    public void A_query_in_the_path_key_is_sent_once_merged_with_the_operations_parameters()
    {
        Assert.Equal("GET /models?beta=true&limit=5|Accept=application/json|Content-Type=|", Probe("Models"));
    }

    [Fact]
    public void Boolean_members_the_schema_fixes_are_sent_without_being_set()
    {
        Assert.Equal("""POST /plain|Accept=application/json|Content-Type=application/json|{"prompt":"p","stream":false,"echo":true}""", Probe("Plain"));
    }

    [Fact]
    public void Nullable_true_in_a_3_1_document_is_honoured_with_an_info_diagnostic_at_the_keyword()
    {
        Assert.True(_compiled.Run.GeneratorDiagnostics.Any(d => d.Id == "OACG0014" && d.GetMessage().Contains("'nullable'") && d.Location.GetLineSpan().StartLinePosition.Line == FirstLineWith("nullable: true")), _compiled.Run.Describe(_compiled.Run.GeneratorDiagnostics));
    }

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/wire.yaml", Spec, Namespace: "Wire", ClientName: "WireClient"));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
