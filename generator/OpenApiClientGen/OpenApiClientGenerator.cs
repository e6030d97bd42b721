using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGen.Emitting;
using OpenApiClientGen.Parsing;

namespace OpenApiClientGen;

/// <summary>Turns each <c>&lt;OpenApiClient&gt;</c> spec into a typed client. Wiring only; the work lives in Parsing/ and Emitting/.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<(AdditionalText File, AnalyzerConfigOptionsProvider Options)> files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider);

        IncrementalValuesProvider<SpecSource> sources = files
            .Where(static pair => SpecInputs.IsSpec(pair.File, pair.Options))
            .Select(static (pair, ct) => SpecInputs.ReadSource(pair.File, pair.Options, ct))
            .WithTrackingName(TrackingNames.ReadSpec);

        IncrementalValueProvider<EquatableArray<ReferencedFile>> referencedFiles = files
            .Where(static pair => SpecInputs.IsReference(pair.File, pair.Options))
            .Select(static (pair, ct) => SpecInputs.ReadReferencedFile(pair.File, ct))
            .WithTrackingName(TrackingNames.ReadReferencedFile)
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToEquatableArray());

        IncrementalValuesProvider<JsonSpec> json = sources
            .Select(static (source, _) => SpecInputs.ConvertToJson(source))
            .WithTrackingName(TrackingNames.ConvertToJson);

        IncrementalValueProvider<TargetFeatures> features = context.CompilationProvider
            .Select(static (compilation, _) => DetectFeatures(compilation))
            .WithTrackingName(TrackingNames.DetectFeatures);

        IncrementalValuesProvider<ModelResult> models = json
            .Combine(referencedFiles)
            .Combine(features)
            .Select(static (pair, _) => SpecReader.Read(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.BuildModel);

        IncrementalValuesProvider<EmitResult> emitted = models
            .Select(static (model, _) => EmitResult.From(model))
            .WithTrackingName(TrackingNames.EmitSource);

        // C# 10 and older cannot compile required members: one error per spec says so, instead of hundreds.
        IncrementalValueProvider<LanguageVersion> languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest);

        context.RegisterSourceOutput(emitted.Combine(languageVersion), static (spc, pair) =>
        {
            if (pair.Right < MinimumLanguageVersion)
            {
                return;
            }

            foreach (GeneratedFile file in pair.Left.Files)
            {
                spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(sources.Combine(languageVersion).Where(static pair => pair.Right < MinimumLanguageVersion), static (spc, pair) =>
            spc.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LanguageVersionTooLow,
                Location.Create(pair.Left.Options.FilePath, default, default),
                pair.Right.ToDisplayString())));

        IncrementalValueProvider<PolyfillNeeds> polyfills = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => pair.Right.GlobalOptions.TryGetValue(PolyfillsOptionKey, out string? value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                ? PolyfillNeeds.Nothing
                : PolyfillEmitter.Detect(pair.Left))
            .WithTrackingName(TrackingNames.DetectPolyfills);

        context.RegisterSourceOutput(sources.Collect().Combine(polyfills).Combine(languageVersion), static (spc, pair) =>
        {
            if (pair.Left.Left.IsEmpty || pair.Right < MinimumLanguageVersion || PolyfillEmitter.Emit(pair.Left.Right) is not { } text)
            {
                return;
            }

            spc.AddSource(PolyfillEmitter.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
        });

        IncrementalValueProvider<DependencyInjectionHost> dependencyInjectionHost = context.CompilationProvider
            .Select(static (compilation, _) => HostCapabilities.DependencyInjection(compilation))
            .WithTrackingName(TrackingNames.DetectHttpClientFactory);

        IncrementalValuesProvider<GeneratedFile> registrations = models
            .Where(static model => model.Api is not null)
            .Select(static (model, _) => new DependencyInjectionTarget(model.Api!.Names))
            .Combine(dependencyInjectionHost)
            .Where(static pair => pair.Right != DependencyInjectionHost.None)
            .Select(static (pair, _) => DependencyInjectionEmitter.Emit(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitDependencyInjection);

        context.RegisterSourceOutput(registrations, static (spc, file) => spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8)));

        IncrementalValueProvider<bool> chatClientHost = context.CompilationProvider
            .Select(static (compilation, _) => HostCapabilities.ChatClients(compilation))
            .WithTrackingName(TrackingNames.DetectChatClientHost);

        IncrementalValuesProvider<ChatClientTarget> chatClients = models
            .Where(static model => model.Api?.ChatClient is not null)
            .Select(static (model, _) => new ChatClientTarget(model.Api!.Names, model.Api.Title, model.Api.ChatClient!))
            .Combine(chatClientHost)
            .Where(static pair => pair.Right)
            .Select(static (pair, _) => pair.Left);

        context.RegisterSourceOutput(
            chatClients.Select(static (target, _) => ChatClientEmitter.Emit(target)).WithTrackingName(TrackingNames.EmitChatClient).Combine(languageVersion),
            static (spc, pair) =>
            {
                if (pair.Right >= MinimumLanguageVersion)
                {
                    spc.AddSource(pair.Left.HintName, SourceText.From(pair.Left.Text, System.Text.Encoding.UTF8));
                }
            });
        context.RegisterSourceOutput(chatClients.Collect().Combine(languageVersion), static (spc, pair) =>
        {
            if (!pair.Left.IsEmpty && pair.Right >= MinimumLanguageVersion)
            {
                spc.AddSource(ChatClientEmitter.SupportHintName, SourceText.From(ChatClientEmitter.SupportSource(), System.Text.Encoding.UTF8));
            }
        });

        IncrementalValueProvider<ImmutableArray<(string Path, string Text)>> texts = context.AdditionalTextsProvider
            .Select(static (file, ct) => (file.Path, file.GetText(ct)?.ToString() ?? ""))
            .Collect();

        // Diagnostics have an output of their own: positions depend on the text, the model does not.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = models
            .Select(static (model, _) => model.Diagnostics)
            .Where(static d => !d.IsEmpty);

        context.RegisterSourceOutput(diagnostics.Combine(texts), static (spc, pair) => DiagnosticReporter.Report(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(emitted.Where(static e => e.Error is not null).Combine(texts), static (spc, pair) =>
            DiagnosticReporter.Report(spc, new[] { pair.Left.Error! }.ToEquatableArray(), pair.Right));
    }

    private const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    // Set by build/OpenApiClientGen.props from the OpenApiClientGenPolyfills property.
    private const string PolyfillsOptionKey = "build_property.OpenApiClientGenPolyfills";

    private static TargetFeatures DetectFeatures(Compilation compilation) =>
        new(DateAndTime: compilation.GetTypeByMetadataName("OpenApiClientGen.Runtime.JsonCodecs") is { } codecs && !codecs.GetMembers("Date").IsEmpty);
}
