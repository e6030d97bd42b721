using System.IO;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The whole generator on the slice spec: every generated file and the list of files match the baselines.</summary>
public sealed class PetStoreBaselineTests
{
    [Fact]
    public void Generated_files_match_the_baselines_and_compile_without_warnings()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/petstore.yaml", File.ReadAllText(TestPaths.TestSpec("petstore.yaml")), Namespace: "PetStore", ClientName: "PetStoreClient"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.True(run.CompilationWarnings.Count == 0, run.Describe(run.CompilationWarnings));
        Baselines.AssertMatches("PetStore", run.Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList());
    }

    [Fact]
    public void The_same_spec_always_gives_byte_identical_output()
    {
        string spec = File.ReadAllText(TestPaths.TestSpec("petstore.yaml"));
        string[] first = GeneratorHarness.Run(new SpecInput("/specs/petstore.yaml", spec)).Sources.Select(s => s.HintName + s.SourceText).ToArray();
        string[] second = GeneratorHarness.Run(new SpecInput("/specs/petstore.yaml", spec)).Sources.Select(s => s.HintName + s.SourceText).ToArray();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Namespace_and_client_name_default_from_the_file_name()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/pet-store.yaml", File.ReadAllText(TestPaths.TestSpec("petstore.yaml"))));

        Assert.Contains(run.Sources, s => s.HintName == "PetStoreClient.Client.PetStoreClient.g.cs");
        Assert.Contains("namespace PetStore;", run.Sources[0].SourceText.ToString());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
    }
}
