using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Of two operations with one operationId, the first in the document keeps the name and the later one is numbered.</summary>
public sealed class DuplicateOperationIdTests
{
    // The POST comes first in the document, though the generator emits a path's PUT before its POST.
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Twice, version: '1'}
        paths:
          /things:
            post:
              operationId: saveThing
              requestBody: {$ref: '#/components/requestBodies/NewThing'}
              responses: {'200': {$ref: '#/components/responses/Thing'}}
            put:
              operationId: saveThing
              requestBody: {$ref: '#/components/requestBodies/NewThing'}
              responses: {'200': {$ref: '#/components/responses/Thing'}}
        components:
          requestBodies:
            NewThing:
              required: true
              content:
                application/json:
                  schema: {type: object, required: [name], properties: {name: {type: string}}}
          responses:
            Thing:
              description: the thing, whole or as events
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Thing'}
                text/event-stream:
                  schema: {$ref: '#/components/schemas/Thing'}
          schemas:
            Thing: {type: object, properties: {id: {type: string}}}
        """;

    [Fact]
    public void The_first_operation_in_the_document_keeps_the_name_and_the_later_one_is_numbered_across_all_its_methods()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/twice.yaml", Spec));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Equal("POST", HttpMethodOf(client, "SaveThingWithResponseAsync"));
        Assert.Equal("PUT", HttpMethodOf(client, "SaveThing2WithResponseAsync"));
        Assert.Equal("POST", HttpMethodOf(client, "SaveThingStreamAsync"));
        Assert.Equal("PUT", HttpMethodOf(client, "SaveThing2StreamAsync"));
        // Each declares its own pair of plain calls: the one taking the body and the one taking its members.
        Assert.Equal(2, Regex.Matches(client, @"> SaveThingAsync\(").Count);
        Assert.Equal(2, Regex.Matches(client, @"> SaveThing2Async\(").Count);
        Assert.Contains("> SaveThing2Async(string name,", client);
        Assert.DoesNotMatch(@"SaveThing(Async|Stream|WithResponse)\w*\d", client);
    }

    [Fact]
    public void The_warning_points_at_the_later_operation_id_and_names_what_it_became()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/twice.yaml", Spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0005");
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/twice.yaml", span.Path);
        Assert.Equal((10, 7), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(
            "operationId 'saveThing' is used by more than one operation; this one is generated as 'SaveThing2Async'. Give each operation a unique operationId.",
            diagnostic.GetMessage());
    }

    /// <summary>The HTTP method of the request the generated method builds (the stream method and the WithResponse method build their own).</summary>
    private static string HttpMethodOf(string client, string methodName)
    {
        Match match = Regex.Match(client, @" " + methodName + @"\([^{]*\{\s*var request = new OACG::ApiRequest\(""(?<method>[A-Z]+)""");
        Assert.True(match.Success, methodName + " builds no request in:\n" + client);
        return match.Groups["method"].Value;
    }
}
