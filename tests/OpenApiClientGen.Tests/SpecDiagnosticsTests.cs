using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>A bad spec gives an error at its file, line and column, and never a generator crash (CS8785).</summary>
public sealed class SpecDiagnosticsTests
{
    [Fact]
    public void Invalid_yaml_is_reported_at_the_broken_line()
    {
        const string spec = "openapi: 3.1.0\ninfo:\n  title: Broken\n  version: '1'\npaths:\n  /a: [unclosed\n";

        Diagnostic diagnostic = SingleDiagnostic(spec, "OACG0001");

        AssertAt(diagnostic, line: 7, column: 1);
    }

    [Fact]
    public void Invalid_json_is_reported_at_the_broken_line()
    {
        const string spec = "{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"paths\": { ]\n}\n";

        Diagnostic diagnostic = SingleDiagnostic(spec, "OACG0001", "/specs/broken.json");

        AssertAt(diagnostic, line: 4, column: 14);
    }

    [Fact]
    public void A_document_without_openapi_field_is_not_a_spec()
    {
        const string spec = "info:\n  title: No version\n  version: '1'\npaths: {}\n";

        AssertAt(SingleDiagnostic(spec, "OACG0002"), line: 1, column: 1);
    }

    [Fact]
    public void An_unsupported_version_is_reported_at_the_version_field()
    {
        const string spec = "info:\n  title: Old\n  version: '1'\nopenapi: 4.0.0\npaths: {}\n";

        AssertAt(SingleDiagnostic(spec, "OACG0002"), line: 4, column: 1);
    }

    [Fact]
    public void A_dangling_ref_is_reported_at_the_ref()
    {
        const string spec = """
            openapi: 3.1.0
            info:
              title: Dangling
              version: '1'
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            """;

        Diagnostic diagnostic = SingleDiagnostic(spec, "OACG0003");

        AssertAt(diagnostic, line: 15, column: 17);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage());
    }

    [Fact]
    public void Invalid_client_name_metadata_is_an_error()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/x.yaml", "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n", ClientName: "class"));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_yaml_null_inside_a_type_list_keeps_the_property_nullable()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Nulls, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    note:
                      type: [string, null]
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/nulls.yaml", spec));

        string model = run.Sources.Single(s => s.HintName.EndsWith(".Model.Thing.g.cs")).SourceText.ToString();
        Assert.Contains("Optional<string?> Note", model);
    }

    [Fact]
    public void A_keyword_the_version_does_not_define_is_information_and_the_client_is_generated()
    {
        // PipesHub's current document puts `examples` in 3.0 schemas; the reader skips it and so does the client.
        const string spec = """
            openapi: 3.0.3
            info: {title: Keywords, version: '1'}
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
                            type: string
                            examples: [a, b]
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/keywords.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("OACG0014", DiagnosticSeverity.Info), (diagnostic.Id, diagnostic.DefaultSeverity));
        Assert.Contains("examples", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("ListThingsAsync("));
    }

    private static Diagnostic SingleDiagnostic(string spec, string id, string path = "/specs/broken.yaml")
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, spec));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }
}
