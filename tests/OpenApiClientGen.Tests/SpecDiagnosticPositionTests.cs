using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Each diagnostic case carries its ID and the exact line and column of the node it is about.</summary>
public sealed class SpecDiagnosticPositionTests
{
    [Fact]
    public void A_ref_into_a_file_that_was_not_given_is_reported_at_the_ref()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Missing file, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  properties:
                    part: {$ref: 'parts.yaml#/Part'}
            """;

        Diagnostic diagnostic = Single(spec, "OACG0004");

        AssertAt(diagnostic, line: 8, column: 16);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("'parts.yaml'", diagnostic.GetMessage());
    }

    [Fact]
    public void A_duplicate_operation_id_is_reported_at_the_second_operation_id()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Twice, version: '1'}
            paths:
              /a:
                get:
                  operationId: getThing
                  responses: {'204': {description: ok}}
              /b:
                get:
                  operationId: getThing
                  responses: {'204': {description: ok}}
            """;

        Diagnostic diagnostic = Single(spec, "OACG0005");

        AssertAt(diagnostic, line: 10, column: 7);
        Assert.Contains("operationId 'getThing' is used by more than one operation; this one is generated as 'GetThing2Async'", diagnostic.GetMessage());
    }

    [Fact]
    public void Two_schemas_that_become_one_type_name_are_reported_at_the_second()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Types, version: '1'}
            paths: {}
            components:
              schemas:
                pet-status:
                  type: object
                  properties: {a: {type: string}}
                pet_status:
                  type: object
                  properties: {b: {type: string}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/types.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0006");
        AssertAt(diagnostic, line: 9, column: 5);
        Assert.Equal("'pet-status' and 'pet_status' both become the C# name 'PetStatus'; the second is generated as 'PetStatus2'. Rename one of them in the spec if the name matters.", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.All(d => d.IsWarningAsError), run.Describe(run.CompilationErrors));
        Assert.Contains(run.Sources, s => s.HintName == "TypesClient.Model.PetStatus2.g.cs");
    }

    [Fact]
    public void Two_properties_that_become_one_member_name_are_reported_at_the_second()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Members, version: '1'}
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  properties:
                    first_name: {type: string}
                    firstName: {type: string}
            """;

        Diagnostic diagnostic = Single(spec, "OACG0006");

        AssertAt(diagnostic, line: 10, column: 9);
        Assert.Contains("'first_name' and 'firstName' both become the C# name 'FirstName'; the second is generated as 'FirstName2'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("not: {type: string}", "not")]
    [InlineData("if: {required: [a]}\n      then: {required: [b]}", "if")]
    [InlineData("type: object\n      patternProperties: {'^x': {type: string}}", "patternProperties")]
    public void A_schema_shaped_only_by_an_unsupported_keyword_is_reported_at_the_keyword(string schema, string keyword)
    {
        string spec = $"""
            openapi: 3.1.0
            info: {"{"}title: Odd, version: '1'{"}"}
            paths: {"{"}{"}"}
            components:
              schemas:
                Odd:
                  {schema}
            """;

        Diagnostic diagnostic = Single(spec, "OACG0007");

        int line = spec.Split('\n').ToList().FindIndex(l => l.TrimStart().StartsWith(keyword + ":")) + 1;
        AssertAt(diagnostic, line, column: 7);
        Assert.Contains($"'{keyword}'", diagnostic.GetMessage());
    }

    [Fact]
    public void A_keyword_beside_a_real_type_only_narrows_it_and_is_not_reported()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Narrow, version: '1'}
            paths: {}
            components:
              schemas:
                Name:
                  type: string
                  not: {const: admin}
                Thing:
                  type: object
                  properties:
                    not: {type: string}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/narrow.yaml", spec));

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_discriminator_an_inline_union_does_not_require_is_reported_at_it_without_a_blank_schema_name()
    {
        const string spec = """
            openapi: 3.0.1
            info: {title: Kinds, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            oneOf:
                            - {type: object, properties: {x: {type: string}}}
                            - {type: object, properties: {y: {type: string}}}
                            discriminator: {propertyName: kind}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/spec.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0014", diagnostic.Id);
        AssertAt(diagnostic, line: 16, column: 17);
        Assert.StartsWith("The schema must contain property specified in the discriminator kind", diagnostic.GetMessage());
        Assert.DoesNotContain("  ", diagnostic.GetMessage());
    }

    [Fact]
    public void A_vocabulary_that_is_not_a_map_is_ignored_and_reported_as_information_at_the_keyword()
    {
        // Swagger's petstore31 example gives `$vocabulary`, a meta-schema keyword, as a string.
        const string spec = """
            openapi: 3.1.0
            info: {title: Vocabulary, version: '1'}
            paths: {}
            components:
              schemas:
                PetDetails:
                  $schema: https://json-schema.org/draft/2020-12/schema
                  $vocabulary: https://spec.openapis.org/oas/3.1/schema-base
                  type: object
                  properties:
                    id: {type: integer, format: int64}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/spec.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OACG0014", DiagnosticSeverity.Info), (diagnostic.Id, diagnostic.DefaultSeverity));
        AssertAt(diagnostic, line: 8, column: 7);
        Assert.Equal("'$vocabulary' belongs in a meta-schema, as a map from vocabulary URI to boolean; here it is not a map and is ignored (the client is generated regardless)", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Contains("long? Id", run.Sources.Single(s => s.HintName == "SpecClient.Model.PetDetails.g.cs").SourceText.ToString());
    }

    [Fact]
    public void A_schema_required_that_is_not_a_list_is_ignored_with_a_warning_at_the_keyword()
    {
        // Spotify's playlist cover upload says `required: true` inside the body's schema.
        const string spec = """
            openapi: 3.0.3
            info: {title: Upload, version: '1'}
            paths:
              /covers:
                put:
                  operationId: uploadCover
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          required: true
                          properties:
                            image: {type: string, format: byte}
                  responses: {'202': {description: ok}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/spec.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OACG0011", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.DefaultSeverity));
        AssertAt(diagnostic, line: 12, column: 15);
        Assert.Equal("'required' in a schema is a list of property names; this one is not a list and is ignored. List the names of the required properties, or remove it", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("UploadCoverAsync(", client);
        Assert.Contains("byte[]? Image", client);
    }

    [Fact]
    public void Space_only_lines_that_open_a_literal_block_are_reported_as_information_where_yamldotnet_stopped()
    {
        // OpenAI's document: `example: |+` and then a line of twelve spaces, which YamlDotNet refuses.
        string spec = """
            openapi: 3.0.3
            info: {title: Stops, version: '1'}
            paths:
              /completions:
                post:
                  operationId: createCompletion
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Stop'}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Stop:
                  oneOf:
                    - type: string
                      default: <|endoftext|>
                      example: |+
            SPACES
                      nullable: true
                    - type: array
                      items: {type: string}
                Later:
                  not: {type: string}
            """.Replace("SPACES", new string(' ', 12));

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/spec.yaml", spec));

        Assert.Equal(new[] { "OACG0007", "OACG0014" }, run.GeneratorDiagnostics.Select(d => d.Id).Order());
        Diagnostic repaired = run.GeneratorDiagnostics.Single(d => d.Id == "OACG0014");
        Assert.Equal(DiagnosticSeverity.Info, repaired.DefaultSeverity);
        AssertAt(repaired, line: 20, column: 1);
        Assert.Equal("The literal block scalar on line 18 starts with a line of only spaces, which YamlDotNet refuses; it is read as an empty line, as libyaml and js-yaml read it (the client is generated regardless)", repaired.GetMessage());
        // Positions past the block are found in the text as the converter read it.
        AssertAt(run.GeneratorDiagnostics.Single(d => d.Id == "OACG0007"), line: 24, column: 7);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("CreateCompletionAsync("));
    }

    [Fact]
    public void Invalid_namespace_metadata_is_reported_at_the_start_of_the_spec()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/x.yaml", "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n", Namespace: "Contoso..Api"));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0008", diagnostic.Id);
        Assert.Equal("/specs/x.yaml", diagnostic.Location.GetLineSpan().Path);
        AssertAt(diagnostic, line: 1, column: 1);
        Assert.Contains("Namespace 'Contoso..Api'", diagnostic.GetMessage());
    }

    private static Diagnostic Single(string spec, string id)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/spec.yaml", spec));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal("/specs/spec.yaml", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
