using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Parsing;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Tests.Fuzzing;

/// <summary>
/// Seeded mutants of real documents go through the generator on a 1 MB stack; every one must end, within a limit,
/// with output and/or diagnostics, and never with a crash (CS8785) or the generator's own failure (OACG0099), and no
/// hostile string among the odd ones may become code in the output. Every
/// other mutant is generated with <c>ShareIdenticalTypes="true"</c>.
/// CI runs <see cref="DefaultCount"/> mutants; <c>OACG_FUZZ=10000</c> runs more, <c>OACG_FUZZ_SEED</c> changes the seed.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCount = 300;
    private const int DefaultSeed = 20261122;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    [Fact]
    public void No_mutant_crashes_or_hangs_the_generator()
    {
        int count = int.TryParse(Environment.GetEnvironmentVariable("OACG_FUZZ"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : DefaultCount;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("OACG_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : DefaultSeed;
        var mutator = new SpecMutator(seed, Seeds());
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (int i = 0; i < count; i++)
        {
            Mutant mutant = mutator.Next(i);

            // Every other mutant runs with shared types, so that path meets the same mutants.
            string? shareIdenticalTypes = i % 2 == 1 ? "true" : null;
            GeneratorRun? run = BoundedGeneratorRun.Run(Limit, new SpecInput("/fuzz/" + mutant.FileName, mutant.Text, ShareIdenticalTypes: shareIdenticalTypes));
            string outcome = run is null ? "hang" : Outcome(run);
            outcomes[outcome] = outcomes.TryGetValue(outcome, out int seen) ? seen + 1 : 1;
            if (run is not null && InjectedCode(run) is { } injected)
            {
                string saved = Path.Combine(Path.GetTempPath(), $"oacg-fuzz-{seed}-{i}-{mutant.FileName}");
                File.WriteAllText(saved, mutant.Text);
                failures.Add($"mutant {i} ({mutant.Mutations}), saved to {saved}: spec text became code in {injected}");
            }

            if (run is null || outcome == "crash")
            {
                string saved = Path.Combine(Path.GetTempPath(), $"oacg-fuzz-{seed}-{i}-{mutant.FileName}");
                File.WriteAllText(saved, mutant.Text);
                string why = run is null ? "hang" : string.Join("; ", run.GeneratorDiagnostics.Where(IsCrash).Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
                failures.Add($"mutant {i} ({mutant.Mutations}), saved to {saved}: {why}");
            }
        }

        output.WriteLine($"{count} mutants, seed {seed}: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static string Outcome(GeneratorRun run) =>
        run.GeneratorDiagnostics.Any(IsCrash) ? "crash"
        : run.Sources.Count > 0 && run.GeneratorDiagnostics.Length > 0 ? "output and diagnostics"
        : run.Sources.Count > 0 ? "output"
        : run.GeneratorDiagnostics.Length > 0 ? "diagnostics"
        : "nothing";

    /// <summary>The generated file in which a hostile string's code is a token rather than comment or literal text.</summary>
    private static string? InjectedCode(GeneratorRun run) =>
        run.Sources.FirstOrDefault(s => s.SyntaxTree.GetRoot().DescendantTokens().Any(t => t.ValueText == "Injected" && t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))).HintName;

    private static bool IsCrash(Diagnostic diagnostic) => diagnostic.Id is "CS8785" or "OACG0099";

    /// <summary>The repository's own documents, plus the shared corpus's small ones when that folder is present.</summary>
    private static IReadOnlyList<(string Name, JsonObject Json, string Text)> Seeds()
    {
        var paths = new List<string> { TestPaths.TestSpec("petstore.yaml") };
        paths.AddRange(Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "specs"), "*.yaml"));
        if (TestPaths.SharedAvailable)
        {
            paths.AddRange(Directory.GetFiles(TestPaths.Shared("corpus")).Where(p => !p.EndsWith(".tsv", StringComparison.Ordinal) && new FileInfo(p).Length < 100_000));
        }

        var seeds = new List<(string, JsonObject, string)>();
        foreach (string path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            if (SpecTextConverter.Convert(path, text).Node is JsonObject json)
            {
                seeds.Add((Path.GetFileNameWithoutExtension(path), json, text));
            }
        }

        return seeds;
    }
}
