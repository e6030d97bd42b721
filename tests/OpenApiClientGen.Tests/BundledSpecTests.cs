using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The project's own conversation specs under specs/ generate clients that compile without a warning.</summary>
public sealed class BundledSpecTests
{
    [Theory]
    [InlineData("pipeshub.yaml", "PipesHub", "PipesHubClient")]
    [InlineData("pieces.yaml", "Pieces", "PiecesClient")]
    [InlineData("orq.yaml", "Orq", "OrqClient")]
    [InlineData("mistral.yaml", "Mistral", "MistralClient")]
    [InlineData("ollama.yaml", "LocalModel", "OllamaClient")]
    public void A_bundled_spec_compiles_with_no_errors_and_no_warnings(string fileName, string ns, string clientName)
    {
        string path = Path.Combine(TestPaths.RepositoryRoot, "specs", fileName);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: ns, ClientName: clientName));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.True(run.CompilationWarnings.Count == 0, run.Describe(run.CompilationWarnings));
    }

    [Theory]
    [InlineData("pipeshub.yaml", "PipesHub", "PipesHubClient", "AgentConversations.StreamMessageAsync")]
    [InlineData("pipeshub.yaml", "PipesHub", "PipesHubClient", "Conversations.CreateWithStreamingAsync")]
    [InlineData("mistral.yaml", "Mistral", "MistralClient", "Beta.Conversations.GetHistoryAsync")]
    public void The_seed_sdk_names_are_the_csharp_names(string fileName, string ns, string clientName, string memberPath)
    {
        string path = Path.Combine(TestPaths.RepositoryRoot, "specs", fileName);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: ns, ClientName: clientName));

        ITypeSymbol type = run.Output.GetTypeByMetadataName(ns + "." + clientName)!;
        string[] names = memberPath.Split('.');
        foreach (string group in names.Take(names.Length - 1))
        {
            type = Assert.Single(type.GetMembers(group).OfType<IPropertySymbol>()).Type;
        }

        Assert.Contains(type.GetMembers(names[^1]), m => m is IMethodSymbol { DeclaredAccessibility: Accessibility.Public });
    }
}
