using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// <c>services.AddXClient(...)</c> is written only for compilations that reference Microsoft.Extensions.Http, and its
/// <c>IConfiguration</c> form only for those that also reference Microsoft.Extensions.Configuration.Abstractions.
/// </summary>
public sealed class DependencyInjectionGenerationTests
{
    private static readonly SpecInput PetStore = new("/specs/petstore.yaml", File.ReadAllText(TestPaths.TestSpec("petstore.yaml")), Namespace: "PetStore", ClientName: "PetStoreClient");

    [Fact]
    public void Without_Microsoft_Extensions_Http_no_registration_is_written()
    {
        GeneratorRun run = GeneratorHarness.Run(PetStore);

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".DependencyInjection.", System.StringComparison.Ordinal));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void With_Microsoft_Extensions_Http_the_registration_is_written()
    {
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { PetStore }).RunGenerators(WithHttpExtensions()).GetRunResult().Results.Single();

        GeneratedSourceResult registration = Assert.Single(result.GeneratedSources, s => s.HintName.Contains(".DependencyInjection.", System.StringComparison.Ordinal));
        Assert.Equal("PetStoreClient.DependencyInjection.PetStoreClientServiceCollectionExtensions.g.cs", registration.HintName);
        Assert.Contains("IHttpClientBuilder AddPetStoreClient(", registration.SourceText.ToString());
        Assert.DoesNotContain("IConfiguration", registration.SourceText.ToString());
    }

    [Fact]
    public void With_configuration_abstractions_the_registration_also_binds_a_configuration_section()
    {
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { PetStore })
            .RunGenerators(WithHttpExtensions("Microsoft.Extensions.Configuration.Abstractions")).GetRunResult().Results.Single();

        string registration = Assert.Single(result.GeneratedSources, s => s.HintName.Contains(".DependencyInjection.", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("global::Microsoft.Extensions.Configuration.IConfiguration configuration)", registration);
        Assert.Contains("options.Bind(global::Microsoft.Extensions.Configuration.ConfigurationExtensions.AsEnumerable(configuration, makePathsRelative: true))", registration);
    }

    [Fact]
    public void A_csharp_only_edit_leaves_the_registration_cached()
    {
        CSharpCompilation compilation = WithHttpExtensions();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { PetStore }).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, result.TrackedSteps[TrackingNames.DetectHttpClientFactory].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.EmitDependencyInjection].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    // Only the assemblies' names matter to the generator, so stand-ins with those names are enough.
    private static CSharpCompilation WithHttpExtensions(params string[] more) =>
        GeneratorHarness.CreateCompilation().AddReferences(new[] { "Microsoft.Extensions.Http" }.Concat(more)
            .Select(name => CSharpCompilation.Create(name, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference()));
}
