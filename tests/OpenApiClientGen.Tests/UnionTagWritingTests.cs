using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// A union tagged by a member its branches do not declare (Cohere's citation <c>Source</c>: <c>type</c> picks the
/// document or the tool source, and neither lists it) writes each variant with its tag, so a value read from a
/// response goes back to the server as it came. A branch that declares the member writes it once.
/// </summary>
public sealed class UnionTagWritingTests : IClassFixture<UnionTagWritingTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.1
        info: {title: Cite, version: '1'}
        paths:
          /sources:
            get:
              operationId: getSource
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Source'}
        components:
          schemas:
            Source:
              oneOf:
              - $ref: '#/components/schemas/DocumentSource'
              - $ref: '#/components/schemas/ToolSource'
              - $ref: '#/components/schemas/WebSource'
              discriminator:
                propertyName: type
                mapping:
                  document: '#/components/schemas/DocumentSource'
                  tool: '#/components/schemas/ToolSource'
                  web: '#/components/schemas/WebSource'
            DocumentSource:
              type: object
              properties:
                id: {type: string}
            ToolSource:
              type: object
              properties:
                id: {type: string}
                tool_output: {type: object, additionalProperties: true}
            WebSource:
              type: object
              required: [type]
              properties:
                type: {type: string}
                url: {type: string}
        """;

    private readonly Compiled _compiled;

    public UnionTagWritingTests(Compiled compiled) => _compiled = compiled;

    [Theory]
    [InlineData("{\"type\":\"document\",\"id\":\"doc:0\"}")]
    [InlineData("{\"type\":\"tool\",\"id\":\"tool:0\",\"tool_output\":{\"n\":1}}")]
    [InlineData("{\"type\":\"web\",\"url\":\"https://x.test/\"}")]
    public void A_variant_read_by_its_tag_is_written_with_it_once(string json)
    {
        string written = _compiled.Assembly.RoundTrip(_compiled.Assembly.Codec("Cite.CiteClientJson", "Source"), json);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(written, "\"type\":"));
        JsonAssert.Equal(json, written);
    }

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/cite.yaml", Spec, Namespace: "Cite", ClientName: "CiteClient"));
            Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(run);
        }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
