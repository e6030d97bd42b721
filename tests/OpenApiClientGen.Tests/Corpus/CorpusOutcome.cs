using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;

namespace OpenApiClientGen.Tests.Corpus;

public enum CorpusResult
{
    CompiledClean,
    CompiledWithWarnings,
    DiagnosedAndEmittedWhatItCould,
    Failed,
}

/// <summary>How one document fared: the class of result, what was generated, and why it is not clean.</summary>
/// <param name="MachineNames">How many public type and method names read as made by a machine (<see cref="Corpus.MachineNames"/>).</param>
public sealed record CorpusOutcome(CorpusResult Result, int Files, long GeneratedBytes, int MachineNames, string GeneratorDiagnostics, string CompilerDiagnostics, string Reason)
{
    public static CorpusOutcome Hung(TimeSpan limit) =>
        new(CorpusResult.Failed, 0, 0, 0, "", "", $"did not finish within {limit.TotalMinutes:0} min");

    public static CorpusOutcome Classify(GeneratorRun run)
    {
        var generator = run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var generatorErrors = generator.Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError).ToList();
        // The harness compiles with warnings as errors; IsWarningAsError tells the two apart again.
        var compiler = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var compilerErrors = compiler.Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError).ToList();
        int files = run.Sources.Count;
        long bytes = run.Sources.Sum(s => (long)s.SourceText.Length);
        (int machineTypes, int machineMethods) = Corpus.MachineNames.Count(run.Sources.Select(s => s.SyntaxTree));

        Diagnostic? crash = generator.FirstOrDefault(d => d.Id is "CS8785" or "OACG0099");
        Diagnostic? generatorError = generatorErrors.FirstOrDefault();
        (CorpusResult result, string reason) = (crash, generatorError, compilerErrors.Count, generator.Count + compiler.Count) switch
        {
            ({ } c, _, _, _) => (CorpusResult.Failed, Describe(c)),
            (null, null, > 0, _) => (CorpusResult.Failed, "the output does not compile and no generator error says why; " + Describe(compilerErrors[0])),
            (null, { } e, _, _) => (CorpusResult.DiagnosedAndEmittedWhatItCould, Describe(e)),
            (null, null, 0, > 0) => (CorpusResult.CompiledWithWarnings, Describe(generator.Concat(compiler).First())),
            _ => (CorpusResult.CompiledClean, ""),
        };

        return new CorpusOutcome(result, files, bytes, machineTypes + machineMethods, Count(generator), Count(compiler), reason);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string at = span.IsValid ? $" (line {span.StartLinePosition.Line + 1}, column {span.StartLinePosition.Character + 1})" : "";
        return $"{diagnostic.Id}{at}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string Count(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
}
