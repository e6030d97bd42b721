using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>
/// Runs the generator the way a compiler host would see it: on a thread with an ordinary 1 MB stack, so deep
/// recursion shows up as a stack overflow here rather than hiding behind the test runner's larger stack, and
/// with a limit after which the run counts as a hang.
/// </summary>
public static class BoundedGeneratorRun
{
    public const int CompilerStackSize = 1024 * 1024;

    /// <returns>The run, or null when it did not finish within <paramref name="limit"/>.</returns>
    public static GeneratorRun? Run(TimeSpan limit, params SpecInput[] specs) => Run(limit, GeneratorHarness.ParseOptions, specs);

    /// <param name="parseOptions">How the generated code is parsed, such as <see cref="GeneratorHarness.DocumentedParseOptions"/>.</param>
    public static GeneratorRun? Run(TimeSpan limit, CSharpParseOptions parseOptions, params SpecInput[] specs)
    {
        GeneratorRun? run = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, parseOptions, out _)
                        .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Marker { } }", parseOptions), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
                    run = new GeneratorRun(driver.GetRunResult(), GeneratorHarness.WithNullableWarnings(output), diagnostics);
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            CompilerStackSize)
        {
            IsBackground = true,
            Name = "generator under test",
        };

        thread.Start();
        if (!thread.Join(limit))
        {
            return null;
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("The generator driver itself threw.", failure);
        }

        return run;
    }
}
