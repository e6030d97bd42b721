using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGen;

namespace GeneratorBenchmarks;

/// <summary>Runs the generator as a compiler would: one spec as an AdditionalFile, in a compilation with the runtime referenced.</summary>
public static class GeneratorHost
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(OpenApiClientGen.Runtime.ApiConnection).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation() =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Marker { } }", ParseOptions) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(string path, string text) =>
        CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new AdditionalText[] { new SpecText(path, text) },
            ParseOptions,
            new SpecOptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Spec = new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApiClientRole"] = "spec",
            ["build_metadata.AdditionalFiles.OpenApiClientNamespace"] = "Vendor",
            ["build_metadata.AdditionalFiles.OpenApiClientClientName"] = "VendorClient",

            // OACG_BENCH_SHARE_TYPES=true measures with ShareIdenticalTypes="true" on the item.
            ["build_metadata.AdditionalFiles.OpenApiClientShareIdenticalTypes"] = Environment.GetEnvironmentVariable("OACG_BENCH_SHARE_TYPES") ?? "false",
        });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Spec;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
