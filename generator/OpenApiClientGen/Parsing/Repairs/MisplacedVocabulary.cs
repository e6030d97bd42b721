using System.Text.Json.Nodes;
using OpenApiClientGen.Diagnostics;

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
        var found = KeywordObjects.In(document.Root)
            .Where(o => o.Node.TryGetPropertyValue(Keyword, out JsonNode? value) && value is not JsonObject)
            .ToList();

        foreach ((JsonObject schema, _) in found)
        {
            schema.Remove(Keyword);
        }

        return found.Select(o => DiagnosticInfo.Create(
            DiagnosticDescriptors.ValidationRuleNotMet.Id,
            SpecLocation.AtPointer(document.File, o.Pointer + "/" + Keyword),
            "'$vocabulary' belongs in a meta-schema, as a map from vocabulary URI to boolean; here it is not a map and is ignored"));
    }
}
