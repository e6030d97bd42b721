using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Each way a spec describes a stream gives a method returning IAsyncEnumerable of a typed item, and compiles.</summary>
public sealed class StreamGenerationTests
{
    private const string Shapes = """
        openapi: 3.1.0
        info:
          title: Shapes
          version: '1'
        paths:
          /data:
            get:
              operationId: data
              responses:
                '200':
                  description: each event's data is a Delta
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Delta'
          /frames:
            get:
              operationId: frames
              responses:
                '200':
                  description: frames with a free event name, ending at [DONE]
                  content:
                    text/event-stream:
                      schema:
                        type: object
                        required: [event, data]
                        properties:
                          event:
                            type: string
                          data:
                            $ref: '#/components/schemas/Delta'
                      x-speakeasy-sse-sentinel: '[DONE]'
          /named:
            get:
              operationId: named
              responses:
                '200':
                  description: frames whose event is an enum
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/NamedFrame'
          /variants:
            get:
              operationId: variants
              responses:
                '200':
                  description: one frame per event name, data carried as JSON text
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/Variant'
          /text:
            get:
              operationId: text
              responses:
                '200':
                  description: no schema at all
                  content:
                    text/event-stream: {}
        components:
          schemas:
            Delta:
              type: object
              properties:
                text:
                  type: string
            NamedFrame:
              type: object
              required: [event, data]
              properties:
                event:
                  type: string
                  enum: [delta.started, delta.done]
                data:
                  $ref: '#/components/schemas/Delta'
            Variant:
              oneOf:
              - $ref: '#/components/schemas/TypedVariant'
              - $ref: '#/components/schemas/TextVariant'
            TypedVariant:
              type: object
              required: [event, data]
              properties:
                event:
                  type: string
                  const: typed
                data:
                  type: string
                  contentMediaType: application/json
                  contentSchema:
                    $ref: '#/components/schemas/Delta'
            TextVariant:
              type: object
              required: [event, data]
              properties:
                event:
                  type: string
                  const: text
                data:
                  type: string
        """;

