namespace OpenApiClientGen.Parsing;

/// <summary>
/// The schemas in a document that name themselves with <c>$id</c> (and the <c>$anchor</c>s inside them), so that an
/// OpenAPI 3.1 reference such as <c>/api/v31/components/schemas/petdetails#pet_details_id</c> can become a local
/// JSON pointer the OpenAPI reader follows.
/// </summary>
internal sealed class SchemaIdIndex
{
    // Deeper documents are rejected before bundling (OACG0012); the bound only keeps this walk safe on its own.
    private const int MaxDepth = 512;

    private readonly Dictionary<string, string> _pointers = new(StringComparer.Ordinal);

    private SchemaIdIndex()
    {
    }

    public bool IsEmpty => _pointers.Count == 0;

    public static SchemaIdIndex Build(JsonNode root)
    {
        var index = new SchemaIdIndex();
        index.Visit(root, "", null, 0);
        return index;
    }

    /// <summary>The local <c>#/...</c> reference for an <c>$id</c>-based one, or null when no <c>$id</c> matches.</summary>
    public string? ToLocal(string reference)
    {
        int hash = reference.IndexOf('#');
        string id = hash < 0 ? reference : reference.Substring(0, hash);
        string fragment = hash < 0 ? "" : reference.Substring(hash + 1);
        if (id.Length == 0 || !_pointers.TryGetValue(id, out string? pointer))
        {
            return null;
        }

        if (fragment.Length == 0 || fragment.StartsWith("/", StringComparison.Ordinal))
        {
            return "#" + pointer + fragment;
        }

        return _pointers.TryGetValue(id + "#" + fragment, out string? anchor) ? "#" + anchor : null;
    }

    private void Visit(JsonNode? node, string pointer, string? resource, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (obj["$id"] is JsonValue idValue && idValue.TryGetValue(out string? id) && id!.Length > 0)
                {
                    resource = id.TrimEnd('#');
                    _pointers[resource] = pointer;
                }

                if (resource is not null && obj["$anchor"] is JsonValue anchorValue && anchorValue.TryGetValue(out string? anchor))
                {
                    _pointers[resource + "#" + anchor] = pointer;
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    Visit(member.Value, pointer + "/" + SpecTextLocator.Escape(member.Key), resource, depth + 1);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Visit(array[i], pointer + "/" + i, resource, depth + 1);
                }

                break;
        }
    }
}
