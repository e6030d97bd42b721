using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The generator costs nothing when nothing it reads has changed, checked step by step by tracking name.</summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] SpecSteps = { TrackingNames.ReadSpec, TrackingNames.ConvertToJson, TrackingNames.BuildModel, TrackingNames.EmitSource };

    private static readonly string PetStore = File.ReadAllText(TestPaths.TestSpec("petstore.yaml"));

    [Fact]
    public void A_csharp_only_edit_leaves_every_spec_step_cached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(new SpecInput("/specs/petstore.yaml", PetStore));

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in SpecSteps)
        {
            Assert.All(Reasons(result, step), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Fact]
    public void A_spec_edit_regenerates_that_spec()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(new SpecInput("/specs/petstore.yaml", PetStore));

        string changed = PetStore.Replace("operationId: deletePet", "operationId: removePet");
        driver = driver.ReplaceAdditionalText(FindText(driver, "/specs/petstore.yaml"), Text("/specs/petstore.yaml", changed));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.BuildModel));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.EmitSource));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("RemovePetAsync"));
    }

    [Fact]
    public void A_whitespace_or_comment_edit_stops_at_the_json_step()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(new SpecInput("/specs/petstore.yaml", PetStore));

        driver = driver.ReplaceAdditionalText(FindText(driver, "/specs/petstore.yaml"), Text("/specs/petstore.yaml", "# a new comment\n\n" + PetStore + "\n\n"));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(result, TrackingNames.ReadSpec));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(result, TrackingNames.ConvertToJson));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(result, TrackingNames.BuildModel));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(result, TrackingNames.EmitSource));
    }

    [Fact]
    public void Editing_one_spec_does_not_rebuild_another()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(
            new SpecInput("/specs/a.yaml", PetStore, ClientName: "AClient", Namespace: "A"),
            new SpecInput("/specs/b.yaml", PetStore, ClientName: "BClient", Namespace: "B"));

        driver = driver.ReplaceAdditionalText(FindText(driver, "/specs/a.yaml"), Text("/specs/a.yaml", PetStore.Replace("Pet Store", "Pet Store A")));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        IncrementalStepRunReason[] models = Reasons(result, TrackingNames.BuildModel);
        Assert.Equal(2, models.Length);
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Cached));
    }

    // The JSON step hands its tree to the model step once, and the model step repairs it in place (here: 3.0's
    // 'nullable' in a 3.1 document). A rerun of the model step alone, for a target that changed, must read the
    // document as the first run did, not the repaired tree again.
    [Fact]
    public void A_rerun_for_another_target_reads_the_document_as_the_first_run_did()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Dates, version: "1" }
            paths:
              /days:
                get:
                  operationId: getDay
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Day" }
            components:
              schemas:
                Day:
                  type: object
                  properties:
                    date: { type: string, format: date }
                    note: { type: string, nullable: true }
            """;
        var input = new SpecInput("/specs/dates.yaml", spec);
        (GeneratorDriver driver, CSharpCompilation compilation) = RunOnce(input);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        CSharpCompilation withoutRuntime = compilation.RemoveReferences(compilation.References.Single(r => r.Display!.EndsWith("OpenApiClientGen.Runtime.dll", System.StringComparison.Ordinal)));

        GeneratorRunResult rerun = driver.RunGenerators(withoutRuntime).GetRunResult().Results.Single();
        GeneratorRunResult fresh = GeneratorHarness.CreateDriver(new[] { input }).RunGenerators(withoutRuntime).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(rerun, TrackingNames.ConvertToJson));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(rerun, TrackingNames.BuildModel));
        Assert.Contains(rerun.Diagnostics, d => d.GetMessage().Contains("'nullable' is an OpenAPI 3.0 keyword"));
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), rerun.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(fresh.GeneratedSources.Select(s => s.HintName + s.SourceText), rerun.GeneratedSources.Select(s => s.HintName + s.SourceText));
        Assert.Contains("global::System.DateOnly? Date", Day(first));
        Assert.Contains("string? Date", Day(rerun));
        Assert.Contains("Optional<string?> Note", Day(rerun));

        static string Day(GeneratorRunResult result) => result.GeneratedSources.Single(s => s.HintName.Contains(".Model.Day.")).SourceText.ToString();
    }

    [Fact]
    public void Step_outputs_hold_no_roslyn_or_openapi_objects()
    {
        (GeneratorDriver driver, _) = RunOnce(new SpecInput("/specs/petstore.yaml", PetStore));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in SpecSteps.Append(TrackingNames.ReadReferencedFile))
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps.TryGetValue(step, out var runs) ? runs : Enumerable.Empty<IncrementalGeneratorRunStep>())
            {
                foreach ((object value, _) in run.Outputs)
                {
                    ModelGraph.AssertHoldsOnlyPlainData(value, step);
                }
            }
        }
    }

    // The compiler's step tables are generic over the value's type and need machine code of their own for every struct
    // type, compiled afresh in each build; over classes they share one copy. So a value between steps is a class, or a
    // pair (Combine) or collection (Collect) of classes.
    [Fact]
    public void Every_value_between_steps_is_a_class_or_a_pair_or_collection_of_classes()
    {
        (GeneratorDriver driver, _) = RunOnce(new SpecInput("/specs/petstore.yaml", PetStore));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var seen = new HashSet<IncrementalGeneratorRunStep>();
        var pending = new Stack<IncrementalGeneratorRunStep>(result.TrackedOutputSteps.Values.SelectMany(runs => runs));
        var offending = new SortedSet<string>(System.StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            IncrementalGeneratorRunStep step = pending.Pop();
            if (!seen.Add(step))
            {
                continue;
            }

            foreach ((object value, _) in step.Outputs)
            {
                if (!IsSharedShape(value.GetType()))
                {
                    offending.Add($"{step.Name ?? "(unnamed)"}: {value.GetType()}");
                }
            }

            foreach ((IncrementalGeneratorRunStep source, _) in step.Inputs)
            {
                pending.Push(source);
            }
        }

        Assert.True(seen.Count > 20, $"only {seen.Count} steps were walked");
        Assert.Empty(offending);
    }

    private static bool IsSharedShape(System.Type type) =>
        !type.IsValueType
        || (type.IsGenericType
            && (type.GetGenericTypeDefinition() == typeof(System.ValueTuple<,>) || type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>))
            && type.GetGenericArguments().All(argument => !argument.IsValueType));

    private IReadOnlyList<AdditionalText> _texts = new List<AdditionalText>();

    private (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce(params SpecInput[] specs)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, out _texts).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private AdditionalText FindText(GeneratorDriver driver, string path) => _texts.Single(t => t.Path == path);

    private static AdditionalText Text(string path, string text) => GeneratorHarness.Text(path, text);
}
