using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// An operation's text stands once in the output, on its WithResponse method; the method that returns the body and
/// the overload that takes the body's members point at it, and the compiler resolves what they point at.
/// </summary>
public sealed class OperationDocsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Agents, version: '1'}
        paths:
          /agents:
            post:
              operationId: create_agent
              summary: Create an agent.
              description: The agent starts idle and answers once it has a model.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [model]
                      properties:
                        model: {type: string, description: The model that answers.}
                        status:
                          type: string
                          enum: [in_progress, gpt-4o, '+1']
              responses:
                '201': {description: created}
        """;

    [Fact]
    public void The_summary_stands_once_and_the_other_forms_inherit_it_from_the_WithResponse_method()
    {
        GeneratorRun run = Run();
        string group = run.Sources.Single(s => s.HintName.Contains(".Client.AgentsClient.", StringComparison.Ordinal)).SourceText.ToString();

        Assert.Single(Occurrences(group, "Create an agent."));
        Assert.Single(Occurrences(group, "The agent starts idle"));

        INamedTypeSymbol client = run.Output.GetTypeByMetadataName("Agents.AgentsClient")!;
        IMethodSymbol withResponse = client.GetMembers("CreateAgentWithResponseAsync").OfType<IMethodSymbol>().Single();
        Assert.Contains("<summary>Create an agent.</summary>", withResponse.GetDocumentationCommentXml());
        Assert.Contains("<returns>", withResponse.GetDocumentationCommentXml());

        // The compiler writes a cref it resolved as the member's ID; one it could not resolve stays as written, with a warning.
        string target = withResponse.GetDocumentationCommentId()!;
        IMethodSymbol[] others = client.GetMembers("CreateAgentAsync").OfType<IMethodSymbol>().ToArray();
        Assert.Equal(2, others.Length);
        foreach (IMethodSymbol method in others)
        {
            string xml = method.GetDocumentationCommentXml()!;
            Assert.Contains($"<inheritdoc cref=\"{target}\"", xml);
            Assert.DoesNotContain("Create an agent.", xml);
        }

        IMethodSymbol flattened = others.Single(m => m.Parameters.Any(p => p.Name == "model"));
        Assert.Contains("<param name=\"model\">The model that answers.</param>", flattened.GetDocumentationCommentXml());
        Assert.Contains("not(self::param", flattened.GetDocumentationCommentXml());
        Assert.True(run.CompilationWarnings.Count == 0, run.Describe(run.CompilationWarnings));
    }

    [Fact]
    public void An_enum_value_gets_a_summary_only_when_its_name_does_not_already_spell_it()
    {
        GeneratorRun run = Run();
        string status = run.Sources.Single(s => s.HintName.EndsWith("Status.g.cs", StringComparison.Ordinal)).SourceText.ToString();

        Assert.DoesNotContain("<c>in_progress</c>", status);
        Assert.DoesNotContain("<c>gpt-4o</c>", status);
        Assert.Contains("<c>+1</c>", status);
        Assert.Contains("= new(\"in_progress\");", status);
    }

    private static GeneratorRun Run()
    {
        GeneratorRun? run = BoundedGeneratorRun.Run(TimeSpan.FromMinutes(1), GeneratorHarness.DocumentedParseOptions, new SpecInput("/specs/agents.yaml", Spec, Namespace: "Agents", ClientName: "AgentsClient"));
        Assert.NotNull(run);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        return run;
    }

    private static string[] Occurrences(string text, string part) =>
        Enumerable.Range(0, text.Length - part.Length + 1).Where(i => string.CompareOrdinal(text, i, part, 0, part.Length) == 0).Select(i => part).ToArray();
}
