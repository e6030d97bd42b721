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

        IncrementalValueProvider<ReferencedFiles> referencedFiles = files
            .Where(static pair => SpecInputs.IsReference(pair.File, pair.Options))
            .Select(static (pair, ct) => SpecInputs.ReadReferencedFile(pair.File, ct))
            .WithTrackingName(TrackingNames.ReadReferencedFile)
            .Collect()
            .Select(static (all, _) => new ReferencedFiles(all.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToEquatableArray()));

        IncrementalValuesProvider<JsonSpec> json = sources
            .Select(static (source, _) => SpecInputs.ConvertToJson(source))
            .WithTrackingName(TrackingNames.ConvertToJson);

        IncrementalValueProvider<TargetFeatures> features = context.CompilationProvider
            .Select(static (compilation, _) => DetectFeatures(compilation))
            .WithTrackingName(TrackingNames.DetectFeatures);

        // Every value between two steps is a class (see Model/PipelineValues.cs), so pairs are built one at a time.
        IncrementalValueProvider<ReadContext> readContext = referencedFiles
            .Combine(features)
            .Select(static (pair, _) => new ReadContext(pair.Left.Files, pair.Right));

        IncrementalValuesProvider<ModelResult> models = json
            .Combine(readContext)
            .Select(static (pair, _) => SpecReader.Read(pair.Left, pair.Right.ReferencedFiles, pair.Right.Features))
            .WithTrackingName(TrackingNames.BuildModel);

        IncrementalValuesProvider<EmitResult> emitted = models
            .Select(static (model, _) => EmitResult.From(model))
            .WithTrackingName(TrackingNames.EmitSource);

        // C# 10 and older cannot compile required members: one error per spec says so, instead of hundreds.
        IncrementalValueProvider<LanguageSupport> language = context.ParseOptionsProvider
            .Select(static (options, _) => new LanguageSupport(options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest));

        context.RegisterSourceOutput(emitted.Combine(language), static (spc, pair) =>
        {
            if (!pair.Right.CanCompileClients)
            {
                return;
            }

            foreach (GeneratedFile file in pair.Left.Files)
            {
                spc.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(sources.Combine(language).Where(static pair => !pair.Right.CanCompileClients), static (spc, pair) =>
            spc.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.LanguageVersionTooLow,
                Location.Create(pair.Left.Options.FilePath, default, default),
                pair.Right.Version.ToDisplayString())));

        IncrementalValueProvider<PolyfillNeeds> polyfills = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => pair.Right.GlobalOptions.TryGetValue(PolyfillsOptionKey, out string? value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase)
                ? PolyfillNeeds.Nothing
                : PolyfillEmitter.Detect(pair.Left))
            .WithTrackingName(TrackingNames.DetectPolyfills);

        IncrementalValueProvider<PolyfillNeeds> polyfillsToWrite = polyfills
            .Combine(language)
            .Select(static (pair, _) => pair.Right.CanCompileClients ? pair.Left : PolyfillNeeds.Nothing);
        IncrementalValueProvider<Flag> anySpec = sources.Collect().Select(static (all, _) => Flag.Of(!all.IsEmpty));

        context.RegisterSourceOutput(polyfillsToWrite.Combine(anySpec), static (spc, pair) =>
        {
            if (!pair.Right.Value || PolyfillEmitter.Emit(pair.Left) is not { } text)
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

        IncrementalValueProvider<Flag> chatClientHost = context.CompilationProvider
            .Select(static (compilation, _) => Flag.Of(HostCapabilities.ChatClients(compilation)))
            .WithTrackingName(TrackingNames.DetectChatClientHost);

        IncrementalValuesProvider<ChatClientTarget> chatClients = models
            .Where(static model => model.Api?.ChatClient is not null)
            .Select(static (model, _) => new ChatClientTarget(model.Api!.Names, model.Api.Title, model.Api.ChatClient!))
            .Combine(chatClientHost)
            .Where(static pair => pair.Right.Value)
            .Select(static (pair, _) => pair.Left);

        context.RegisterSourceOutput(
            chatClients.Select(static (target, _) => ChatClientEmitter.Emit(target)).WithTrackingName(TrackingNames.EmitChatClient).Combine(language),
            static (spc, pair) =>
            {
                if (pair.Right.CanCompileClients)
                {
                    spc.AddSource(pair.Left.HintName, SourceText.From(pair.Left.Text, System.Text.Encoding.UTF8));
                }
            });
        IncrementalValueProvider<Flag> anyChatClient = chatClients.Collect().Select(static (all, _) => Flag.Of(!all.IsEmpty));
        context.RegisterSourceOutput(anyChatClient.Combine(language), static (spc, pair) =>
        {
            if (pair.Left.Value && pair.Right.CanCompileClients)
            {
                spc.AddSource(ChatClientEmitter.SupportHintName, SourceText.From(ChatClientEmitter.SupportSource(), System.Text.Encoding.UTF8));
            }
        });

        IncrementalValueProvider<AdditionalFileTexts> texts = context.AdditionalTextsProvider
            .Select(static (file, ct) => new AdditionalFileText(file.Path, file.GetText(ct)?.ToString() ?? ""))
            .Collect()
            .Select(static (all, _) => new AdditionalFileTexts(all));

        // Diagnostics have an output of their own: positions depend on the text, the model does not.
        IncrementalValuesProvider<SpecDiagnostics> diagnostics = models
            .Where(static model => !model.Diagnostics.IsEmpty)
            .Select(static (model, _) => new SpecDiagnostics(model.Diagnostics));

        context.RegisterSourceOutput(diagnostics.Combine(texts), static (spc, pair) => DiagnosticReporter.Report(spc, pair.Left.Items, pair.Right));
        context.RegisterSourceOutput(emitted.Where(static e => e.Error is not null).Combine(texts), static (spc, pair) =>
            DiagnosticReporter.Report(spc, new[] { pair.Left.Error! }.ToEquatableArray(), pair.Right));
    }

    // Set by build/OpenApiClientGen.props from the OpenApiClientGenPolyfills property.
    private const string PolyfillsOptionKey = "build_property.OpenApiClientGenPolyfills";

    private static TargetFeatures DetectFeatures(Compilation compilation) =>
        new(DateAndTime: compilation.GetTypeByMetadataName("OpenApiClientGen.Runtime.JsonCodecs") is { } codecs && !codecs.GetMembers("Date").IsEmpty);
}
