using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiClientGen.Tests.Fuzzing;

/// <summary>One mutated document: its text, the file name it is handed over as, and the mutations that made it.</summary>
public sealed record Mutant(int Index, string FileName, string Text, string Mutations);

/// <summary>
/// Makes mutants of seed documents, reproducibly from one seed: structural edits of the JSON tree (deleted keys,
/// values of the wrong type, <c>$ref</c>s to random or cyclic targets, cyclic <c>allOf</c>) and text edits
/// (duplicate keys, nesting 10,000 levels deep, a 10 MB string, odd Unicode, truncation, empty documents, binary
/// garbage).
/// </summary>
public sealed class SpecMutator
{
    private const int DeepNesting = 10_000;
    private const int HugeStringLength = 10 * 1024 * 1024;

    private static readonly string[] OddStrings = new[]
    {
        "\u0000", "\uFEFF", "\u200B\u200D", "\u202Eevil", "e\u0301", "日本語", "😀🧪", "\uD800", "a\r\nb", "class", "@if", "1st", "",
        "--", "{id}", "#/components/schemas/", "~0~1", "\t", new string('x', 600),
    }.Concat(Security.HostileSpecTextTests.HostileStrings).ToArray();

    private readonly Random _random;
    private readonly IReadOnlyList<(string Name, JsonObject Json, string Text)> _seeds;

    public SpecMutator(int seed, IReadOnlyList<(string Name, JsonObject Json, string Text)> seeds)
    {
        _random = new Random(seed);
        _seeds = seeds;
    }

    public Mutant Next(int index)
    {
        (string name, JsonObject json, string text) = _seeds[_random.Next(_seeds.Count)];
        int roll = _random.Next(100);
        if (roll < 4)
        {
            return Whole(index, name);
        }

        if (roll < 20)
        {
            return TextEdit(index, name, text);
        }

        var root = (JsonObject)json.DeepClone();
        var applied = new List<string>();
        int count = 1 + _random.Next(3);
        string? textMutation = null;
        for (int i = 0; i < count; i++)
        {
            int kind = _random.Next(100);
            if (kind < 75)
            {
                applied.Add(TreeEdit(root));
            }
            else
            {
                textMutation = new[] { "duplicate key", "deep nesting", "huge string", "odd unicode keys" }[_random.Next(4)];
                applied.Add(textMutation);
            }
        }

        string output = textMutation switch
        {
            "duplicate key" => WriteWithDuplicateKey(root),
            "deep nesting" => WriteWithDeepNesting(root),
            "huge string" => WriteWithHugeString(root),
            "odd unicode keys" => WriteWithOddKeys(root),
            _ => root.ToJsonString(),
        };
        return new Mutant(index, name + ".json", output, string.Join(", ", applied));
    }

    private Mutant Whole(int index, string name)
    {
        switch (_random.Next(5))
        {
            case 0:
                return new Mutant(index, name + ".yaml", "", "empty document");
            case 1:
                return new Mutant(index, name + ".json", new[] { "{}", "[]", "null", "  \n\t", "0", "\"openapi\"" }[_random.Next(6)], "trivial document");
            case 2:
                var bytes = new byte[_random.Next(1, 4096)];
                _random.NextBytes(bytes);
                return new Mutant(index, name + ".yaml", Encoding.Latin1.GetString(bytes), "binary garbage");
            case 3:
                var utf8 = new byte[_random.Next(1, 4096)];
                _random.NextBytes(utf8);
                return new Mutant(index, name + ".json", Encoding.UTF8.GetString(utf8), "binary garbage as UTF-8");
            default:
                return new Mutant(index, name + ".yaml", "openapi: 3.1.0\n" + new string('[', DeepNesting) + new string(']', DeepNesting), "deep flow nesting");
        }
    }

    private Mutant TextEdit(int index, string name, string text)
    {
        string[] lines = text.Split('\n');
        int at = _random.Next(lines.Length);
        switch (_random.Next(6))
        {
            case 0:
                return new Mutant(index, name + ".yaml", text.Substring(0, _random.Next(text.Length + 1)), "truncated");
            case 1:
                return new Mutant(index, name + ".yaml", string.Join("\n", lines.Take(at).Append(lines[at]).Concat(lines.Skip(at))), "duplicated line");
            case 2:
                lines[at] = new string(' ', _random.Next(12)) + lines[at].TrimStart();
                return new Mutant(index, name + ".yaml", string.Join("\n", lines), "re-indented line");
            case 3:
                int position = _random.Next(text.Length + 1);
                string inserted = new[] { ":", "- ", "{", "]", "&a ", "*a", "!!binary ", "? ", "|", "'", "\"", "%YAML 1.1\n", "---\n", "<<: *a\n" }[_random.Next(14)];
                return new Mutant(index, name + ".yaml", text.Insert(position, inserted), $"inserted '{inserted.Trim()}'");
            case 4:
                return new Mutant(index, name + ".yaml", text.Replace("\n", "\r", StringComparison.Ordinal), "carriage returns only");
            default:
                // A billion-laughs style alias bomb: each level doubles the size of the document it expands to.
                var bomb = new StringBuilder("openapi: 3.1.0\ninfo: {title: bomb, version: '1'}\nx-a0: &a0 [lol, lol]\n");
                for (int i = 1; i < 30; i++)
                {
                    bomb.Append(CultureInfo.InvariantCulture, $"x-a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
                }

                return new Mutant(index, name + ".yaml", bomb.Append("paths: {}\n").ToString(), "alias bomb");
        }
    }

    private string TreeEdit(JsonObject root)
    {
        List<(JsonNode Node, string Pointer)> nodes = Collect(root);
        (JsonNode node, string pointer) = nodes[_random.Next(nodes.Count)];
        switch (_random.Next(6))
        {
            case 0 when node is JsonObject obj && obj.Count > 0:
                string key = obj.ElementAt(_random.Next(obj.Count)).Key;
                obj.Remove(key);
                return $"deleted {pointer}/{key}";
            case 1 when node.Parent is not null:
                JsonNode replacement = RandomValue();
                Replace(node, replacement);
                return $"changed type at {pointer}";
            case 2 when node is JsonObject obj:
                (JsonNode _, string target) = nodes[_random.Next(nodes.Count)];
                obj["$ref"] = _random.Next(4) switch
                {
                    0 => "#" + target + "/missing",
                    1 => "other.yaml#" + target,
                    2 => "#" + AncestorOf(pointer),
                    _ => "#" + target,
                };
                return $"$ref at {pointer}";
            case 3:
                AddCyclicAllOf(root, node as JsonObject);
                return "cyclic allOf";
            case 4 when node is JsonObject obj:
                obj[OddStrings[_random.Next(OddStrings.Length)]] = new JsonObject { ["type"] = "string" };
                return $"odd key at {pointer}";
            default:
                if (node.Parent is not null)
                {
                    Replace(node, JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)]));
                }

