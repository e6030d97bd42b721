using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// <c>ShareIdenticalTypes="true"</c> on an <c>&lt;OpenApiClient&gt;</c> item: inline schemas that declare the same type
/// (documents generated from code often repeat one shape in place) share one C# type. Without it, each keeps its own.
/// </summary>
public sealed class SharedTypeTests
{
    // Two operations that inline the same retry settings (with the same enum inside), a third whose settings differ
    // only in a description, and a component that one operation's reply copies in place.
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Shapes, version: '1'}
        paths:
          /runs:
            post:
              operationId: createRun
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        retry:
                          type: object
                          properties:
                            count: {type: integer}
                            on: {type: string, enum: [timeout, error]}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: {type: string}
                          usage: {type: object, properties: {tokens: {type: integer}}}
          /jobs:
            post:
              operationId: createJob
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        retry:
                          type: object
                          properties:
                            count: {type: integer}
                            on: {type: string, enum: [timeout, error]}
                        backoff:
                          type: object
                          properties:
                            count: {type: integer, description: How many times to wait.}
                            on: {type: string, enum: [timeout, error]}
              responses:
                '204': {description: ok}
        components:
          schemas:
            Usage: {type: object, properties: {tokens: {type: integer}}}
        """;

    [Fact]
    public void Without_the_option_every_inline_schema_keeps_its_own_type()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", Spec));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.Equal(
            new[] { "CreateJobRequest", "CreateJobRequestBackoff", "CreateJobRequestRetry", "CreateRunRequest", "CreateRunRequestRetry", "CreateRunResponse", "CreateRunResponseUsage", "Usage" },
            DeclaredModels(run));
    }

    [Fact]
    public void With_the_option_identical_inline_schemas_share_the_first_ones_type()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", Spec, ShareIdenticalTypes: "true"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));

        // The retry settings and their enum are declared once; the backoff, documented differently, keeps its own
        // model but shares the enum; the reply's usage is the component.
        Assert.Equal(new[] { "CreateJobRequest", "CreateJobRequestBackoff", "CreateRunRequest", "CreateRunRequestRetry", "CreateRunResponse", "Usage" }, DeclaredModels(run));
        Assert.Equal(new[] { "CreateRunRequestRetryOn" }, Declared(run, "Enum"));
        string job = Source(run, "Model.CreateJobRequest");
        Assert.Contains("global::Shapes.CreateRunRequestRetry? Retry", job);
        Assert.Contains("global::Shapes.CreateJobRequestBackoff? Backoff", job);
        Assert.Contains("global::Shapes.CreateRunRequestRetryOn? On", Source(run, "Model.CreateJobRequestBackoff"));
        Assert.Contains("global::Shapes.Usage? Usage", Source(run, "Model.CreateRunResponse"));
    }

    [Fact]
    public void A_value_that_is_not_true_or_false_is_an_error()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shapes.yaml", Spec, ShareIdenticalTypes: "yes"));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OACG0008", diagnostic.Id);
        Assert.Contains("ShareIdenticalTypes", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    private static string[] DeclaredModels(GeneratorRun run) => Declared(run, "Model");

    private static string[] Declared(GeneratorRun run, string kind) =>
        run.Sources.Select(s => s.HintName)
            .Where(h => h.StartsWith("ShapesClient." + kind + ".", System.StringComparison.Ordinal))
            .Select(h => h["ShapesClient.".Length..^".g.cs".Length][(kind.Length + 1)..])
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();

    private static string Source(GeneratorRun run, string kindAndName) =>
        run.Sources.Single(s => s.HintName == "ShapesClient." + kindAndName + ".g.cs").SourceText.ToString();
}
