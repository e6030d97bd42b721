using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGen.Model;

/// <summary>Turns names from a spec into valid, readable C# identifiers.</summary>
internal static class Identifiers
{
    public static string ToPascalCase(string name) => Build(name, upperFirst: true);

    public static string ToCamelCase(string name) => Build(name, upperFirst: false);

    /// <summary>The words of a name, split as <see cref="ToPascalCase"/> splits them: <c>agents_api_v1</c> and <c>AgentsApiV1</c> give agents, api, v1.</summary>
    public static IReadOnlyList<string> Words(string name) => SplitWords(name);

    /// <summary>An English plural made singular, well enough for path words: batches, entries, files, status stays.</summary>
    public static string Singular(string word)
    {
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && word.Length > 4)
        {
            return word.Substring(0, word.Length - 3) + "y";
        }

        if (Regex.IsMatch(word, "(ch|sh|x|ss)es$", RegexOptions.IgnoreCase))
        {
            return word.Substring(0, word.Length - 2);
        }

        return word.Length > 3 && word.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !Regex.IsMatch(word, "(ss|us|is)$", RegexOptions.IgnoreCase)
            ? word.Substring(0, word.Length - 1)
            : word;
    }

    /// <summary>
    /// Whether two texts have the same letters and digits in the same order, whatever their case and separators:
    /// <c>Agent Id</c>, <c>agent_id</c> and <c>AgentId</c> do.
    /// </summary>
    public static bool SameLetters(string a, string b) => LettersOf(a) == LettersOf(b);

    private static string LettersOf(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Adds <c>@</c> to names that are C# keywords, for parameters and locals.</summary>
    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    private static string Build(string name, bool upperFirst)
    {
        var words = SplitWords(name);
        if (name.Length > 0 && name[0] is '+' or '-')
        {
            // The sign is part of the name: GitHub's reactions have both "+1" and "-1", which would otherwise both be "N1".
            words.Insert(0, name[0] == '+' ? "Plus" : "Minus");
        }

        var result = new StringBuilder(name.Length);
        foreach (string word in words)
        {
            if (result.Length == 0 && !upperFirst)
            {
                result.Append(word.ToLowerInvariant());
                continue;
            }

            result.Append(char.ToUpperInvariant(word[0]));
            result.Append(word.Substring(1));
        }

        if (result.Length == 0)
        {
            result.Append(upperFirst ? "Value" : "value");
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(result[0]))
        {
            result.Insert(0, upperFirst ? "N" : "n");
        }

        return result.ToString();
    }

    /// <summary>Splits on anything that is not a letter or digit, and between a lower-case letter and an upper-case one.</summary>
    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            // C# allows formatting characters in identifiers, but they hide what a name says (a right-to-left
            // override makes code read differently from how it compiles) and C# ignores them when comparing names.
            if (!SyntaxFacts.IsIdentifierPartCharacter(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                Flush();
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
            {
                Flush();
            }
            else if (current.Length > 1 && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))
            {
                // "HTTPServer" -> "HTTP", "Server"
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            string word = current.ToString();
            bool allUpper = word.Length > 2 && word.ToUpperInvariant() == word && HasLetter(word);
            words.Add(allUpper ? word.Substring(0, 1) + word.Substring(1).ToLowerInvariant() : word);
            current.Clear();
        }
    }

    private static bool HasLetter(string word)
    {
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Hands out names that are unique within one scope, deterministically: Name, Name2, Name3, ...</summary>
internal sealed class UniqueNameScope
{
    private readonly HashSet<string> _taken;

    /// <param name="reserved">Names that are taken from the start.</param>
    /// <param name="ignoreCase">
    /// For type names: they become file (hint) names, which must differ in more than case.
    /// </param>
    public UniqueNameScope(IEnumerable<string>? reserved = null, bool ignoreCase = false) =>
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Gives back a name reserved for something that was not declared after all.</summary>
    public void Release(string name) => _taken.Remove(name);

    /// <summary>
    /// Reserves one name per suffix on a shared stem, numbering the stem until every one of them is free, so that
    /// names made to go together stay together: <c>X</c> with <c>Async</c> and <c>WithResponseAsync</c> gives
    /// <c>XAsync</c> and <c>XWithResponseAsync</c>, or <c>X2Async</c> and <c>X2WithResponseAsync</c>.
    /// </summary>
    /// <returns>The stem the names were reserved on.</returns>
    public string ReserveStem(string stem, params string[] suffixes)
    {
        string candidate = stem;
        for (int n = 2; Array.Exists(suffixes, suffix => _taken.Contains(candidate + suffix)); n++)
        {
            candidate = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        foreach (string suffix in suffixes)
        {
            _taken.Add(candidate + suffix);
        }

        return candidate;
    }

    public string Reserve(string preferred)
    {
        string name = preferred;
        for (int n = 2; !_taken.Add(name); n++)
        {
            name = preferred + n.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}
