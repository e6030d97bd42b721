using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// A component the discriminator's <c>mapping</c> names without the <c>oneOf</c> listing it is a variant all the same,
/// as Cohere's <c>StreamedChatResponseV2</c> needs for its <c>citation-start</c> and <c>citation-end</c> events. A
/// mapped component a branch already lists, directly or through an <c>allOf</c> wrapper, stays one variant, and a
/// mapping to a component that does not exist adds nothing.
/// </summary>
public sealed class MappedOnlyVariantTests : IClassFixture<MappedOnlyVariantTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.1
        info: {title: Events, version: '1'}
        paths:
          /events:
            get:
              operationId: getEvent
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/StreamEvent'}
        components:
          schemas:
            StreamEvent:
              oneOf:
              - $ref: '#/components/schemas/ContentDelta'
              - allOf:
                - $ref: '#/components/schemas/MessageEnd'
                - description: The last event.
              discriminator:
                propertyName: type
                mapping:
                  content-delta: '#/components/schemas/ContentDelta'
                  message-end: '#/components/schemas/MessageEnd'
                  citation-start: '#/components/schemas/CitationStart'
                  citation-end: '#/components/schemas/CitationEnd'
                  citation-stop: '#/components/schemas/CitationEnd'
                  raw: '#/components/schemas/NoSuchEvent'
            ContentDelta:
              type: object
              properties:
                type: {type: string}
                text: {type: string}
            MessageEnd:
              type: object
              properties:
                type: {type: string}
                reason: {type: string}
            CitationStart:
              type: object
              properties:
                type: {type: string}
                index: {type: integer}
            CitationEnd:
              type: object
              properties:
                type: {type: string}
        """;

    private const string ProbeSource = """
        using OpenApiClientGen.Runtime;
        using Events;

        namespace Probe;

        public static class Probes
        {
            public static string Read(string json)
            {
                StreamEvent value = JsonCodecs.Deserialize(json, EventsClientJson.StreamEvent);
                return value.Value?.GetType().Name + (value.AsCitationStart is { } citation ? " " + citation.Index : "");
            }

            public static string Write() =>
                JsonCodecs.Serialize<StreamEvent>(new CitationStart { Index = 2 }, EventsClientJson.StreamEvent);
        }
        """;

    private readonly Compiled _compiled;

    public MappedOnlyVariantTests(Compiled compiled) => _compiled = compiled;

    [Theory]
    [InlineData("{\"type\":\"citation-start\",\"index\":3}", "CitationStart 3")]
    [InlineData("{\"type\":\"citation-end\"}", "CitationEnd")]
    [InlineData("{\"type\":\"citation-stop\"}", "CitationEnd")]
    [InlineData("{\"type\":\"content-delta\",\"text\":\"hi\"}", "ContentDelta")]
    [InlineData("{\"type\":\"message-end\",\"reason\":\"stop\"}", "MessageEnd")]
    public void A_tag_the_mapping_alone_names_reads_as_its_variant(string json, string expected)
    {
        Assert.Equal(expected, (string)_compiled.Assembly.Call("Probe.Probes", "Read", json)!);
    }

    [Fact]
    public void A_variant_the_mapping_alone_names_by_one_tag_is_written_with_it()
    {
        JsonAssert.Equal("{\"type\":\"citation-start\",\"index\":2}", (string)_compiled.Assembly.Call("Probe.Probes", "Write")!);
    }

    [Fact]
    public void Each_component_is_one_variant_and_a_missing_one_adds_none()
    {
        string union = _compiled.Source("EventsClient.Union.StreamEvent.g.cs");

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(union, "public static implicit operator StreamEvent").Count);
        Assert.DoesNotContain("NoSuchEvent", union);
    }

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(ProbeSource, new SpecInput("/specs/events.yaml", Spec, Namespace: "Events", ClientName: "EventsClient"));
            Assert.True(Run.CompilationErrors.Count == 0, Run.Describe(Run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public string Source(string hintName) =>
            System.Linq.Enumerable.Single(Run.Result.Results[0].GeneratedSources, s => s.HintName == hintName).SourceText.ToString();

        public void Dispose() => Assembly.Dispose();
    }
}
