using System.Globalization;
using System.Text;

namespace OpenApiClientGen.Emitting;

/// <summary>
/// The one way text from a spec enters generated C#: as a string literal or as the content of a doc comment.
/// Identifiers come from the name table built in Parsing and never carry spec text verbatim.
/// </summary>
/// <remarks>
/// A spec is untrusted input. C# ends a <c>///</c> comment at any of CR, LF, CRLF, U+0085, U+2028 and U+2029, so a
/// description holding one of them would otherwise put whatever follows it into the consumer's assembly as code.
/// Literals escape every line terminator, control and format character and lone surrogate; doc text is XML-escaped
/// and every line terminator in it starts a new <c>///</c> line. <see cref="SourceWriter"/> refuses any line that
/// still holds a terminator, so a mistake here fails the generator instead of writing code.
/// </remarks>
internal static class SpecText
{
    /// <summary>A C# regular string literal, quotes included, whose value is exactly <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (NeedsEscape(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as XML doc content: markup escaped, every line terminator turned into <c>\n</c>,
    /// control and bidirectional-override characters dropped and lone surrogates replaced.
    /// </summary>
    public static string Xml(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\t': builder.Append(c); break;
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    if (IsLineTerminator(c))
                    {
                        builder.Append('\n');
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append('\uFFFD');
                    }
                    else if (!char.IsControl(c) && !IsBidiControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes spec text as an XML doc element, escaped, one <c>///</c> line per line of text.</summary>
    public static void WriteDoc(SourceWriter writer, string element, string? text, string attributes = "")
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            WriteDocXml(writer, element, Xml(text!).Trim(), attributes);
        }
    }

    /// <summary>
    /// Writes an XML doc element whose content is already XML, built from <see cref="Xml"/> pieces such as
    /// <c>&lt;c&gt;name&lt;/c&gt;</c>. Every line terminator in it starts a new <c>///</c> line.
    /// </summary>
    public static void WriteDocXml(SourceWriter writer, string element, string xml, string attributes = "")
    {
        string[] lines = SplitLines(xml);
        if (lines.Length == 1)
        {
            writer.WriteLine($"/// <{element}{attributes}>{lines[0].Trim()}</{element}>");
            return;
        }

        writer.WriteLine($"/// <{element}{attributes}>");
        foreach (string line in lines)
        {
            writer.WriteLine(("/// " + line.TrimEnd()).TrimEnd());
        }

        writer.WriteLine($"/// </{element}>");
    }

    /// <summary>The characters that end a line, and so a <c>//</c> comment, in C# source.</summary>
    public static bool IsLineTerminator(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    public static bool ContainsLineTerminator(string text)
    {
        foreach (char c in text)
        {
            if (IsLineTerminator(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] SplitLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            builder.Append(IsLineTerminator(c) ? '\n' : c);
        }

        return builder.ToString().Split('\n');
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || IsLineTerminator(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // Characters that reorder how a line is displayed, so that code reads differently from how it compiles.
    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