                return $"odd string at {pointer}";
        }
    }

    private void AddCyclicAllOf(JsonObject root, JsonObject? user)
    {
        JsonObject components = root["components"] as JsonObject ?? new JsonObject();
        root["components"] = components;
        JsonObject schemas = components["schemas"] as JsonObject ?? new JsonObject();
        components["schemas"] = schemas;
        schemas["CycleA"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/CycleB" }, new JsonObject { ["type"] = "object" }) };
        schemas["CycleB"] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/CycleA" }) };
        schemas["SelfAnyOf"] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/SelfAnyOf" }) };
        if (user is not null && !ReferenceEquals(user, schemas))
        {
            user["$ref"] = _random.Next(2) == 0 ? "#/components/schemas/CycleA" : "#/components/schemas/SelfAnyOf";
        }
    }

    private JsonNode RandomValue() => _random.Next(7) switch
    {
        0 => JsonValue.Create(_random.Next(-5, 5)),
        1 => JsonValue.Create(_random.NextDouble() * 1e300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)]),
        4 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null),
        5 => new JsonObject { ["$ref"] = "#/" },
        _ => new JsonObject(),
    };

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static string AncestorOf(string pointer)
    {
        int slash = pointer.LastIndexOf('/');
        return slash <= 0 ? "" : pointer.Substring(0, slash);
    }

    private static List<(JsonNode Node, string Pointer)> Collect(JsonNode root)
    {
        var nodes = new List<(JsonNode, string)>();
        var stack = new Stack<(JsonNode Node, string Pointer)>();
        stack.Push((root, ""));
        while (stack.Count > 0)
        {
            (JsonNode node, string pointer) = stack.Pop();
            nodes.Add((node, pointer));
            if (node is JsonObject obj)
            {
                foreach (KeyValuePair<string, JsonNode?> member in obj.Where(m => m.Value is not null))
                {
                    stack.Push((member.Value!, pointer + "/" + member.Key.Replace("~", "~0").Replace("/", "~1")));
                }
            }
            else if (node is JsonArray array)
            {
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push((item, pointer + "/" + i));
                    }
                }
            }
        }

        return nodes;
    }

    // The three text mutations below write JSON that JsonNode cannot hold: a repeated key, or nesting past its limit.
    private string WriteWithDuplicateKey(JsonObject root)
    {
        JsonObject target = Collect(root).Select(n => n.Node).OfType<JsonObject>().Where(o => o.Count > 0).OrderBy(_ => _random.Next()).FirstOrDefault() ?? root;
        string key = target.First().Key;
        string marker = "\"__duplicate_marker__\":0";
        target["__duplicate_marker__"] = 0;
        string text = root.ToJsonString();
        string duplicate = JsonSerializer.Serialize(key) + ":" + (_random.Next(2) == 0 ? "{\"type\":\"integer\"}" : "\"again\"");
        return text.Replace(marker, duplicate, StringComparison.Ordinal);
    }

    private string WriteWithDeepNesting(JsonObject root)
    {
        string open = _random.Next(2) == 0 ? "{\"a\":" : "[";
        string close = open == "[" ? "]" : "}";
        string deep = string.Concat(Enumerable.Repeat(open, DeepNesting)) + "0" + string.Concat(Enumerable.Repeat(close, DeepNesting));
        root["__deep_marker__"] = 0;
        return root.ToJsonString().Replace("\"__deep_marker__\":0", "\"x-deep\":" + deep, StringComparison.Ordinal);
    }

    private string WriteWithHugeString(JsonObject root)
    {
        var info = root["info"] as JsonObject ?? new JsonObject();
        root["info"] = info;
        info["description"] = new string('z', HugeStringLength);
        return root.ToJsonString();
    }

    private string WriteWithOddKeys(JsonObject root)
    {
        string odd = OddStrings[_random.Next(OddStrings.Length)];
        root["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject
            {
                [odd] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [odd] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(odd, odd + "!") } } },
                [odd + "_"] = new JsonObject { ["type"] = "object" },
            },
        };
        return root.ToJsonString();
    }
}
