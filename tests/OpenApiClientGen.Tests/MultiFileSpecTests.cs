using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Relative <c>$ref</c>s into other files resolve through files handed over as references, never from disk.</summary>
public sealed class MultiFileSpecTests
{
    private const string Root = """
        openapi: 3.0.3
        info: {title: Split, version: '1'}
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - $ref: 'common/library.yaml#/components/parameters/id/'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: 'common/library.yaml#/components/schemas/Thing'
        """;

    private const string Library = """
        components:
          parameters:
            id:
              name: id
              in: path
              required: true
              schema: {type: string}
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
                parts:
                  type: array
                  items: {$ref: '#/components/schemas/Thing'}
        """;

    [Fact]
    public void Refs_into_a_referenced_file_are_bundled_into_one_client()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new SpecInput("/api/split.yaml", Root),
            new SpecInput("/api/common/library.yaml", Library, Role: "reference"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string model = run.Sources.Single(s => s.HintName == "SplitClient.Model.Thing.g.cs").SourceText.ToString();
        Assert.Contains("IList<global::Split.Thing>? Parts", model);
        string client = run.Sources.Single(s => s.HintName == "SplitClient.Client.SplitClient.g.cs").SourceText.ToString();
        Assert.Contains("GetThingAsync(string id,", client);
    }

    [Fact]
    public void A_missing_referenced_file_is_a_warning_at_the_ref_and_the_value_falls_back_to_JsonElement()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/api/split.yaml", Root));

        Diagnostic[] missing = run.GeneratorDiagnostics.Where(d => d.Id == "OACG0004").ToArray();
        Assert.Equal(2, missing.Length);
        Assert.All(missing, d => Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity));
        Assert.Equal(8, missing[0].Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("common/library.yaml", missing[0].GetMessage());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    [SharedFact]
    public void The_pieces_two_file_spec_resolves_all_its_references()
    {
        string spec = TestPaths.Shared("reference-specs/pieces/spec/modules/core/isomorphic.openapi.yaml");
        string library = TestPaths.Shared("reference-specs/pieces/spec/common/runtime_common_library.yaml");

        GeneratorRun run = GeneratorHarness.Run(
            new SpecInput(spec, File.ReadAllText(spec), Namespace: "Pieces", ClientName: "PiecesClient"),
            new SpecInput(library, File.ReadAllText(library), Role: "reference"));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "OACG0003" or "OACG0004" or "OACG0099" or "CS8785");
        Assert.Contains(run.Sources, s => s.HintName == "PiecesClient.Model.Conversation.g.cs");
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("ConversationsSnapshotAsync("));
    }
}
