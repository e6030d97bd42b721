using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace OpenApiClientGen.Parsing;

/// <summary>Steps 3 and 4: bundles referenced files, reads the document with Microsoft.OpenApi and builds the client model.</summary>
/// <remarks>
/// Both steps run in one pipeline node because Microsoft.OpenApi's document is neither equatable nor safe to keep
/// between compilations; only the equatable <see cref="ModelResult"/> leaves this class.
/// </remarks>
internal static class SpecReader
{
    public static ModelResult Read(JsonSpec spec, EquatableArray<ReferencedFile> referencedFiles, TargetFeatures? features = null)
    {
        var diagnostics = new List<DiagnosticInfo>(spec.Repairs);
        string file = spec.Options.FilePath;
        try
        {
            if (spec.Json is null)
            {
                return new ModelResult(spec.Options, null, spec.Error is null ? EquatableArray<DiagnosticInfo>.Empty : new[] { spec.Error }.ToEquatableArray());
            }

            // The repairs below change the tree, so it is taken from the step before once and parsed again on a rerun.
            if ((spec.Tree.Take() ?? JsonNode.Parse(spec.Json)) is not JsonObject root || !HasSupportedVersion(root, file, diagnostics))
            {
                if (diagnostics.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAnOpenApiDocument.Id, SpecLocation.AtFileStart(file), "The document is not a JSON object or YAML mapping"));
                }

                return new ModelResult(spec.Options, null, diagnostics.ToEquatableArray());
            }

            var files = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (ReferencedFile reference in referencedFiles)
            {
                files[SpecPaths.Normalize(reference.FilePath)] = reference.Json is null ? null : JsonNode.Parse(reference.Json);
            }

            diagnostics.AddRange(DocumentRepairs.Apply(new DocumentUnderRepair(file, root, files)));
            diagnostics.AddRange(UnsupportedConstructFinder.Find(file, root));

            var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
            ReadResult result;
            try
            {
                result = new OpenApiJsonReader().Read(root, new Uri("file:///" + SpecPaths.FileNameWithoutExtension(file)), settings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The reader throws, rather than reports, on some values of the wrong type (a 0 where a boolean belongs)
                // and on some malformed documents (a null schema, a "$ref" of "#"); the document is at fault, not the generator.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderError.Id, SpecLocation.AtFileStart(file), "The OpenAPI reader stopped: " + ex.Message));
                return new ModelResult(spec.Options, null, diagnostics.ToEquatableArray());
            }

            if (result.Diagnostic is { } readerDiagnostic)
            {
                diagnostics.AddRange(readerDiagnostic.Errors.Where(e => !IsRelaxedInVersion(e, root)).Select(e => FromReaderError(file, e)));

                foreach (OpenApiError warning in readerDiagnostic.Warnings)
                {
                    string id = warning is OpenApiValidatorWarning ? DiagnosticDescriptors.ValidationRuleNotMet.Id : DiagnosticDescriptors.ReaderWarning.Id;
                    diagnostics.Add(DiagnosticInfo.Create(id, PointerLocation(file, warning.Pointer), WithoutBlankName(warning.Message)));
                }
            }

            if (result.Document is null)
            {
                return new ModelResult(spec.Options, null, diagnostics.ToEquatableArray());
            }

            ApiSpec api = new ApiModelBuilder(spec.Options, result.Document, diagnostics, features ?? TargetFeatures.None).Build();
            return new ModelResult(spec.Options, api, diagnostics.ToEquatableArray());
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(OpenApiDocument).Assembly)
        {
            // The reader resolves references lazily and throws on some broken ones ("circular reference detected").
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReaderError.Id, SpecLocation.AtFileStart(file), "The OpenAPI reader stopped: " + ex.Message));
            return new ModelResult(spec.Options, null, diagnostics.ToEquatableArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError.Id, SpecLocation.AtFileStart(file), ex.GetType().Name, ex.Message));
            return new ModelResult(spec.Options, null, diagnostics.ToEquatableArray());
        }
    }

    private static bool HasSupportedVersion(JsonObject root, string file, List<DiagnosticInfo> diagnostics)
    {
        string? openapi = (root["openapi"] as JsonValue)?.ToString();
        string? swagger = (root["swagger"] as JsonValue)?.ToString();
        if (openapi is null && swagger is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAnOpenApiDocument.Id, SpecLocation.AtFileStart(file), "The document has no 'openapi' or 'swagger' field"));
            return false;
        }

        bool supported = openapi is not null
            ? new[] { "3.0", "3.1", "3.2" }.Any(v => openapi == v || openapi.StartsWith(v + ".", StringComparison.Ordinal))
            : swagger == "2.0";
        if (!supported)
        {
            string field = openapi is not null ? "openapi" : "swagger";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAnOpenApiDocument.Id, SpecLocation.AtPointer(file, "/" + field), $"Version '{openapi ?? swagger}' is not supported"));
        }

        return supported;
    }

    // The validator names a schema by its component id, which an inline schema has none of ("Schema  must contain
    // property specified in the discriminator ..."); the diagnostic's position already says which schema it is.
    private static string WithoutBlankName(string message) =>
        message.StartsWith("Schema  ", StringComparison.Ordinal) ? "The schema " + message.Substring("Schema  ".Length) : message;

    private static DiagnosticInfo FromReaderError(string file, OpenApiError error)
    {
        SpecLocation location = PointerLocation(file, error.Pointer);

        // A schema's `required` that is not a list of names (Spotify's image upload says `required: true`) is skipped
        // by the reader, which reads the rest of the schema. The client does not need it, but the author meant
        // something by it, so it is a warning to fix rather than an error that fails the build.
        if (error.Pointer?.EndsWith("/required", StringComparison.Ordinal) == true && error.Message.StartsWith("Expected list", StringComparison.Ordinal))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.ReaderWarning.Id, location,
                "'required' in a schema is a list of property names; this one is not a list and is ignored. List the names of the required properties, or remove it");
        }

        // A broken validation rule ("the discriminator property must be required") changes nothing in the client and
        // is often in a vendor's document the user cannot edit, so it is information; a reading error means part of
        // the document was not understood and stays an error. A keyword the version does not define ("examples is not
        // a valid property", PipesHub) is skipped by the reader and is information too: JSON Schema ignores unknown
        // keywords, and the client is the same without it.
        bool harmless = error is OpenApiValidatorError || error.Message.Contains(" is not a valid property");
        string id = harmless ? DiagnosticDescriptors.ValidationRuleNotMet.Id : DiagnosticDescriptors.ReaderError.Id;
        return DiagnosticInfo.Create(id, location, WithoutBlankName(error.Message));
    }

    // OpenAPI 3.1 made an operation's responses optional; the reader's rule still asks for one in every version.
    private static bool IsRelaxedInVersion(OpenApiError error, JsonObject root) =>
        error is OpenApiValidatorError { RuleName: "ResponsesMustContainAtLeastOneResponse" }
        && (root["openapi"] as JsonValue)?.ToString() is { } version
        && !version.StartsWith("3.0", StringComparison.Ordinal);

    private static SpecLocation PointerLocation(string file, string? pointer) =>
        string.IsNullOrEmpty(pointer) ? SpecLocation.AtFileStart(file) : SpecLocation.AtPointer(file, pointer!);
}
