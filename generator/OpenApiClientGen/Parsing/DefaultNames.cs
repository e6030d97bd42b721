using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// The namespace and client name a spec gets when its item names neither: the file's name, spelt as the document's
/// title spells it when the two agree (<c>openai.yaml</c> titled <c>OpenAI API</c> gives <c>OpenAI</c> and <c>OpenAIClient</c>).
/// </summary>
internal static class DefaultNames
{
    // Words a title adds after the API's name: "OpenAI API", "Petstore REST API", "Museum OpenAPI Specification".
    private static readonly HashSet<string> TitleSuffixes = new(StringComparer.OrdinalIgnoreCase) { "api", "apis", "rest", "openapi", "service", "sdk", "spec", "specification", "http" };

    public static ClientNames Of(SpecOptions options, string? title)
    {
        string? titled = FromTitle(title, options.Namespace);
        string? titledClient = options.ClientNameIsDefault && options.ClientName.EndsWith("Client", StringComparison.Ordinal)
            ? FromTitle(title, options.ClientName.Substring(0, options.ClientName.Length - "Client".Length))
            : null;
        return Table(
            options.NamespaceIsDefault && titled is not null ? titled : options.Namespace,
            titledClient is not null ? titledClient + "Client" : options.ClientName);
    }

    /// <summary>The names of the classes a client named <paramref name="client"/> has beside it.</summary>
    public static ClientNames Table(string ns, string client) => new()
    {
        Namespace = ns,
        Client = client,
        Options = client + "Options",
        Json = client + "Json",
        Security = client + "Security",
        ServiceCollectionExtensions = client + "ServiceCollectionExtensions",
        AddClientMethod = "Add" + client,
        ChatClient = client + "ChatClient",
        ChatClientExtensions = client + "ChatClientExtensions",
    };

    /// <summary>The title's words run together with their own casing, when they spell <paramref name="fileName"/> (case aside).</summary>
    private static string? FromTitle(string? title, string fileName)
    {
        List<string> words = Regex.Split(title ?? "", "[^A-Za-z0-9]+").Where(w => w.Length > 0).ToList();
        for (; words.Count > 0; words.RemoveAt(words.Count - 1))
        {
            string name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            if (name.Equals(fileName, StringComparison.OrdinalIgnoreCase) && SyntaxFacts.IsValidIdentifier(name))
            {
                return name;
            }

            if (!TitleSuffixes.Contains(words[words.Count - 1]))
            {
                return null;
            }
        }

        return null;
    }
}
