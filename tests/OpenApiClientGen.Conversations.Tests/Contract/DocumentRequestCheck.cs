using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>
/// Checks a recorded request against a published OpenAPI document without a mock server: the method and path name an
/// operation of the document, every query parameter is one the operation declares, and the JSON body has the
/// required members, no undeclared ones, and enum values the schema allows. For documents Prism cannot serve.
/// </summary>
public sealed class DocumentRequestCheck
{
    private const int MaxDepth = 32;
    private readonly YamlMappingNode _root;

    public DocumentRequestCheck(string documentPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(documentPath))
        {
            stream.Load(reader);
        }

        _root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>What is wrong with the request, or nothing.</summary>
    public IReadOnlyList<string> Check(string method, Uri url, string? body)
    {
        var problems = new List<string>();
        string path = url.AbsolutePath;
        YamlMappingNode? operation = null;
        foreach ((YamlNode key, YamlNode value) in ((YamlMappingNode)Map(_root, "paths")!).Children)
        {
            string template = ((YamlScalarNode)key).Value!;
            string pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && value is YamlMappingNode item && Map(item, method.ToLowerInvariant()) is YamlMappingNode found)
            {
                operation = found;
                break;
            }
        }

        if (operation is null)
        {
            return [$"{method} {path} is not an operation of the document"];
        }

        var declared = (Seq(operation, "parameters") ?? []).Select(p => Resolve(p)).OfType<YamlMappingNode>()
            .Where(p => Text(p, "in") == "query").Select(p => Text(p, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (string pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = Uri.UnescapeDataString(pair.Split('=')[0]);
            if (!declared.Contains(name))
            {
                problems.Add($"query parameter '{name}' is not declared");
            }
        }

        YamlNode? schema = Map(Map(Map(Map(operation, "requestBody") is YamlNode rb ? (YamlMappingNode?)Resolve(rb) : null, "content"), "application/json"), "schema") is YamlMappingNode s ? s : null;
        if (body is not null && schema is not null)
        {
            using JsonDocument json = JsonDocument.Parse(body);
            CheckValue(json.RootElement, schema, "body", problems, 0);
        }
        else if (body is not null && schema is null)
        {
            problems.Add("a body was sent to an operation that takes none");
        }

        return problems;
    }

    private void CheckValue(JsonElement value, YamlNode schemaNode, string where, List<string> problems, int depth)
    {
        if (depth > MaxDepth || Resolve(schemaNode) is not YamlMappingNode schema)
        {
            return;
        }

        if (Seq(schema, "enum") is { } allowed && value.ValueKind == JsonValueKind.String
            && !allowed.OfType<YamlScalarNode>().Any(a => a.Value == value.GetString()))
        {
            problems.Add($"{where}: '{value.GetString()}' is not one of the schema's values");
        }

        if (value.ValueKind == JsonValueKind.Array && Map(schema, "items") is YamlNode items)
        {
            int i = 0;
            foreach (JsonElement item in value.EnumerateArray())
            {
                CheckValue(item, items, $"{where}[{i++}]", problems, depth + 1);
            }
        }

        if (value.ValueKind != JsonValueKind.Object || Map(schema, "properties") is not YamlMappingNode properties)
        {
            return;
        }

        foreach (string required in (Seq(schema, "required") ?? []).OfType<YamlScalarNode>().Select(r => r.Value!))
        {
            if (!value.TryGetProperty(required, out _))
            {
                problems.Add($"{where}: required member '{required}' is missing");
            }
        }

        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (properties.Children.TryGetValue(new YamlScalarNode(member.Name), out YamlNode? memberSchema))
            {
                CheckValue(member.Value, memberSchema, $"{where}.{member.Name}", problems, depth + 1);
            }
            else if (!schema.Children.ContainsKey(new YamlScalarNode("additionalProperties")))
            {
                problems.Add($"{where}: member '{member.Name}' is not in the schema");
            }
        }
    }

    private YamlNode? Resolve(YamlNode node)
    {
        for (int i = 0; i < MaxDepth && node is YamlMappingNode map && Text(map, "$ref") is string reference; i++)
        {
            YamlNode? target = _root;
            foreach (string part in reference.TrimStart('#', '/').Split('/'))
            {
                target = target is YamlMappingNode m ? Map(m, part.Replace("~1", "/").Replace("~0", "~")) : null;
            }

            if (target is null)
            {
                return null;
            }

            node = target;
        }

        return node;
    }

    private static YamlNode? Map(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    private static YamlNode? Map(YamlNode? node, string key) => Map(node as YamlMappingNode, key);

    private static YamlSequenceNode? Seq(YamlMappingNode node, string key) => Map(node, key) as YamlSequenceNode;

    private static string? Text(YamlMappingNode node, string key) => (Map(node, key) as YamlScalarNode)?.Value;
}
