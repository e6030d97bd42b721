using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The vendors' full published documents go through the generator without it failing.</summary>
public sealed class ReferenceDocumentTests
{
    [SharedTheory]
    [InlineData("reference-specs/mistral/openapi.yaml")]
    [InlineData("reference-specs/orq/openapi.yaml")]
    [InlineData("reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml")]
    [InlineData("reference-specs/pipeshub/pipeshub-openapi.yaml")]
    [InlineData("reference-specs/pieces/sdk-csharp-bundled/openapi.yaml")]
    public void The_generator_never_fails_on_a_reference_document(string relativePath)
    {
        string path = TestPaths.Shared(relativePath);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Vendor", ClientName: "VendorClient"));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        Assert.NotEmpty(run.Sources);
    }

    [SharedTheory]
    [InlineData("reference-specs/mistral/openapi.yaml")]
    [InlineData("reference-specs/orq/openapi.yaml")]
    [InlineData("reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml")]
    public void A_reference_document_compiles_with_no_errors_and_no_warnings(string relativePath)
    {
        string path = TestPaths.Shared(relativePath);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Vendor", ClientName: "VendorClient"));

        // Infos (a paged list found, a repair made) are expected; a warning or an error is not.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.True(run.CompilationWarnings.Count == 0, run.Describe(run.CompilationWarnings));
    }

    [SharedFact]
    public void The_generated_code_for_the_full_Mistral_document_stays_within_its_size_budget()
    {
        string path = TestPaths.Shared("reference-specs/mistral/openapi.yaml");

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Vendor", ClientName: "VendorClient"));

        long bytes = run.Sources.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
        // 2 MiB plus the JSON twins of the operations that offer JSON and a stream (chat, FIM, agents completions).
        Assert.True(bytes < (2 * 1024 + 64) * 1024, $"{bytes} bytes in {run.Sources.Count} files");
    }

    [Fact]
    public void Groups_that_differ_only_in_case_get_distinct_files()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: Cases, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  x-speakeasy-group: connectorOAuthConfiguration
                  responses: {'204': {description: ok}}
              /b:
                get:
                  operationId: getB
                  x-speakeasy-group: connectorOauthConfiguration
                  responses: {'204': {description: ok}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/cases.yaml", spec));

        // Infos (a paged list found, a repair made) are expected; a warning or an error is not.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Equal(2, run.Sources.Count(s => s.HintName.Contains(".Group.", System.StringComparison.Ordinal)));
    }
}
