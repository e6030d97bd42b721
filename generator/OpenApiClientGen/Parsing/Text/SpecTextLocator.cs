using System.IO;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Maps JSON pointers back to 1-based line and column positions in the original YAML or JSON text.
/// A pointer that names no node resolves to its nearest existing ancestor. Runs only when diagnostics exist.
/// </summary>
internal static class SpecTextLocator
{
    public static Dictionary<string, (int Line, int Column)> Locate(string text, IEnumerable<string> pointers)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var interesting = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (string pointer in pointers)
        {
            string normalized = Normalize(pointer);
            wanted.Add(normalized);
            for (int slash = normalized.Length; slash > 0; slash = normalized.LastIndexOf('/', slash - 1))
            {
                interesting.Add(normalized.Substring(0, slash));
            }
        }

        var found = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal) { [""] = (1, 1) };
        try
        {
            if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal))
            {
                WalkJson(text, interesting, found);
            }
            else
            {
                // The converter read past such blocks; emptying their lines moves no position.
                LeadingSpaceLines.Read(text, repaired => WalkYaml(repaired, interesting, found));
            }
        }
        catch (Exception ex) when (ex is JsonException or YamlException or InvalidOperationException)
        {
            // Positions found before the text broke off are still right; the rest fall back to ancestors.
        }

        var result = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        foreach (string pointer in wanted)
        {
            string probe = pointer;
            while (!found.ContainsKey(probe))
            {
                probe = probe.Substring(0, Math.Max(0, probe.LastIndexOf('/')));
            }

            result[pointer] = found[probe];
        }

        return result;
    }

    public static string Normalize(string pointer)
    {
        string trimmed = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        trimmed = Uri.UnescapeDataString(trimmed);
        return trimmed.EndsWith("/", StringComparison.Ordinal) ? trimmed.TrimEnd('/') : trimmed;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>A JSON pointer segment as the key it names: <c>~1</c> is <c>/</c> and <c>~0</c> is <c>~</c>.</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    // Only the containers on the way to a wanted pointer get paths: the rest of the document is read past, and the
    // walk stops once every wanted position is known.
    private static void WalkYaml(string text, HashSet<string> interesting, Dictionary<string, (int, int)> found)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        while (parser.MoveNext() && found.Count < interesting.Count)
        {
            ParsingEvent current = parser.Current!;
            if (current is DocumentEnd)
            {
                return;
            }

            if (current is MappingEnd or SequenceEnd)
            {
                frames.Pop();
                continue;
            }

            if (current is not (NodeEvent or AnchorAlias))
            {
                continue;
            }

            if (frames.Count > 0 && frames.Peek() == Frame.Uninteresting)
            {
                if (current is MappingStart or SequenceStart)
                {
                    frames.Push(Frame.Uninteresting);
                }

                continue;
            }

            string path = "";
            if (frames.Count > 0)
            {
                Frame parent = frames.Peek();
                if (parent.IsMapping && parent.PendingKey is null)
                {
                    parent.PendingKey = current is Scalar key ? key.Value : "";
                    string keyPath = parent.Path + "/" + Escape(parent.PendingKey);
                    if (interesting.Contains(keyPath) && !found.ContainsKey(keyPath))
                    {
                        found[keyPath] = ((int)current.Start.Line, (int)current.Start.Column);
                    }

                    // A mapping or sequence as a key holds no wanted position.
                    if (current is MappingStart or SequenceStart)
                    {
                        frames.Push(Frame.Uninteresting);
                    }

                    continue;
                }

                path = parent.IsMapping ? parent.Path + "/" + Escape(parent.PendingKey!) : parent.Path + "/" + parent.NextIndex++;
                parent.PendingKey = null;
                if (!parent.IsMapping && interesting.Contains(path) && !found.ContainsKey(path))
                {
                    found[path] = ((int)current.Start.Line, (int)current.Start.Column);
                }
            }

            if (current is MappingStart or SequenceStart)
            {
                frames.Push(interesting.Contains(path) ? new Frame(path, current is MappingStart) : Frame.Uninteresting);
            }
        }
    }

    private static void WalkJson(string text, HashSet<string> interesting, Dictionary<string, (int, int)> found)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = SpecTextConverter.MaxDepth });
        var frames = new Stack<Frame>();
        while (reader.Read())
        {
            JsonTokenType token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }

            string path = "";
            if (frames.Count > 0)
            {
                Frame parent = frames.Peek();
                if (token == JsonTokenType.PropertyName)
                {
                    parent.PendingKey = reader.GetString() ?? "";
                    string keyPath = parent.Path + "/" + Escape(parent.PendingKey);
                    if (interesting.Contains(keyPath) && !found.ContainsKey(keyPath))
                    {
                        found[keyPath] = Position((int)reader.TokenStartIndex);
                    }

                    continue;
                }

                path = parent.IsMapping ? parent.Path + "/" + Escape(parent.PendingKey!) : parent.Path + "/" + parent.NextIndex++;
                if (!parent.IsMapping && interesting.Contains(path) && !found.ContainsKey(path))
                {
                    found[path] = Position((int)reader.TokenStartIndex);
                }
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push(new Frame(path, token == JsonTokenType.StartObject));
            }
        }

        (int, int) Position(int offset)
        {
            int line = lineStarts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            int column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
            return (line + 1, column);
        }
    }

    private sealed class Frame
    {
        /// <summary>A container no wanted pointer leads into.</summary>
        public static readonly Frame Uninteresting = new("", isMapping: false);

        public Frame(string path, bool isMapping)
        {
            Path = path;
            IsMapping = isMapping;
        }

        public string Path { get; }

        public bool IsMapping { get; }

        public string? PendingKey { get; set; }

        public int NextIndex { get; set; }
    }
}
