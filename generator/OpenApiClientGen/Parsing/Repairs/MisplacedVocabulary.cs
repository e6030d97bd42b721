namespace OpenApiClientGen.Parsing;

/// <summary>
/// <c>$vocabulary</c> only means something in a meta-schema, where it maps vocabulary URIs to booleans; in an API's
/// schemas it changes nothing. Swagger's petstore31 example gives it as a string, which Microsoft.OpenApi reports as
/// an error, so a <c>$vocabulary</c> that is not an object is removed before the reader runs and reported as
/// information (OACG0014) at the keyword.
/// </summary>
internal static class MisplacedVocabulary
{
    private const string Keyword = "$vocabulary";

    public static IEnumerable<DiagnosticInfo> Remove(DocumentUnderRepair document)
    {
        var found = KeywordObjects.With(document.Root, Keyword, value => value is not JsonObject);
        foreach ((JsonObject schema, _) in found)
        {
            schema.Remove(Keyword);
        }

        return KeywordObjects.Report(document.File, found, Keyword, "'$vocabulary' belongs in a meta-schema, as a map from vocabulary URI to boolean; here it is not a map and is ignored");
    }
}
