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

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>A spec (or referenced file) handed to the generator as an AdditionalFile with its item metadata.</summary>
/// <param name="Metadata">Further item metadata by name, as on the item: <c>["IncludeTags"] = "chat"</c>.</param>
public sealed record SpecInput(string Path, string Text, string Role = "spec", string? Namespace = null, string? ClientName = null, string? ShareIdenticalTypes = null, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>Runs the generator in-process with <see cref="CSharpGeneratorDriver"/> and compiles what it wrote.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>As a project with GenerateDocumentationFile compiles: XML doc comments are checked and can warn.</summary>
    public static CSharpParseOptions DocumentedParseOptions { get; } = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecInput> specs) => CreateDriver(specs, out _);

    /// <param name="texts">The AdditionalTexts the driver holds, for tests that replace one with an edited version.</param>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, out IReadOnlyList<AdditionalText> texts) => CreateDriver(specs, ParseOptions, out texts);

    public static GeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, CSharpParseOptions parseOptions, out IReadOnlyList<AdditionalText> texts)
    {
        var inputs = specs.ToList();
        texts = inputs.Select(s => Text(s.Path, s.Text)).ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            parseOptions,
            new MetadataOptionsProvider(inputs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>An in-memory AdditionalText; one with the same path keeps the original's item metadata.</summary>
    public static AdditionalText Text(string path, string text) => new InMemoryAdditionalText(path, text);

    public static CSharpCompilation CreateCompilation(string source = "namespace Consumer { internal static class Marker { } }") => CreateCompilation(source, ParseOptions);

    public static CSharpCompilation CreateCompilation(string source, CSharpParseOptions parseOptions) =>
        CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // As the SDK does: reference-version unification notes are not problems.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    /// <summary>Runs the generator on the specs and returns its result plus the compiled output's diagnostics.</summary>
    public static GeneratorRun Run(params SpecInput[] specs) => RunWith(null, specs);

    /// <summary>Runs the generator and compiles its output together with <paramref name="consumerSource"/>.</summary>
    public static GeneratorRun RunWith(string? consumerSource, params SpecInput[] specs)
    {
        CSharpCompilation compilation = consumerSource is null ? CreateCompilation() : CreateCompilation(consumerSource);
        GeneratorDriver driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var paths = trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
            .ToList();
        paths.Add(typeof(OpenApiClientGen.Runtime.ApiConnection).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MetadataOptionsProvider(IReadOnlyList<SpecInput> specs) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            SpecInput? spec = specs.FirstOrDefault(s => s.Path == textFile.Path);
            var values = new Dictionary<string, string>();
            if (spec is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiClientRole"] = spec.Role;
                if (spec.Namespace is not null)
                {
                    values["build_metadata.AdditionalFiles.OpenApiClientNamespace"] = spec.Namespace;
                }

                if (spec.ClientName is not null)
                {
                    values["build_metadata.AdditionalFiles.OpenApiClientClientName"] = spec.ClientName;
                }

                if (spec.ShareIdenticalTypes is not null)
                {
                    values["build_metadata.AdditionalFiles.OpenApiClientShareIdenticalTypes"] = spec.ShareIdenticalTypes;
                }

                foreach (KeyValuePair<string, string> metadata in spec.Metadata ?? new Dictionary<string, string>())
                {
                    values["build_metadata.AdditionalFiles.OpenApiClient" + metadata.Key] = metadata.Value;
                }
            }

            return new DictionaryOptions(values);
        }
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>What one generator run produced: the files, the generator's diagnostics, and the compiled result.</summary>
public sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Diagnostic> CompilationErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public IReadOnlyList<Diagnostic> CompilationWarnings =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

    public string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join(Environment.NewLine, diagnostics.Take(20).Select(d => d.ToString()));
}
