namespace OpenApiClientGen.Parsing;

/// <summary>
/// Limits what YAML aliases may expand to. Each alias is copied into the JSON tree, so a chain of anchors that each
/// repeat the one before doubles the document per link (a "billion laughs" document), and a chain of aliases nested
/// one inside the other nests deeper than the text does. Either would take the compiler's memory or stack.
/// </summary>
internal sealed class AliasBudget
{
    /// <summary>All aliases of one document together may copy at most this many JSON nodes.</summary>
    public const int MaxCopiedNodes = 1_000_000;

    private long _copied;

    /// <summary>Counts the nodes an alias would copy; false when the copy would break the node budget or nest past <paramref name="maxDepth"/>.</summary>
    public bool TryCharge(JsonNode? aliased, int depthAtUse, int maxDepth)
    {
        var pending = new Stack<(JsonNode? Node, int Depth)>();
        pending.Push((aliased, depthAtUse));
        while (pending.Count > 0)
        {
            (JsonNode? node, int depth) = pending.Pop();
            if (++_copied > MaxCopiedNodes || depth > maxDepth)
            {
                return false;
            }

            if (node is JsonObject obj)
            {
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    pending.Push((member.Value, depth + 1));
                }
            }
            else if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    pending.Push((item, depth + 1));
                }
            }
        }

        return true;
    }
}
