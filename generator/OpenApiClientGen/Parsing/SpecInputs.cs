using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OpenApiClientGen.Parsing;

/// <summary>Steps 1 and 2: picks the spec files out of AdditionalFiles, reads their options and converts them to JSON.</summary>
internal static class SpecInputs
{
    // Set by build/OpenApiClientGen.targets from the <OpenApiClient> and <OpenApiClientReference> items.
    private const string RoleKey = "build_metadata.AdditionalFiles.OpenApiClientRole";
    private const string NamespaceKey = "build_metadata.AdditionalFiles.OpenApiClientNamespace";
    private const string ClientNameKey = "build_metadata.AdditionalFiles.OpenApiClientClientName";
    private const string ShareIdenticalTypesKey = "build_metadata.AdditionalFiles.OpenApiClientShareIdenticalTypes";
    private const string IncludeTagsKey = "build_metadata.AdditionalFiles.OpenApiClientIncludeTags";
    private const string IncludePathsKey = "build_metadata.AdditionalFiles.OpenApiClientIncludePaths";
    private const string ExcludePathsKey = "build_metadata.AdditionalFiles.OpenApiClientExcludePaths";
    private const string IncludeOperationsKey = "build_metadata.AdditionalFiles.OpenApiClientIncludeOperations";

    public static bool IsSpec(AdditionalText file, AnalyzerConfigOptionsProvider options) => Role(file, options) == "spec";

    public static bool IsReference(AdditionalText file, AnalyzerConfigOptionsProvider options) => Role(file, options) == "reference";

    public static SpecSource ReadSource(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        AnalyzerConfigOptions options = provider.GetOptions(file);
        string baseName = Identifiers.ToPascalCase(SpecPaths.FileNameWithoutExtension(file.Path));
        string ns = Value(options, NamespaceKey) ?? baseName;
        string clientName = Value(options, ClientNameKey) ?? baseName + "Client";
        string? share = Value(options, ShareIdenticalTypesKey);
        bool? shareIdenticalTypes = share is null ? false : bool.TryParse(share, out bool parsed) ? parsed : null;
        var filters = new OperationFilters(
            OperationFilter.Split(Value(options, IncludeTagsKey)),
            OperationFilter.Split(Value(options, IncludePathsKey)),
            OperationFilter.Split(Value(options, ExcludePathsKey)),
            OperationFilter.Split(Value(options, IncludeOperationsKey)));
        var specOptions = new SpecOptions(file.Path, ns, clientName, shareIdenticalTypes == true, filters.IsEmpty ? null : filters)
        {
            NamespaceIsDefault = Value(options, NamespaceKey) is null,
            ClientNameIsDefault = Value(options, ClientNameKey) is null,
        };
        // The compiler hands over a path it could not open as a file without text; an empty file has empty text.
        SourceText? source = file.GetText(cancellationToken);
        string text = source?.ToString() ?? "";

        DiagnosticInfo? error = null;
        if (source is null)
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.SpecFileMissing.Id, SpecLocation.AtFileStart(file.Path), file.Path);
        }
        else if (!IsValidNamespace(ns))
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidItemMetadata.Id, SpecLocation.AtFileStart(file.Path), "Namespace", ns, "use dotted C# identifiers, such as 'Contoso.Mistral'");
        }
        else if (!SyntaxFacts.IsValidIdentifier(clientName) || SyntaxFacts.GetKeywordKind(clientName) != SyntaxKind.None)
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidItemMetadata.Id, SpecLocation.AtFileStart(file.Path), "ClientName", clientName, "use a C# identifier, such as 'MistralClient'");
        }
        else if (shareIdenticalTypes is null)
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidItemMetadata.Id, SpecLocation.AtFileStart(file.Path), "ShareIdenticalTypes", share!, "use true or false");
        }

        return new SpecSource(specOptions, text, error);
    }

    public static JsonSpec ConvertToJson(SpecSource source)
    {
        if (source.OptionsError is not null)
        {
            return new JsonSpec(source.Options, null, source.OptionsError);
        }

        var (node, error, repairs) = SpecTextConverter.Convert(source.Options.FilePath, source.Text);
        if (error is not null)
        {
            return new JsonSpec(source.Options, null, error);
        }

        if (node is null)
        {
            return new JsonSpec(source.Options, null, DiagnosticInfo.Create(
                DiagnosticDescriptors.NotAnOpenApiDocument.Id, SpecLocation.AtFileStart(source.Options.FilePath), "The file is empty"));
        }

        SpecOptions options = source.Options;
        if (options.Filters is { } filters && node is System.Text.Json.Nodes.JsonObject root)
        {
            options = options with { DocumentOperationCount = OperationFilter.CountOperations(root) };
            repairs = repairs.Concat(OperationFilter.Apply(root, filters, options.FilePath)).ToEquatableArray();
        }

        return new JsonSpec(options, SpecTextConverter.ToJsonText(node), null, repairs)
        {
            Tree = new Handoff<JsonObject>(node as JsonObject),
        };
    }

    public static ReferencedFile ReadReferencedFile(AdditionalText file, CancellationToken cancellationToken)
    {
        string text = file.GetText(cancellationToken)?.ToString() ?? "";
        var (node, _, _) = SpecTextConverter.Convert(file.Path, text);
        return new ReferencedFile(file.Path, node is null ? null : SpecTextConverter.ToJsonText(node));
    }

    private static string? Role(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(RoleKey, out string? role) ? role.Trim().ToLowerInvariant() : null;

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
