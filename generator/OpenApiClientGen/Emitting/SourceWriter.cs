using System.Text;

namespace OpenApiClientGen.Emitting;

/// <summary>Builds C# text with indentation that follows the braces it writes.</summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;
    private readonly StringBuilder _text = new();
    private int _indentation;

    // For a whole file, its namespace: the header goes in front of the text when the text is taken, once it is known
    // whether the file names the runtime.
    private string? _fileNamespace;

    public int Length => _text.Length;

    /// <summary>A writer for a whole generated file in namespace <paramref name="ns"/>; <see cref="ToString"/> puts the header first.</summary>
    public static SourceWriter ForFile(string ns) => new() { _fileNamespace = ns };

    /// <exception cref="InvalidOperationException">The line holds a line terminator: spec text that skipped <see cref="SpecText"/>.</exception>
    public void WriteLine(string line)
    {
        if (SpecText.ContainsLineTerminator(line))
        {
            throw new InvalidOperationException("A generated line holds a line terminator; spec text must go through SpecText.");
        }

        if (line.Length == 0)
        {
            _text.Append('\n');
            return;
        }

        _text.Append(' ', _indentation * SpacesPerLevel).Append(line).Append('\n');
    }

    public void WriteLine() => _text.Append('\n');

    /// <summary>Writes every line of a multi-line block at the current indentation.</summary>
    public void WriteLines(string block)
    {
        foreach (string line in block.Split('\n'))
        {
            WriteLine(line.TrimEnd('\r'));
        }
    }

    public void OpenBlock(string header)
    {
        if (header.Length > 0)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string closing = "}")
    {
        _indentation--;
        if (_indentation < 0)
        {
            throw new InvalidOperationException("More blocks closed than opened.");
        }

        WriteLine(closing);
    }

    /// <summary>Writes <paramref name="line"/> one level in: the expression body or initializer under a declaration.</summary>
    public void WriteIndented(string line)
    {
        _indentation++;
        WriteLine(line);
        _indentation--;
    }

    /// <summary>Writes an empty body, <c>{ }</c> on two lines.</summary>
    public void WriteEmptyBlock()
    {
        OpenBlock("");
        CloseBlock();
    }

    public void Indent() => _indentation++;

    public void Unindent() => _indentation--;

    public override string ToString()
    {
        string text = _text.ToString();
        return _fileNamespace is null ? text : CSharp.FileHeader(_fileNamespace, text.Contains(CSharp.Runtime)) + text;
    }
}