    [Fact]
    public void Every_stream_shape_compiles_to_an_async_enumerable()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", Shapes));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Source(run, "ShapesClient.Client.ShapesClient.g.cs");
        Assert.Contains("IAsyncEnumerable<global::Shapes.Delta> DataAsync(", client);
        // Without x-speakeasy-sse-sentinel a stream still ends at [DONE], which it may leave out.
        Assert.Contains("SseEventReader.Json(global::Shapes.ShapesClientJson.Delta)", client);
        Assert.Contains(".EndAtIfSent(\"[DONE]\");", client);
        Assert.Contains("IAsyncEnumerable<global::Shapes.FramesEvent> FramesAsync(", client);
        Assert.Contains("SseEventReader.Frames<global::Shapes.FramesEvent, global::Shapes.Delta>(", client);
        Assert.Contains(".EndAt(\"[DONE]\");", client);
        Assert.Contains("IAsyncEnumerable<global::Shapes.NamedFrame> NamedAsync(", client);
        Assert.Contains(".On(\"delta.started\", global::Shapes.ShapesClientJson.Delta, global::Shapes.NamedFrame.FromEvent)", client);
        Assert.Contains(".On(\"delta.done\", global::Shapes.ShapesClientJson.Delta, global::Shapes.NamedFrame.FromEvent)", client);
        Assert.Contains("IAsyncEnumerable<global::Shapes.IVariant> VariantsAsync(", client);
        Assert.Contains(".OnText(\"typed\", global::Shapes.TypedVariant.FromEvent)", client);
        Assert.Contains("IAsyncEnumerable<string> TextAsync(", client);
        Assert.Contains("return _connection.StreamEventsAsync(request, TextEvents, cancellationToken);", client);
    }

    [Fact]
    public void Frame_types_gain_the_sse_fields_and_typed_or_text_payloads()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", Shapes));

        Assert.Contains("public string? UnknownData { get; init; }", Source(run, "ShapesClient.Stream.NamedFrame.g.cs"));
        string typed = Source(run, "ShapesClient.Stream.TypedVariant.g.cs");
        Assert.Contains("public sealed partial class TypedVariant : IVariant", typed);
        Assert.Contains("public global::Shapes.Delta Payload { get; init; }", typed);
        Assert.Contains("public OACG::SseItemInfo Sse { get; init; }", typed);
        string text = Source(run, "ShapesClient.Stream.TextVariant.g.cs");
        Assert.DoesNotContain("Payload", text);
        Assert.Contains("public T ReadData<T>(", text);
        Assert.Contains("public sealed partial class UnknownVariant : IVariant", Source(run, "ShapesClient.Stream.IVariant.g.cs"));
    }

    [Fact]
    public void An_item_schema_types_each_event_of_an_openapi_32_stream()
    {
        const string spec = """
            openapi: 3.2.0
            info:
              title: Items
              version: '1'
            paths:
              /ticks:
                get:
                  operationId: ticks
                  responses:
                    '200':
                      description: one Tick per event
                      content:
                        text/event-stream:
                          itemSchema:
                            type: object
                            properties:
                              at:
                                type: integer
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/items.yaml", spec));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Source(run, "ItemsClient.Client.ItemsClient.g.cs");
        Assert.Contains("IAsyncEnumerable<global::Items.TicksEvent> TicksAsync(", client);
        Assert.Contains("SseEventReader.Json(global::Items.ItemsClientJson.TicksEvent)", client);
        Assert.Contains(".EndAtIfSent(\"[DONE]\");", client);
    }

    [Fact]
    public void An_x_websocket_operation_streams_its_message_schema()
    {
        const string spec = """
            openapi: 3.1.0
            info:
              title: Sockets
              version: '1'
            paths:
              /live:
                get:
                  operationId: live
                  summary: Live updates [WS]
                  x-websocket:
                    message:
                      $ref: '#/components/schemas/Update'
                  responses:
                    '200':
                      description: upgraded
            components:
              schemas:
                Update:
                  type: object
                  properties:
                    id:
                      type: string
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/sockets.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Source(run, "SocketsClient.Client.SocketsClient.g.cs");
        Assert.Contains("IAsyncEnumerable<global::Sockets.Update> LiveAsync(", client);
        Assert.Contains("WebSocketMessages.ReadJsonAsync(_connection, request, global::Sockets.SocketsClientJson.Update, cancellationToken);", client);
    }

    [Fact]
    public void A_WS_summary_without_x_websocket_is_warning_OACG0009_at_the_operation()
    {
        const string spec = """
            openapi: 3.1.0
            info:
              title: Sockets
              version: '1'
            paths:
              /live:
                get:
                  operationId: live
                  summary: Live updates [WS]
                  responses:
                    '200':
                      description: upgraded
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/sockets.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/sockets.yaml", span.Path);
        Assert.Equal((7, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("'live'", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
    }

    [Fact]
    public void A_WS_summary_with_a_json_success_schema_streams_that_schema_over_a_WebSocket_with_info_OACG0024()
    {
        // How Pieces OS publishes its WebSocket operations: "[WS]" in the summary, the message as the 200 response.
        const string spec = """
            openapi: 3.1.0
            info:
              title: Sockets
              version: '1'
            paths:
              /live:
                get:
                  operationId: live
                  summary: /live [WS]
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Update'
            components:
              schemas:
                Update:
                  type: object
                  properties:
                    id:
                      type: string
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/sockets.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0024", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((7, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("'live'", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Source(run, "SocketsClient.Client.SocketsClient.g.cs");
        Assert.Contains("IAsyncEnumerable<global::Sockets.Update> LiveAsync(", client);
        Assert.Contains("WebSocketMessages.ReadJsonAsync(_connection, request, global::Sockets.SocketsClientJson.Update, cancellationToken);", client);
        Assert.DoesNotContain("LiveWithResponseAsync(", client);
    }

    [Fact]
    public void A_WS_summary_with_only_a_text_success_response_stays_warning_OACG0009()
    {
        const string spec = """
            openapi: 3.1.0
            info:
              title: Sockets
              version: '1'
            paths:
              /health:
                get:
                  operationId: health
                  summary: /health [WS]
                  responses:
                    '200':
                      description: OK
                      content:
                        text/plain:
                          schema:
                            type: string
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/sockets.yaml", spec));

        Assert.Equal("OACG0009", Assert.Single(run.GeneratorDiagnostics).Id);
        string client = Source(run, "SocketsClient.Client.SocketsClient.g.cs");
        Assert.Contains("Task<string> HealthAsync(", client);
        Assert.DoesNotContain("WebSocketMessages", client);
    }

    [SharedFact]
    public void The_published_Pieces_document_streams_its_WS_operations_that_describe_a_json_message()
    {
        string path = TestPaths.Shared("reference-specs/pieces/sdk-csharp-bundled/openapi.yaml");

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, System.IO.File.ReadAllText(path), Namespace: "Pieces", ClientName: "PiecesClient"));

        // 32 operations are marked [WS]; the stream health check (text) and the conversation identifiers (no
        // content) describe no JSON message and stay plain calls.
        Assert.Equal(
            new[] { "conversations-stream-identifiers", "get-well-known-stream-health" },
            run.GeneratorDiagnostics.Where(d => d.Id == "OACG0009").Select(d => d.GetMessage().Split('\'')[1]).OrderBy(n => n, System.StringComparer.Ordinal));
        Assert.Equal(30, run.GeneratorDiagnostics.Count(d => d.Id == "OACG0024"));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("IAsyncEnumerable<global::Pieces.StreamedIdentifiers> AssetsStreamIdentifiersAsync(", client);
        Assert.Contains("IAsyncEnumerable<global::Pieces.QgptStreamOutput> QgptStreamAsync(", client);
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Matches(client, @"WebSocketMessages\.ReadJsonAsync\(").Count);
    }

    [Fact]
    public void A_stream_media_type_that_is_not_an_object_offers_nothing_and_does_not_crash()
    {
        // Found by the mutation fuzzer: a media type object replaced by a string reads as null.
        const string spec = """
            openapi: 3.1.0
            info:
              title: Pulls
              version: '1'
            paths:
              /pull:
                post:
                  operationId: pull
                  responses:
                    '200':
                      description: progress
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              status:
                                type: string
                        application/x-ndjson: "\t"
                        text/event-stream: "\t"
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/pulls.yaml", spec));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "OACG0099" or "CS8785");
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Source(run, "PullsClient.Client.PullsClient.g.cs");
        Assert.Contains("PullAsync(", client);
        Assert.DoesNotContain("PullStreamAsync(", client);
    }

    [Fact]
    public void A_frame_whose_data_says_any_media_type_with_a_content_schema_reads_the_payload_as_json()
    {
        // The one rule for JSON media types counts */* as JSON wherever a schema describes the value, as it always
        // did for bodies and responses; a contentSchema under */* was read as text only before the two rules met.
        const string spec = """
            openapi: 3.1.0
            info:
              title: Any
              version: '1'
            paths:
              /events:
                get:
                  operationId: events
                  responses:
                    '200':
                      description: one frame per event name
                      content:
                        text/event-stream:
                          schema:
                            oneOf:
                            - $ref: '#/components/schemas/Started'
                            - $ref: '#/components/schemas/Done'
            components:
              schemas:
                Tick:
                  type: object
                  properties:
                    at:
                      type: integer
                Started:
                  type: object
                  required: [event, data]
                  properties:
                    event:
                      type: string
                      const: started
                    data:
                      type: string
                      contentMediaType: '*/*'
                      contentSchema:
                        $ref: '#/components/schemas/Tick'
                Done:
                  type: object
                  required: [event, data]
                  properties:
                    event:
                      type: string
                      const: done
                    data:
                      type: string
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/any.yaml", spec));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Contains("public global::Any.Tick Payload { get; init; }", Source(run, "AnyClient.Stream.Started.g.cs"));
        Assert.DoesNotContain("Payload", Source(run, "AnyClient.Stream.Done.g.cs"));
    }

    private static string Source(GeneratorRun run, string hintName) =>
        run.Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
