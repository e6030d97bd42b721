using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBenchmarks;

/// <summary>
/// The generator's own run time per document. Cold: a new driver, as on the first build. Warm: the same driver run
/// again on unchanged input, as on every later build in which the spec did not change.
/// </summary>
[MemoryDiagnoser]
public class GeneratorRunBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private string _path = "";
    private string _text = "";
    private GeneratorDriver _warm = null!;

    [ParamsSource(nameof(Documents))]
    public string Document { get; set; } = "";

    public static IEnumerable<string> Documents => BenchDocuments.Names;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorHost.CreateCompilation();
        _path = BenchDocuments.PathOf(Document);
        _text = BenchDocuments.TextOf(Document);
        _warm = GeneratorHost.CreateDriver(_path, _text).RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver Cold() => GeneratorHost.CreateDriver(_path, _text).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Warm() => _warm.RunGenerators(_compilation);
}
