using System.Globalization;
using System.IO;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Turns a spec file's text (YAML, or JSON in any file) into compact, normalized JSON text,
/// so that whitespace and comment edits produce identical output and leave later steps cached.
/// </summary>
internal static class SpecTextConverter
{
    /// <summary>Deeper documents are refused with a diagnostic instead of risking the compiler's stack.</summary>
    public const int MaxDepth = 256;

    /// <returns>
    /// The JSON, or the error that stopped the reading; and what was read more leniently than YamlDotNet reads it
    /// (<see cref="LeadingSpaceLines"/>), as information to report.
    /// </returns>
    public static (JsonNode? Node, DiagnosticInfo? Error, EquatableArray<DiagnosticInfo> Repairs) Convert(string filePath, string text)
    {
        try
        {
            if (LooksLikeJson(text))
            {
                return (ParseJson(text), null, EquatableArray<DiagnosticInfo>.Empty);
            }

            JsonNode? node = null;
            DiagnosticInfo? error = null;
            IReadOnlyList<LeadingSpaceRepair> repairs = LeadingSpaceLines.Read(text, repaired => node = ParseYaml(filePath, repaired, out error));
            return (node, error, repairs.Select(r => DiagnosticInfo.Create(
                DiagnosticDescriptors.ValidationRuleNotMet.Id, new SpecLocation(filePath, null, r.Line, r.Column), r.Describe())).ToEquatableArray());
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1, column = (int)(ex.BytePositionInLine ?? 0) + 1;
            string message = ex.Message.Contains("depth") ? $"it nests deeper than {MaxDepth} levels" : FirstSentence(ex.Message);
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax.Id, new SpecLocation(filePath, null, line, column), message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException with a position.
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSyntax.Id, SpecLocation.AtFileStart(filePath), FirstSentence(ex.Message)));
        }
        catch (YamlException ex)
        {
            return Failed(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidSyntax.Id,
                new SpecLocation(filePath, null, Math.Max(1, (int)ex.Start.Line), Math.Max(1, (int)ex.Start.Column)),
                FirstSentence(ex.Message)));
        }

        static (JsonNode?, DiagnosticInfo?, EquatableArray<DiagnosticInfo>) Failed(DiagnosticInfo error) => (null, error, EquatableArray<DiagnosticInfo>.Empty);
    }

    public static string ToJsonText(JsonNode node) => node.ToJsonString();

    // JSON with comments (allowed, see ParseJson) may open with one: "// ..." or "/* ... */" before the '{'.
    private static bool LooksLikeJson(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                continue;
            }

            if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                int end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                i = text[i + 1] == '/' ? end : end + 1;
                continue;
            }

            return c == '{' || c == '[';
        }

        return false;
    }

    private static JsonNode? ParseJson(string text) =>
        LastKeyWinsJson.Parse(
            text.TrimStart('\uFEFF'),
            new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });

    private static JsonNode? ParseYaml(string filePath, string text, out DiagnosticInfo? error)
    {
        error = null;
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        var aliasBudget = new AliasBudget();
        JsonNode? root = null;
        bool rootSet = false;

        while (parser.MoveNext())
        {
            ParsingEvent current = parser.Current!;
            switch (current)
            {
                case DocumentStart when rootSet:
                    // Only the first document of a multi-document stream is the spec.
                    return root;
                case MappingStart mapping:
                    if (stack.Count >= MaxDepth)
                    {
                        error = TooDeep(filePath, current);
                        return null;
                    }

                    stack.Push(new Frame(new JsonObject(), Anchor(mapping.Anchor)));
                    break;
                case SequenceStart sequence:
                    if (stack.Count >= MaxDepth)
                    {
                        error = TooDeep(filePath, current);
                        return null;
                    }

                    stack.Push(new Frame(new JsonArray(), Anchor(sequence.Anchor)) { IsTypeList = stack.Count > 0 && stack.Peek().PendingKey == "type" });
                    break;
                case MappingEnd:
                case SequenceEnd:
                    Frame done = stack.Pop();
                    Remember(anchors, done.Anchor, done.Container);
                    Add(done.Container);
                    break;
                case Scalar scalar:
                    if (stack.Count > 0 && stack.Peek().Container is JsonObject && stack.Peek().PendingKey is null)
                    {
                        stack.Peek().PendingKey = scalar.Value;
                        break;
                    }

                    JsonNode? value = ScalarToNode(scalar, stack.Count > 0 && stack.Peek().IsTypeList);
                    Remember(anchors, Anchor(scalar.Anchor), value);
                    Add(value);
                    break;
                case AnchorAlias alias:
                    if (stack.Count > 0 && stack.Peek().Container is JsonObject && stack.Peek().PendingKey is null)
                    {
                        stack.Peek().PendingKey = anchors.TryGetValue(alias.Value.Value, out JsonNode? keyNode) ? keyNode?.ToString() ?? "" : "";
                        break;
                    }

                    JsonNode? aliased = anchors.TryGetValue(alias.Value.Value, out JsonNode? anchored) ? anchored : null;
                    if (!aliasBudget.TryCharge(aliased, stack.Count, MaxDepth))
                    {
                        error = AliasesTooLarge(filePath, current);
                        return null;
                    }

                    Add(aliased?.DeepClone());
                    break;
            }
        }

        return root;

        void Add(JsonNode? node)
        {
            if (stack.Count == 0)
            {
                root = node;
                rootSet = true;
                return;
            }

            Frame parent = stack.Peek();
            if (parent.Container is JsonArray array)
            {
                array.Add(node);
                return;
            }

            var obj = (JsonObject)parent.Container;
            string key = parent.PendingKey!;
            parent.PendingKey = null;
            if (key == "<<" && node is JsonObject merged)
            {
                // YAML merge key: copy the aliased mapping's members that are not already present.
                foreach (KeyValuePair<string, JsonNode?> member in merged)
                {
                    if (!obj.ContainsKey(member.Key))
                    {
                        obj[member.Key] = member.Value?.DeepClone();
                    }
                }

                return;
            }

            // A repeated key keeps its last value, as most YAML readers do.
            obj[key] = node;
        }
    }

    private static JsonNode? ScalarToNode(Scalar scalar, bool insideTypeList)
    {
        string value = scalar.Value;
        if (!scalar.IsPlainImplicit || scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                // `type: [string, null]` with a bare null means the JSON type name "null", not a missing value.
                return insideTypeList ? JsonValue.Create("null") : null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IsInteger(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return JsonValue.Create(integer);
        }

        if (IsDecimalNumber(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && !double.IsInfinity(number))
        {
            return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                ? JsonValue.Create(exact)
                : JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    private static bool IsInteger(string value)
    {
        int start = value[0] is '-' or '+' ? 1 : 0;
        if (start == value.Length)
        {
            return false;
        }

        for (int i = start; i < value.Length; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    // YAML 1.2 core schema floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
    private static bool IsDecimalNumber(string value)
    {
        int i = value[0] is '-' or '+' ? 1 : 0;
        int digits = 0;
        while (i < value.Length && char.IsDigit(value[i]))
        {
            i++;
            digits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            while (i < value.Length && char.IsDigit(value[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '-' or '+')
            {
                i++;
            }

            int exponentDigits = 0;
            while (i < value.Length && char.IsDigit(value[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static string? Anchor(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static void Remember(Dictionary<string, JsonNode?> anchors, string? anchor, JsonNode? node)
    {
        if (anchor is not null)
        {
            anchors[anchor] = node;
        }
    }

    private static DiagnosticInfo TooDeep(string filePath, ParsingEvent at) =>
        DiagnosticInfo.Create(
            DiagnosticDescriptors.NestingTooDeep.Id,
            new SpecLocation(filePath, null, Math.Max(1, (int)at.Start.Line), Math.Max(1, (int)at.Start.Column)),
            MaxDepth.ToString(CultureInfo.InvariantCulture));

    private static DiagnosticInfo AliasesTooLarge(string filePath, ParsingEvent at) =>
        DiagnosticInfo.Create(
            DiagnosticDescriptors.AliasesExpandTooFar.Id,
            new SpecLocation(filePath, null, Math.Max(1, (int)at.Start.Line), Math.Max(1, (int)at.Start.Column)),
            AliasBudget.MaxCopiedNodes.ToString(CultureInfo.InvariantCulture),
            MaxDepth.ToString(CultureInfo.InvariantCulture));

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message.Substring(0, end) : message).TrimEnd('.');
    }

    private sealed class Frame
    {
        public Frame(JsonNode container, string? anchor)
        {
            Container = container;
            Anchor = anchor;
        }

        public JsonNode Container { get; }

        public string? Anchor { get; }

        public string? PendingKey { get; set; }

        public bool IsTypeList { get; init; }
    }
}
