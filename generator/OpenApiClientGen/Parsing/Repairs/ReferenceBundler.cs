namespace OpenApiClientGen.Parsing;

/// <summary>
/// Pulls every relative-file <c>$ref</c> into the root document, so the OpenAPI reader sees one self-contained
/// document, and checks that every local <c>$ref</c> points at something. Component targets
/// (<c>other.yaml#/components/schemas/Pet</c>) are copied under the root's <c>components</c> and the reference is
/// rewritten; any other target is copied in place.
/// </summary>
internal sealed class ReferenceBundler
{
    // Values under these keys are data, not schema, so a "$ref" inside them is not a reference.
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "default", "enum", "const" };

    private readonly string _rootPath;
    private readonly JsonObject _root;
    private readonly IReadOnlyDictionary<string, JsonNode?> _files;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, string> _imported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);
    private readonly SchemaIdIndex _ids;
    private readonly DeepSchemaReferences _deep;

    private ReferenceBundler(string rootPath, JsonObject root, IReadOnlyDictionary<string, JsonNode?> files)
    {
        _rootPath = rootPath;
        _root = root;
        _files = files;
        _ids = SchemaIdIndex.Build(root);
        _deep = new DeepSchemaReferences(root);
    }

    public static IEnumerable<DiagnosticInfo> Bundle(DocumentUnderRepair document)
    {
        var bundler = new ReferenceBundler(SpecPaths.Normalize(document.File), document.Root, document.ReferencedFiles);
        bundler.Walk(document.Root, bundler._rootPath, "");
        while (bundler._deep.Pending.Count > 0)
        {
            (JsonNode copy, string pointer) = bundler._deep.Pending.Dequeue();
            bundler.Walk(copy, bundler._rootPath, pointer);
        }

        return bundler._diagnostics;
    }

    private void Walk(JsonNode? node, string file, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("$ref", out JsonNode? refNode) && refNode is JsonValue refValue && refValue.TryGetValue(out string? reference))
                {
                    Resolve(obj, reference!, file, pointer);
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj.ToList())
                {
                    if (DataKeys.Contains(member.Key) || (member.Key == "value" && pointer.Contains("/examples/")))
                    {
                        continue;
                    }

                    Walk(member.Value, file, pointer + "/" + SpecTextLocator.Escape(member.Key));
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Walk(array[i], file, pointer + "/" + i);
                }

                break;
        }
    }

    private void Resolve(JsonObject holder, string reference, string file, string pointer)
    {
        if (file == _rootPath && _ids.ToLocal(reference) is { } local)
        {
            holder["$ref"] = local;
            reference = local;
        }

        int hash = reference.IndexOf('#');
        string filePart = hash < 0 ? reference : reference.Substring(0, hash);
        string targetPointer = hash < 0 ? "" : SpecTextLocator.Normalize(reference.Substring(hash));
        if (filePart.Length > 0 && SpecPaths.IsAbsoluteUri(filePart))
        {
            // $id-style and web references are left to the OpenAPI reader.
            return;
        }

        string targetFile = filePart.Length == 0 ? file : SpecPaths.Combine(file, filePart);
        JsonNode? document = targetFile == _rootPath ? _root : _files.TryGetValue(targetFile, out JsonNode? loaded) ? loaded : null;
        SpecLocation location = SpecLocation.AtPointer(file, pointer + "/$ref");
        if (document is null && IsInsideExtension(pointer))
        {
            // What a "$ref" means inside a vendor extension is the vendor's business; the reader never follows it.
            return;
        }

        if (document is null)
        {
            Report(DiagnosticDescriptors.ReferencedFileUnavailable.Id, location, reference, filePart);
            ReplaceWithAnySchema(holder);
            return;
        }

        JsonNode? target = Find(document, targetPointer);
        if (target is null && IsInsideExtension(pointer))
        {
            return;
        }

        if (target is null)
        {
            Report(DiagnosticDescriptors.DanglingReference.Id, location, reference);
            if (targetFile != _rootPath)
            {
                ReplaceWithAnySchema(holder);
            }

            return;
        }

        if (targetFile == _rootPath)
        {
            if (_deep.Move(pointer, targetPointer, target!) is { } moved)
            {
                holder["$ref"] = "#" + moved;
            }
            else if (reference != "#" + targetPointer)
            {
                holder["$ref"] = "#" + targetPointer;
            }

            return;
        }

        string key = targetFile + "#" + targetPointer;
        string[] segments = targetPointer.Split('/');
        if (segments.Length == 4 && segments[1] == "components")
        {
            holder["$ref"] = "#" + Import(key, segments[2], SpecTextLocator.Unescape(segments[3]), target!, targetFile, targetPointer);
            return;
        }

        if (!_inlining.Add(key))
        {
            Report(DiagnosticDescriptors.DanglingReference.Id, location, reference);
            ReplaceWithAnySchema(holder);
            return;
        }

        JsonNode copy = target!.DeepClone();
        Walk(copy, targetFile, targetPointer);
        _inlining.Remove(key);
        holder.Remove("$ref");
        if (copy is JsonObject copied)
        {
            foreach (KeyValuePair<string, JsonNode?> member in copied.ToList())
            {
                copied.Remove(member.Key);
                holder[member.Key] = member.Value;
            }
        }
    }

    private string Import(string key, string kind, string name, JsonNode target, string targetFile, string targetPointer)
    {
        if (_imported.TryGetValue(key, out string? existing))
        {
            return existing;
        }

        JsonObject components = _root["components"] as JsonObject ?? (JsonObject)(_root["components"] = new JsonObject());
        JsonObject section = components[kind] as JsonObject ?? (JsonObject)(components[kind] = new JsonObject());
        string unique = name;
        for (int n = 2; section.ContainsKey(unique); n++)
        {
            unique = name + n;
        }

        string localPointer = "/components/" + kind + "/" + SpecTextLocator.Escape(unique);
        _imported[key] = localPointer;
        JsonNode copy = target.DeepClone();
        section[unique] = copy;
        Walk(copy, targetFile, targetPointer);
        return localPointer;
    }

    private void Report(string id, SpecLocation location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(id, location, args));

    private static bool IsInsideExtension(string pointer)
    {
        string[] segments = pointer.Split('/');
        for (int i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith("x-", StringComparison.Ordinal) && segments[i - 1] is not ("properties" or "patternProperties"))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReplaceWithAnySchema(JsonObject holder) => holder.Remove("$ref");

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0)
        {
            return node;
        }

        foreach (string raw in pointer.Substring(1).Split('/'))
        {
            string segment = SpecTextLocator.Unescape(raw);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out JsonNode? child) ? child : null,
                JsonArray array => int.TryParse(segment, out int index) && index >= 0 && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

}
