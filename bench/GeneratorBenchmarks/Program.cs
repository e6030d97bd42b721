using BenchmarkDotNet.Running;
using GeneratorBenchmarks;

// dotnet run -c Release -- --report            output size, compile time and peak memory, one child process per document
// dotnet run -c Release -- --filter '*'        the BenchmarkDotNet run/time benchmarks
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
