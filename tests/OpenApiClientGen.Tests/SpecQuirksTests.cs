using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Things real documents do that are legal, or harmless, and must not cost the user a diagnostic or a client.</summary>
public sealed class SpecQuirksTests
{
    [Fact]
    public void A_numeric_exclusive_minimum_in_an_openapi_30_document_is_read_as_an_exclusive_bound()
    {
        const string spec = """
            {"openapi": "3.0.3", "info": {"title": "Bounds", "version": "1"}, "paths": {},
             "components": {"schemas": {"Sampling": {"type": "object", "properties": {
               "topP": {"type": "number", "minimum": 0, "exclusiveMinimum": 0},
               "bestOf": {"type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10}}}}}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/bounds.json", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName == "BoundsClient.Model.Sampling.g.cs");
    }

    [Fact]
    public void A_null_default_is_documented_as_null()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Defaults, version: '1'}
            paths: {}
            components:
              schemas:
                Reply:
                  type: object
                  properties:
                    model: {type: [string, 'null'], default: null}
                    role: {type: string, default: assistant}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/defaults.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        string reply = run.Sources.Single(s => s.HintName == "DefaultsClient.Model.Reply.g.cs").SourceText.ToString();
        Assert.Contains("/// <remarks>Default: null</remarks>", reply);
        Assert.Contains("/// <remarks>Default: \"assistant\"</remarks>", reply);
        Assert.DoesNotContain("sentinel", reply);
    }

    [Fact]
    public void Refs_by_schema_id_and_anchor_resolve_to_the_schemas_that_declare_them()
    {
        const string spec = """
            {"openapi": "3.1.0", "info": {"title": "Ids", "version": "1"}, "paths": {},
             "components": {"schemas": {
               "Pet": {"type": "object", "properties": {
                 "details": {"$ref": "/schemas/petdetails"},
                 "detailsId": {"$ref": "/schemas/petdetails#details_id"}}},
               "PetDetails": {"$id": "/schemas/petdetails", "type": "object", "properties": {
                 "id": {"$anchor": "details_id", "type": "integer", "format": "int64"}}}}}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/ids.json", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string pet = run.Sources.Single(s => s.HintName == "IdsClient.Model.Pet.g.cs").SourceText.ToString();
        Assert.Contains("global::Ids.PetDetails? Details", pet);
        Assert.Contains("long? DetailsId", pet);
    }

    [Fact]
    public void A_ref_inside_a_vendor_extension_that_resolves_nowhere_is_left_alone()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Extensions, version: '1'}
            x-topics:
              - content: {$ref: ./docs/getting-started.md}
            paths:
              /a:
                get:
                  operationId: getA
                  x-policy-list: {$ref: '#/components/x-policy/list'}
                  responses: {'204': {description: ok}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/extensions.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_ref_to_a_schema_inside_an_operation_is_typed_like_a_component_ref()
    {
        const string spec = """
            openapi: 3.0.2
            info: {title: Deep, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              name: {type: string}
                    '400':
                      description: bad
                      content:
                        application/json:
                          schema: {$ref: '#/paths/~1things/get/responses/200/content/application~1json/schema'}
              /other:
                get:
                  operationId: getOther
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: array
                            items: {$ref: '#/paths/~1things/get/responses/200/content/application~1json/schema'}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/deep.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("IList<global::Deep.ThingsGet200Schema>", client);
    }

    [Fact]
    public void An_operation_without_responses_is_legal_from_openapi_31_on()
    {
        const string operation = "paths:\n  /users:\n    get:\n      operationId: listUsers\n";

        GeneratorRun v31 = GeneratorHarness.Run(new SpecInput("/specs/v31.yaml", "openapi: 3.1.0\ninfo: {title: V31, version: '1'}\n" + operation));
        GeneratorRun v30 = GeneratorHarness.Run(new SpecInput("/specs/v30.yaml", "openapi: 3.0.3\ninfo: {title: V30, version: '1'}\n" + operation));

        Assert.Empty(v31.GeneratorDiagnostics);
        Assert.Equal("OACG0014", Assert.Single(v30.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void An_enum_value_named_like_an_inherited_member_gets_another_name()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Members, version: '1'}
            paths: {}
            components:
              schemas:
                Operator:
                  type: string
                  enum: [equals, toString, contains]
                Rule:
                  type: object
                  properties:
                    equals: {type: string}
                    getHashCode: {type: integer}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/members.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
    }

    [Fact]
    public void Names_that_differ_only_in_a_leading_sign_keep_the_sign_as_a_word()
    {
        // GitHub's reaction rollup has properties "+1" and "-1"; both used to become N1.
        const string spec = """
            openapi: 3.0.3
            info: {title: Reactions, version: '1'}
            paths: {}
            components:
              schemas:
                Rollup:
                  type: object
                  properties:
                    '+1': {type: integer}
                    '-1': {type: integer}
                    laugh: {type: integer}
                Vote:
                  type: string
                  enum: ['+1', '-1']
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/reactions.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string rollup = run.Sources.Single(s => s.HintName == "ReactionsClient.Model.Rollup.g.cs").SourceText.ToString();
        Assert.Contains("long? Plus1", rollup);
        Assert.Contains("long? Minus1", rollup);
        string vote = run.Sources.Single(s => s.HintName == "ReactionsClient.Enum.Vote.g.cs").SourceText.ToString();
        Assert.Contains(" Plus1 ", vote);
        Assert.Contains(" Minus1 ", vote);
    }

    [Theory]
    [InlineData("a:\n  example: |+\n      \n  nullable: true\n", """{"a": {"example": "\n", "nullable": true}}""")]
    [InlineData("a:\n  example: |\n      \n     \n  nullable: true\n", """{"a": {"example": "", "nullable": true}}""")]
    [InlineData("a:\n  example: |\n  \n    text\n  nullable: true\n", """{"a": {"example": "\ntext\n", "nullable": true}}""")]
    [InlineData("a:\n  example: |-\n    \n    text\n", """{"a": {"example": "\ntext"}}""")]
    [InlineData("a:\n  - |+\n      \n  - b\n", """{"a": ["\n", "b"]}""")]
    [InlineData("a:\n  - key: |+  # keep\n        \n    other: 1\n", """{"a": [{"key": "\n", "other": 1}]}""")]
    [InlineData("a:\r\n  example: |+\r\n      \r\n  nullable: true\r\n", """{"a": {"example": "\n", "nullable": true}}""")]
    public void Space_only_lines_that_open_a_literal_block_read_as_libyaml_reads_them(string yaml, string expected)
    {
        // YamlDotNet refuses these ("found extra spaces in first line"); the expected values are PyYAML's.
        var (node, error, repairs) = OpenApiClientGen.Parsing.SpecTextConverter.Convert("/specs/blocks.yaml", yaml);

        Assert.Null(error);
        Assert.True(JsonEquivalence.AreEquivalent(System.Text.Json.Nodes.JsonNode.Parse(expected), node, out string difference), difference);
        Assert.Equal("OACG0014", Assert.Single(repairs).DescriptorId);
    }

    [Fact]
    public void Space_only_lines_wider_than_the_first_content_line_stay_an_error()
    {
        // libyaml and js-yaml end the block at the narrower content line and fail too; emptying the line would change that.
        var (node, error, repairs) = OpenApiClientGen.Parsing.SpecTextConverter.Convert("/specs/blocks.yaml", "a: |\n      \n    text\n");

        Assert.Null(node);
        Assert.Equal(("OACG0001", 3, 1), (error!.DescriptorId, error.Location.Line, error.Location.Column));
        Assert.Empty(repairs);
    }
}
