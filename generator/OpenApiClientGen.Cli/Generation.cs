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

namespace OpenApiClientGen.Cli;

/// <summary>What to generate: a spec, the files it refers to, and the metadata an &lt;OpenApiClient&gt; item would carry.</summary>
/// <param name="Metadata">Item metadata by name (Namespace, ClientName, IncludeTags, ...), exactly as on the item.</param>
internal sealed record GenerationRequest(string SpecPath, IReadOnlyList<string> ReferencePaths, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The files the generator wrote (hint name and text) and what it reported.</summary>
internal sealed record GenerationResult(IReadOnlyList<(string HintName, SourceText Text)> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Runs <see cref="OpenApiClientGenerator"/> through a <see cref="CSharpGeneratorDriver"/>, as the compiler does, on a
/// compilation that references the runtime library, so its output is the output of a build.
/// </summary>
internal static class Generation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GenerationResult Run(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var texts = new List<AdditionalText> { new FileText(Path.GetFullPath(request.SpecPath)) };
        texts.AddRange(request.ReferencePaths.Select(p => (AdditionalText)new FileText(Path.GetFullPath(p))));

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            new ItemOptions(texts[0].Path, request.Metadata));

        CSharpCompilation compilation = CSharpCompilation.Create(
            "OpenApiClientGen.Cli.Output",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriverRunResult result = driver.RunGenerators(compilation, cancellationToken).GetRunResult();
        var files = result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText))
            .ToList();
        return new GenerationResult(files, result.Diagnostics);
    }

    // The framework this tool runs on plus the runtime library: what a net8.0-or-later project compiles against.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
            .ToList();
        paths.Add(typeof(OpenApiClientGen.Runtime.ApiConnection).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    /// <summary>A file on disk; a missing one has no text, as the compiler hands it over.</summary>
    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            using FileStream stream = File.OpenRead(Path);
            return SourceText.From(stream);
        }
    }

    /// <summary>The editorconfig values build/OpenApiClientGen.targets gives the compiler for an item.</summary>
    private sealed class ItemOptions(string specPath, IReadOnlyDictionary<string, string> metadata) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Reference = new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiClientRole"] = "reference" });

        private readonly Options _spec = new(metadata
            .Select(m => new KeyValuePair<string, string>("build_metadata.AdditionalFiles.OpenApiClient" + m.Key, m.Value))
            .Append(new KeyValuePair<string, string>("build_metadata.AdditionalFiles.OpenApiClientRole", "spec"))
            .ToDictionary(p => p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : Reference;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
