using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// YamlDotNet refuses a literal block scalar (<c>|</c>) whose first lines hold nothing but spaces ("found extra
/// spaces in first line"); libyaml, PyYAML and js-yaml read each such line as an empty line. OpenAI's document has one:
/// <c>example: |+</c>, then a line of twelve spaces, then the next key. On exactly that error the space-only lines
/// between the block's header and its first other line are emptied, which keeps every line and column, and the text is
/// read again.
/// </summary>
/// <remarks>
/// libyaml and js-yaml take the block's indentation from the widest of these lines and its first content line, so each
/// space-only line is an empty line for them, as it is once emptied. The exception is a space-only line wider than the
/// content line: they then end the block before the content line and fail. Nothing is repaired in that case, and the
/// error stands.
/// </remarks>
internal static class LeadingSpaceLines
{
    /// <summary>Each repair reads the whole text again, so a document gets only this many.</summary>
    public const int MaxRepairs = 16;

    private const string ScannerMessage = "While scanning a literal block scalar, found extra spaces in first line.";

    // `key: |`, `- |`, `key: |+  # comment`; an indentation indicator (`|2`) makes the spaces content, so it is left out.
    private static readonly Regex LiteralHeader = new(@"(?<![^ \t])\|[+-]?(?:[ \t]+#.*)?[ \t]*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Runs <paramref name="read"/> on the text and, each time it stops at such a block, again on the text with that
    /// block repaired. Any other error, or one past <see cref="MaxRepairs"/>, is thrown to the caller.
    /// </summary>
    public static IReadOnlyList<LeadingSpaceRepair> Read(string text, Action<string> read)
    {
        var repairs = new List<LeadingSpaceRepair>();
        while (true)
        {
            try
            {
                read(text);
                return repairs;
            }
            catch (YamlException ex) when (repairs.Count < MaxRepairs && TryRepair(text, ex, out string repaired) is { } repair)
            {
                repairs.Add(repair);
                text = repaired;
            }
        }
    }

    private static LeadingSpaceRepair? TryRepair(string text, YamlException error, out string repaired)
    {
        repaired = text;
        if (error.Message != ScannerMessage)
        {
            return null;
        }

        // The scanner stops at the start of the first line that is not blank (or at the end of the text).
        string[] lines = text.Split('\n');
        int next = (int)error.Start.Line - 1;
        if (next < 1 || next >= lines.Length)
        {
            return null;
        }

        int first = next;
        while (first > 0 && IsBlank(lines[first - 1]))
        {
            first--;
        }

        int header = first - 1;
        if (header < 0 || first == next)
        {
            return null;
        }

        Match match = LiteralHeader.Match(lines[header].TrimEnd('\r'));
        if (!match.Success)
        {
            return null;
        }

        bool atEnd = next == lines.Length - 1 && IsBlank(lines[next]);
        int widest = lines.Skip(first).Take(next - first).Max(Indentation);
        if (!atEnd && widest > Indentation(lines[next]))
        {
            // Safe only when the next line is not content (it is at or left of its parent's indentation): then the
            // block has no content, and every reader takes all its lines as empty lines.
            if (ParentIndentation(lines[header], match.Index) is not { } parent || Indentation(lines[next]) > parent)
            {
                return null;
            }
        }

        for (int i = first; i < next; i++)
        {
            lines[i] = lines[i].EndsWith("\r", StringComparison.Ordinal) ? "\r" : "";
        }

        repaired = string.Join("\n", lines);
        return new LeadingSpaceRepair(Math.Max(1, (int)error.Start.Line), Math.Max(1, (int)error.Start.Column), header + 1, next - first);
    }

    private static bool IsBlank(string line) => line.TrimEnd('\r').All(c => c == ' ');

    private static int Indentation(string line)
    {
        int spaces = 0;
        while (spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return spaces;
    }

    /// <summary>
    /// The indentation the block's content must exceed: the key's column for <c>key: |</c> (also after <c>- </c>), the
    /// dash's for <c>- |</c>; null when the header stands alone on its line and its parent is on another.
    /// </summary>
    private static int? ParentIndentation(string header, int headerEnd)
    {
        int position = Indentation(header);
        int? dash = null;
        while (position + 1 < header.Length && header[position] == '-' && header[position + 1] == ' ')
        {
            dash = position;
            position++;
            while (position < header.Length && header[position] == ' ')
            {
                position++;
            }
        }

        string beforeIndicator = position < headerEnd ? header.Substring(position, headerEnd - position) : "";
        return beforeIndicator.Contains(": ") || beforeIndicator.Contains(":\t") ? position : dash;
    }
}

/// <summary>A literal block scalar whose leading space-only lines were read as empty lines.</summary>
/// <param name="Line">Where YamlDotNet stopped: the first line after them.</param>
/// <param name="HeaderLine">The line of the block's <c>|</c>.</param>
internal sealed record LeadingSpaceRepair(int Line, int Column, int HeaderLine, int LineCount)
{
    public string Describe() =>
        LineCount == 1
            ? $"The literal block scalar on line {HeaderLine.ToString(CultureInfo.InvariantCulture)} starts with a line of only spaces, which YamlDotNet refuses; it is read as an empty line, as libyaml and js-yaml read it"
            : $"The literal block scalar on line {HeaderLine.ToString(CultureInfo.InvariantCulture)} starts with {LineCount.ToString(CultureInfo.InvariantCulture)} lines of only spaces, which YamlDotNet refuses; they are read as empty lines, as libyaml and js-yaml read them";
}
