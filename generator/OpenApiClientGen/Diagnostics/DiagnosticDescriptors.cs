using Microsoft.CodeAnalysis;

namespace OpenApiClientGen.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable: never reuse or renumber one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApiClientGen";
    // Configured once, as DiagnosticsHelpBaseUrl in Directory.Build.props.
    private const string HelpLinkBase = ThisAssembly.DiagnosticsHelpBaseUrl + "#";

    public static readonly DiagnosticDescriptor InvalidSyntax = Create(
        "OACG0001", "Spec is not valid YAML or JSON",
        "The spec could not be read: {0}. Fix the syntax at this position.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAnOpenApiDocument = Create(
        "OACG0002", "Not a supported OpenAPI document",
        "{0}. The generator reads OpenAPI 3.0, 3.1 and 3.2 and Swagger 2.0 documents.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DanglingReference = Create(
        "OACG0003", "Reference target not found",
        "'$ref: {0}' points at nothing in the document. Correct the reference or add the missing component.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferencedFileUnavailable = Create(
        "OACG0004", "Referenced file is not available",
        "'$ref: {0}' names the file '{1}', which is not given to the generator; the value is typed as JsonElement. Add it with <OpenApiClientReference Include=\"...\" /> if it is part of the spec.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        "OACG0005", "Duplicate operationId",
        "operationId '{0}' is used by more than one operation; this one is generated as '{1}'. Give each operation a unique operationId.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "OACG0006", "Names collide in C#",
        "'{0}' and '{1}' both become the C# name '{2}'; the second is generated as '{3}'. Rename one of them in the spec if the name matters.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "OACG0007", "Unsupported schema construct",
        "{0} is not supported and is typed as JsonElement", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidItemMetadata = Create(
        "OACG0008", "Invalid OpenApiClient metadata",
        "The <OpenApiClient> item's {0} '{1}' is not valid: {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WebSocketWithoutExtension = Create(
        "OACG0009", "WebSocket operation without x-websocket",
        "Operation '{0}' is marked [WS] but has no 'x-websocket' extension and no JSON success response; it is generated as a plain HTTP call. Add 'x-websocket: {{ message: <schema> }}' to stream its messages.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReaderError = Create(
        "OACG0010", "OpenAPI document error",
        "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReaderWarning = Create(
        "OACG0011", "OpenAPI document warning",
        "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NestingTooDeep = Create(
        "OACG0012", "Spec nests too deeply",
        "The spec nests deeper than {0} levels here; the generator stops reading it", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AliasesExpandTooFar = Create(
        "OACG0013", "YAML aliases expand too far",
        "The spec's YAML aliases expand to more than {0} nodes or nest deeper than {1} levels here; the generator stops reading it. Write the repeated parts out or use $ref.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ValidationRuleNotMet = Create(
        "OACG0014", "OpenAPI validation rule not met",
        "{0} (the client is generated regardless)", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SpecFileMissing = Create(
        "OACG0020", "Spec file not found",
        "The spec file '{0}' does not exist. Correct the path in <OpenApiClient Include=\"...\" />, relative to the project file.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "OACG0021", "C# version too low for the generated client",
        "The generated client needs C# 11 or later and this project compiles as C# {0}; nothing is generated. Set <LangVersion>11</LangVersion> (or latest) in the project.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FilterMatchesNothing = Create(
        "OACG0023", "Operation filter matches nothing",
        "The <OpenApiClient> item's {0} value '{1}' matches no operation in the spec. Check its spelling against the spec.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor WebSocketFromSummary = Create(
        "OACG0024", "WebSocket operation read from [WS]",
        "Operation '{0}' is marked [WS] and has no 'x-websocket' extension; it is generated as a WebSocket stream of its JSON success response. Add 'x-websocket: {{ message: <schema> }}' to say so in the spec.", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PagedList = Create(
        "OACG0025", "Paged list",
        "Operation '{0}' {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ChatCompletionDetected = Create(
        "OACG0026", "Chat completion recognised",
        "Operation '{0}' is an OpenAI-compatible chat completion; with Microsoft.Extensions.AI.Abstractions referenced, the client gets AsChatClient(), an IChatClient over it. Add 'x-chat-client' to the operation to map it yourself.", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ChatClientMappingInvalid = Create(
        "OACG0027", "x-chat-client does not map",
        "The 'x-chat-client' of operation '{0}' is not used: {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "OACG0099", "Generator failed on this spec",
        "The generator could not process this spec ({0}: {1}). Please report this with the spec attached.", DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [InvalidSyntax.Id] = InvalidSyntax,
        [NotAnOpenApiDocument.Id] = NotAnOpenApiDocument,
        [DanglingReference.Id] = DanglingReference,
        [ReferencedFileUnavailable.Id] = ReferencedFileUnavailable,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [NameCollision.Id] = NameCollision,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [InvalidItemMetadata.Id] = InvalidItemMetadata,
        [WebSocketWithoutExtension.Id] = WebSocketWithoutExtension,
        [ReaderError.Id] = ReaderError,
        [ReaderWarning.Id] = ReaderWarning,
        [NestingTooDeep.Id] = NestingTooDeep,
        [AliasesExpandTooFar.Id] = AliasesExpandTooFar,
        [ValidationRuleNotMet.Id] = ValidationRuleNotMet,
        [SpecFileMissing.Id] = SpecFileMissing,
        [LanguageVersionTooLow.Id] = LanguageVersionTooLow,
        [FilterMatchesNothing.Id] = FilterMatchesNothing,
        [WebSocketFromSummary.Id] = WebSocketFromSummary,
        [PagedList.Id] = PagedList,
        [ChatCompletionDetected.Id] = ChatCompletionDetected,
        [ChatClientMappingInvalid.Id] = ChatClientMappingInvalid,
        [InternalError.Id] = InternalError,
    };

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
