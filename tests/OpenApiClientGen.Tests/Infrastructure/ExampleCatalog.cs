using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>One example value from a document, where it sits, and the generated type it should read as.</summary>
public sealed record DocumentExample(string Pointer, JsonNode? Value, object Type);

/// <summary>
/// Finds every <c>example</c>/<c>examples</c> value attached to a schema, a request body or a response, and pairs it with
/// the type the generator chose there, by walking the document beside the generated model: component schemas by name,
/// request and response bodies through their operation, then down properties, items, allOf parts, union branches and
/// additional properties. Examples the walk cannot pair with a type are listed as unreached.
/// </summary>
internal sealed class ExampleCatalog
{
    private readonly JsonObject _document;
    private readonly ApiSpec _api;
    private readonly Dictionary<string, TypeDeclaration> _declarations;

    private ExampleCatalog(JsonObject document, ApiSpec api)
    {
        _document = document;
        _api = api;
        _declarations = api.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public List<DocumentExample> Examples { get; } = new();

    public List<string> Unreached { get; } = new();

    public static ExampleCatalog Build(JsonObject document, ApiSpec api)
    {
        var catalog = new ExampleCatalog(document, api);
        catalog.WalkComponents();
        catalog.WalkOperations();
        return catalog;
    }

    private void WalkComponents()
    {
        if (_document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonNode?> component in schemas)
        {
            string pointer = "/components/schemas/" + Escape(component.Key);
            WalkSchema(component.Value, ComponentType(component.Key), pointer);
        }
    }

    private void WalkOperations()
    {
        if (_document["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonNode?> path in paths)
        {
            if (path.Value is not JsonObject item)
            {
                continue;
            }

            string route = path.Key.Split('#')[0];
            foreach (KeyValuePair<string, JsonNode?> entry in item)
            {
                // Speakeasy's `#fragment` path keys give one route several operations; the model keeps no fragment, so
                // those stay unpaired rather than risk pairing an example with a sibling's type.
                var matches = _api.Operations.Where(o => string.Equals(o.HttpMethod, entry.Key, StringComparison.OrdinalIgnoreCase) && o.Path == route).ToList();
                OperationSpec? operation = matches.Count == 1 ? matches[0] : null;
                if (entry.Value is not JsonObject body)
                {
                    continue;
                }

                string pointer = "/paths/" + Escape(path.Key) + "/" + entry.Key;
                if (Deref(body["requestBody"])?["content"] is JsonObject requestContent)
                {
                    foreach (KeyValuePair<string, JsonNode?> media in requestContent)
                    {
                        bool chosen = operation?.Body is { Type: not null } request && request.MediaType == media.Key;
                        WalkMedia(media.Value, chosen ? operation!.Body!.Type : null, pointer + "/requestBody/content/" + Escape(media.Key));
                    }
                }

                if (body["responses"] is JsonObject responses)
                {
                    string? success = responses.Select(r => r.Key).Where(k => k.StartsWith("2", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal).Concat(responses.Select(r => r.Key).Where(k => k == "default")).FirstOrDefault();
                    foreach (KeyValuePair<string, JsonNode?> response in responses)
                    {
                        if (Deref(response.Value)?["content"] is not JsonObject content)
                        {
                            continue;
                        }

                        string? firstJson = content.Select(c => c.Key).FirstOrDefault(IsJson);
                        foreach (KeyValuePair<string, JsonNode?> media in content)
                        {
                            bool chosen = operation?.Response.Type is not null && response.Key == success && media.Key == firstJson;
                            WalkMedia(media.Value, chosen ? operation!.Response.Type : null, pointer + "/responses/" + response.Key + "/content/" + Escape(media.Key));
                        }
                    }
                }
            }
        }
    }

    private void WalkMedia(JsonNode? media, TypeRef? type, string pointer)
    {
        if (media is not JsonObject node)
        {
            return;
        }

        if (node.ContainsKey("example"))
        {
            Add(pointer + "/example", node["example"], type);
        }

        if (node["examples"] is JsonObject examples)
        {
            foreach (KeyValuePair<string, JsonNode?> example in examples)
            {
                if (Deref(example.Value) is JsonObject named && named.ContainsKey("value"))
                {
                    Add(pointer + "/examples/" + Escape(example.Key) + "/value", named["value"], type);
                }
            }
        }

        WalkSchema(node["schema"], type, pointer + "/schema");
    }

    private void WalkSchema(JsonNode? schema, TypeRef? type, string pointer)
    {
        if (schema is not JsonObject node || node.ContainsKey("$ref"))
        {
            // A component's own examples are visited once, at the component.
            return;
        }

        if (node.ContainsKey("example"))
        {
            Add(pointer + "/example", node["example"], type);
        }

        if (node["examples"] is JsonArray list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                Add(pointer + "/examples/" + i, list[i], type);
            }
        }

        TypeDeclaration? declaration = type is { Kind: TypeKind.Declared } && _declarations.TryGetValue(type.Name, out TypeDeclaration? found) ? found : null;
        if (node["properties"] is JsonObject properties)
        {
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                TypeRef? propertyType = (declaration as ObjectTypeSpec)?.Properties.FirstOrDefault(p => p.JsonName == property.Key)?.Type;
                WalkSchema(property.Value, propertyType, pointer + "/properties/" + Escape(property.Key));
            }
        }

        if (node["items"] is JsonNode items)
        {
            WalkSchema(items, type is { Kind: TypeKind.Array } ? type.Element : null, pointer + "/items");
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            TypeRef? valueType = type is { Kind: TypeKind.Map } ? type.Element : (declaration as ObjectTypeSpec)?.AdditionalProperties;
            WalkSchema(additional, valueType, pointer + "/additionalProperties");
        }

        if (node["allOf"] is JsonArray parts)
        {
            for (int i = 0; i < parts.Count; i++)
            {
                WalkSchema(parts[i], declaration is ObjectTypeSpec ? type : null, pointer + "/allOf/" + i);
            }
        }

        foreach (string keyword in new[] { "anyOf", "oneOf" })
        {
            if (node[keyword] is not JsonArray branches)
            {
                continue;
            }

            var nonNull = branches.Select((b, i) => (Branch: b, Index: i)).Where(b => !IsNullSchema(b.Branch)).ToList();
            for (int i = 0; i < nonNull.Count; i++)
            {
                TypeRef? branchType = nonNull.Count == 1 ? type
                    : declaration is UnionTypeSpec union && union.Variants.Count == nonNull.Count ? union.Variants[i].Type
                    : null;
                WalkSchema(nonNull[i].Branch, branchType, pointer + "/" + keyword + "/" + nonNull[i].Index);
            }
        }
    }

    private void Add(string pointer, JsonNode? value, TypeRef? type)
    {
        if (type is null)
        {
            Unreached.Add(pointer);
            return;
        }

        Examples.Add(new DocumentExample(pointer, value, type));
    }

    /// <summary>The type a component schema became: its declaration, or what a plain alias (array, primitive, map) stands for.</summary>
    private TypeRef? ComponentType(string id)
    {
        string name = Identifiers.ToPascalCase(id);
        if (_declarations.TryGetValue(name, out TypeDeclaration? declaration))
        {
            return TypeRef.Declared(name, declaration is EnumTypeSpec);
        }

        return _document["components"]?["schemas"]?[id] is JsonObject schema ? AliasType(schema, depth: 0) : null;
    }

    private TypeRef? AliasType(JsonObject schema, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            return ComponentType(Unescape(target.Substring("#/components/schemas/".Length)));
        }

        string? type = schema["type"] is JsonValue typeValue ? typeValue.GetValue<string>() : null;
        return type switch
        {
            "array" when schema["items"] is JsonObject items && AliasType(items, depth + 1) is { } element => TypeRef.ArrayOf(element),
            "string" when schema["format"]?.GetValue<string>() is "date-time" => TypeRef.Primitive("global::System.DateTimeOffset", "DateTimeOffset", isValueType: true),
            "string" when schema["enum"] is null && schema["format"] is null => TypeRef.String,
            "boolean" => TypeRef.Primitive("bool", "Boolean", isValueType: true),
            _ => null,
        };
    }

    private JsonNode? Deref(JsonNode? node, int depth = 0)
    {
        if (depth < 8 && node is JsonObject obj && obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? current = _document;
            foreach (string segment in target.Substring(2).Split('/'))
            {
                current = current?[Unescape(segment)];
            }

            return Deref(current, depth + 1);
        }

        return node;
    }

    private static bool IsNullSchema(JsonNode? schema) => schema is JsonObject obj && obj["type"] is JsonValue type && type.TryGetValue(out string? name) && name == "null";

    /// <summary>The same test the generator applies to pick a body's media type.</summary>
    private static bool IsJson(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || type == "*/*";
    }

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
