using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// A union component nothing refers to is generated when its variants are components, as the unreferenced object
/// components are: Anthropic's document names <c>MessageStreamEvent</c> from no operation, yet a user reading the
/// stream of <c>/v1/messages</c> needs it. One whose variants are written in place is not, since it would add a
/// model for each variant that nothing sends or returns. No other type's name changes.
/// </summary>
public sealed class UnreferencedUnionTests : IClassFixture<UnreferencedUnionTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.1
        info: {title: Messages, version: '1'}
        paths:
          /v1/messages:
            post:
              operationId: createMessage
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Message'}
        components:
          schemas:
            Message:
              type: object
              properties:
                id: {type: string}
                type: {type: string}
            MessageStreamEvent:
              oneOf:
              - $ref: '#/components/schemas/MessageStartEvent'
              - $ref: '#/components/schemas/ContentBlockDeltaEvent'
              - $ref: '#/components/schemas/MessageStopEvent'
              discriminator:
                propertyName: type
                mapping:
                  message_start: '#/components/schemas/MessageStartEvent'
                  content_block_delta: '#/components/schemas/ContentBlockDeltaEvent'
                  message_stop: '#/components/schemas/MessageStopEvent'
            MessageStartEvent:
              type: object
              required: [type, message]
              properties:
                type: {type: string, enum: [message_start]}
                message: {$ref: '#/components/schemas/Message'}
            ContentBlockDeltaEvent:
              type: object
              required: [type, index, delta]
              properties:
                type: {type: string, enum: [content_block_delta]}
                index: {type: integer}
                delta:
                  type: object
                  properties:
                    type: {type: string}
                    text: {type: string}
            MessageStopEvent:
              type: object
              required: [type]
              properties:
                type: {type: string, enum: [message_stop]}
            InlineEvent:
              oneOf:
              - type: object
                properties:
                  ping: {type: string}
              - type: object
                properties:
                  pong: {type: string}
        """;

    private const string ProbeSource = """
        using OpenApiClientGen.Runtime;
        using Messages;

        namespace Probe;

        public static class Probes
        {
            public static string Read(string json)
            {
                MessageStreamEvent value = JsonCodecs.Deserialize(json, MessagesClientJson.MessageStreamEvent);
                return value.Value?.GetType().Name
                    + (value.AsContentBlockDeltaEvent is { } delta ? " " + delta.Index + " " + delta.Delta.Text : "")
                    + (value.AsMessageStartEvent is { } start ? " " + start.Message.Id : "");
            }
        }
        """;

    private readonly Compiled _compiled;

    public UnreferencedUnionTests(Compiled compiled) => _compiled = compiled;

    // Events as Anthropic's streaming documentation shows them.
    [Theory]
    [InlineData("{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\",\"type\":\"message\"}}", "MessageStartEvent msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY")]
    [InlineData("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}", "ContentBlockDeltaEvent 0 Hello")]
    [InlineData("{\"type\":\"message_stop\"}", "MessageStopEvent")]
    [InlineData("{\"type\":\"ping\"}", "UnknownVariant")]
    public void An_event_union_nothing_refers_to_reads_each_event(string json, string expected)
    {
        Assert.Equal(expected, (string)_compiled.Assembly.Call("Probe.Probes", "Read", json)!);
    }

    [Fact]
    public void A_union_that_writes_its_variants_in_place_is_left_out()
    {
        string[] hints = _compiled.Run.Result.Results[0].GeneratedSources.Select(s => s.HintName).ToArray();

        Assert.Contains("MessagesClient.Union.MessageStreamEvent.g.cs", hints);
        Assert.DoesNotContain(hints, hint => hint.Contains("InlineEvent"));
    }

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(ProbeSource, new SpecInput("/specs/messages.yaml", Spec, Namespace: "Messages", ClientName: "MessagesClient"));
            Assert.True(Run.CompilationErrors.Count == 0, Run.Describe(Run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
