using System.Text;
using System.Text.RegularExpressions;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Cuts a spec down to the operations the item's filters select, then drops every component those operations do not
/// reach through <c>$ref</c>s, so a client of a few operations of a large API carries only their types. Runs on the
/// JSON before the model is built, so everything after it sees an ordinary, smaller document.
/// </summary>
internal static class OperationFilter
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

    // OpenAPI 3.x component kinds, and the Swagger 2.0 sections that hold the same things at the root.
    private static readonly string[] ComponentKinds = { "schemas", "responses", "parameters", "requestBodies", "headers", "examples", "links", "callbacks", "pathItems" };
    private static readonly string[] SwaggerSections = { "definitions", "parameters", "responses" };

    /// <returns>A warning for each filter value that matches no operation.</returns>
    /// <summary>The operations the document's paths hold, before any filter.</summary>
    public static int CountOperations(JsonObject root) =>
        root["paths"] is JsonObject paths
            ? paths.Select(path => path.Value as JsonObject).Where(item => item is not null).Sum(item => item!.Count(entry => Array.IndexOf(Methods, entry.Key) >= 0))
            : 0;

    public static IReadOnlyList<DiagnosticInfo> Apply(JsonObject root, OperationFilters filters, string filePath)
    {
        if (filters.IsEmpty)
        {
            return Array.Empty<DiagnosticInfo>();
        }

        var includePaths = filters.IncludePaths.Select(p => (Value: p, Pattern: Glob(p))).ToList();
        var excludePaths = filters.ExcludePaths.Select(p => (Value: p, Pattern: Glob(p))).ToList();
        var used = new HashSet<(string Filter, string Value)>();

        if (root["paths"] is JsonObject paths)
        {
            foreach (KeyValuePair<string, JsonNode?> path in paths.ToList())
            {
                if (path.Value is not JsonObject item)
                {
                    continue;
                }

                bool pathIncluded = includePaths.Count == 0;
                foreach (var include in includePaths.Where(i => i.Pattern.IsMatch(path.Key)))
                {
                    used.Add(("IncludePaths", include.Value));
                    pathIncluded = true;
                }

                bool pathExcluded = false;
                foreach (var exclude in excludePaths.Where(e => e.Pattern.IsMatch(path.Key)))
                {
                    used.Add(("ExcludePaths", exclude.Value));
                    pathExcluded = true;
                }

                foreach (KeyValuePair<string, JsonNode?> operation in item.ToList().Where(p => Methods.Contains(p.Key.ToLowerInvariant())))
                {
                    var tags = (operation.Value?["tags"] as JsonArray)?.Select(t => t is JsonValue v && v.TryGetValue(out string? s) ? s : null).Where(s => s is not null).ToList() ?? new List<string?>();
                    string? operationId = operation.Value?["operationId"] is JsonValue id && id.TryGetValue(out string? text) ? text : null;

                    bool tagged = filters.IncludeTags.IsEmpty;
                    foreach (string tag in filters.IncludeTags.Where(t => tags.Any(s => string.Equals(s, t, StringComparison.OrdinalIgnoreCase))))
                    {
                        used.Add(("IncludeTags", tag));
                        tagged = true;
                    }

                    bool named = filters.IncludeOperations.IsEmpty;
                    foreach (string name in filters.IncludeOperations.Where(n => n == operationId))
                    {
                        used.Add(("IncludeOperations", name));
                        named = true;
                    }

                    if (!(pathIncluded && !pathExcluded && tagged && named))
                    {
                        item.Remove(operation.Key);
                    }
                }

                if (!item.Any(p => Methods.Contains(p.Key.ToLowerInvariant())) && !(item.ContainsKey("$ref") && pathIncluded && !pathExcluded))
                {
                    paths.Remove(path.Key);
                }
            }
        }

        // Webhooks are operations the client never calls; with a filter their types are not wanted either.
        root.Remove("webhooks");
        RemoveUnreached(root);

        var warnings = new List<DiagnosticInfo>();
        Warn("IncludeTags", filters.IncludeTags);
        Warn("IncludePaths", filters.IncludePaths);
        Warn("ExcludePaths", filters.ExcludePaths);
        Warn("IncludeOperations", filters.IncludeOperations);
        return warnings;

        void Warn(string filter, EquatableArray<string> values)
        {
            foreach (string value in values.Where(v => !used.Contains((filter, v))))
            {
                warnings.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FilterMatchesNothing.Id, SpecLocation.AtFileStart(filePath), filter, value));
            }
        }
    }

    /// <summary>Values of one item metadata: separated by <c>;</c>, trimmed, empty ones dropped.</summary>
    public static EquatableArray<string> Split(string? value) =>
        (value ?? "").Split(';').Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToEquatableArray();

    private static void RemoveUnreached(JsonObject root)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        foreach (KeyValuePair<string, JsonNode?> member in root)
        {
            // Everything outside the component sections is kept, so whatever it refers to is reached.
            bool isComponents = member.Key == "components" || (root.ContainsKey("swagger") && SwaggerSections.Contains(member.Key));
            if (!isComponents && member.Value is not null)
            {
                pending.Push(member.Value);
            }
        }

        if (root["components"] is JsonObject components && components["securitySchemes"] is JsonNode schemes)
        {
            pending.Push(schemes);
        }

        while (pending.Count > 0)
        {
            JsonNode node = pending.Pop();
            if (node is JsonArray array)
            {
                foreach (JsonNode? element in array)
                {
                    if (element is not null)
                    {
                        pending.Push(element);
                    }
                }

                continue;
            }

            if (node is not JsonObject obj)
            {
                continue;
            }

            foreach (KeyValuePair<string, JsonNode?> member in obj)
            {
                if (member.Value is null)
                {
                    continue;
                }

                if (member.Key == "$ref" && member.Value is JsonValue reference && reference.TryGetValue(out string? target))
                {
                    Reach(target);
                }
                else if (member.Key == "mapping" && obj.ContainsKey("propertyName") && member.Value is JsonObject mapping)
                {
                    // A discriminator's mapping names schemas by reference or by bare name.
                    foreach (KeyValuePair<string, JsonNode?> entry in mapping)
                    {
                        if (entry.Value is JsonValue value && value.TryGetValue(out string? mapped))
                        {
                            Reach(mapped.Contains('#') || mapped.Contains('/') ? mapped : (root.ContainsKey("swagger") ? "#/definitions/" : "#/components/schemas/") + mapped);
                        }
                    }
                }
                else
                {
                    pending.Push(member.Value);
                }
            }
        }

        if (root["components"] is JsonObject componentSections)
        {
            foreach (string kind in ComponentKinds)
            {
                Prune(componentSections[kind] as JsonObject, "/components/" + kind + "/");
            }
        }

        if (root.ContainsKey("swagger"))
        {
            foreach (string section in SwaggerSections)
            {
                Prune(root[section] as JsonObject, "/" + section + "/");
            }
        }

        void Reach(string target)
        {
            if (!target.StartsWith("#/", StringComparison.Ordinal))
            {
                return;
            }

            string[] segments = target.Substring(2).Split('/').Select(Unescape).ToArray();
            bool isComponent = segments.Length >= 3 && segments[0] == "components" && ComponentKinds.Contains(segments[1]);
            bool isSwagger = segments.Length >= 2 && root.ContainsKey("swagger") && SwaggerSections.Contains(segments[0]);
            if (!isComponent && !isSwagger)
            {
                return;
            }

            int length = isComponent ? 3 : 2;
            string key = "/" + string.Join("/", segments.Take(length));
            if (!reached.Add(key))
            {
                return;
            }

            JsonNode? found = root;
            foreach (string segment in segments.Take(length))
            {
                found = found is JsonObject container ? container[segment] : null;
            }

            if (found is not null)
            {
                pending.Push(found);
            }
        }

        void Prune(JsonObject? section, string prefix)
        {
            if (section is null)
            {
                return;
            }

            foreach (string name in section.Select(p => p.Key).ToList())
            {
                if (!reached.Contains(prefix + name))
                {
                    section.Remove(name);
                }
            }
        }
    }

    // JSON pointer segments escape '~' and '/'; a reference may also percent-encode them as a URI fragment.
    private static string Unescape(string segment)
    {
        string decoded = segment.IndexOf('%') >= 0 ? Uri.UnescapeDataString(segment) : segment;
        return SpecTextLocator.Unescape(decoded);
    }

    private static Regex Glob(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        // A bounded pattern on bounded text: paths are short, and the pattern has no nested quantifiers.
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
