using System.IO;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using GeneratorBenchmarks;

// dotnet run -c Release -- --report            output size, compile time and peak memory, one child process per document
// dotnet run -c Release -- --filter '*'        the BenchmarkDotNet run/time benchmarks
// dotnet run -c Release -- --dump orq out/     writes one document's generated files to a folder, to look at them
if (args is ["--dump", var document, var folder])
{
    GeneratorDriver driver = GeneratorHost.CreateDriver(BenchDocuments.PathOf(document), BenchDocuments.TextOf(document))
        .RunGenerators(GeneratorHost.CreateCompilation());
    Directory.CreateDirectory(folder);
    foreach (GeneratedSourceResult source in driver.GetRunResult().Results[0].GeneratedSources)
    {
        File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
    }

    return;
}

if (args is ["--report"])
{
    OutputReport.RunAll();
}
else if (args is ["--compile", var name])
{
    OutputReport.Measure(name);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(GeneratorRunBenchmarks).Assembly).Run(args);
}
