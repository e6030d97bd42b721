namespace OpenApiClientGen.Parsing;

/// <summary>
/// One rewrite of a document's JSON before the OpenAPI reader sees it: it mends something the reader would get wrong
/// or lose, in place, and returns what it reports about what it changed.
/// </summary>
internal delegate IEnumerable<DiagnosticInfo> DocumentRepair(DocumentUnderRepair document);

/// <summary>The document the repairs rewrite, with the files its relative <c>$ref</c>s point into.</summary>
internal sealed class DocumentUnderRepair
{
    public DocumentUnderRepair(string file, JsonObject root, IReadOnlyDictionary<string, JsonNode?> referencedFiles)
    {
        File = file;
        Root = root;
        ReferencedFiles = referencedFiles;
    }

    /// <summary>The spec's path, which diagnostics point into.</summary>
    public string File { get; }

    public JsonObject Root { get; }

    /// <summary>Referenced files by normalized path (see <see cref="SpecPaths.Normalize"/>).</summary>
    public IReadOnlyDictionary<string, JsonNode?> ReferencedFiles { get; }
}

/// <summary>The repairs, in the order they run.</summary>
internal static class DocumentRepairs
{
    /// <summary>
    /// Bundling comes first, so that every later repair also sees the schemas the document pulls in from other files;
    /// then the schemas that Fern's streaming extension holds move into the responses, so the rest see them there.
    /// </summary>
    public static readonly IReadOnlyList<DocumentRepair> InOrder = new DocumentRepair[]
    {
        ReferenceBundler.Bundle,
        FernStreaming.Expand,
        OpenAdditionalProperties.SpellAsEmptySchema,
        ExclusiveBoundRewriter.Apply,
        MisplacedVocabulary.Remove,
        NullableKeyword.Rewrite,
    };

    /// <summary>Runs every repair on <paramref name="document"/>, one after another, and returns what they report.</summary>
    public static List<DiagnosticInfo> Apply(DocumentUnderRepair document)
    {
        var diagnostics = new List<DiagnosticInfo>();
        foreach (DocumentRepair repair in InOrder)
        {
            diagnostics.AddRange(repair(document));
        }

        return diagnostics;
    }
}
