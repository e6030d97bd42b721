using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace GeneratorBenchmarks;

/// <summary>
/// What the generated output costs the consumer's build: its size, and the time and peak memory to compile it.
/// Each document is measured in a child process of its own, so the peak working set is that document's alone.
/// </summary>
public static class OutputReport
{
    public static void RunAll()
    {
        Console.WriteLine("| document | spec | generated files | generated size | compile time (wall) | compile time (CPU) | peak memory of the compiling process |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (string name in BenchDocuments.Names)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!, $"\"{typeof(OutputReport).Assembly.Location}\" --compile {name}") { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet")
            {
                start = new ProcessStartInfo(Environment.ProcessPath!, $"--compile {name}") { RedirectStandardOutput = true };
            }

            using Process child = Process.Start(start)!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
    }

    public static void Measure(string name)
    {
        string text = BenchDocuments.TextOf(name);
        var compilation = GeneratorHost.CreateCompilation();
        GeneratorHost.CreateDriver(BenchDocuments.PathOf(name), text).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        SyntaxTree[] generated = output.SyntaxTrees.Skip(1).ToArray();
        long bytes = generated.Sum(t => (long)t.GetText().Length);

        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var peStream = new MemoryStream();
        EmitResult emitted = output.Emit(peStream);
        watch.Stop();
        int errors = emitted.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

        self.Refresh();
        TimeSpan cpu = self.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {text.Length / 1_000_000.0:0.0} MB | {generated.Length} | {bytes / 1_000_000.0:0.0} MB | {watch.Elapsed.TotalSeconds:0.0} s{(errors > 0 ? $" ({errors} errors)" : "")} | {cpu.TotalSeconds:0.0} s | {self.PeakWorkingSet64 / (1024.0 * 1024 * 1024):0.00} GiB |"));
    }
}
