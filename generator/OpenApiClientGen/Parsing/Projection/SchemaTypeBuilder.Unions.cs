using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>How a <c>oneOf</c>/<c>anyOf</c> of two or more types becomes a <see cref="UnionTypeSpec"/>.</summary>
internal sealed partial class SchemaTypeBuilder
{
    /// <summary>The branches that are not <c>{type: null}</c>, each seen through an Orq-style <c>allOf[$ref, {description}]</c> wrapper.</summary>
    private static List<IOpenApiSchema> UnionBranches(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? branches = SchemaBranches.Of(schema);
        return branches is null
            ? new List<IOpenApiSchema>()
            : branches.Where(b => b.Type != JsonSchemaType.Null).Select(SeeThroughDescribedReference).ToList();
    }

    private static bool IsUnion(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference && schema.Properties is not { Count: > 0 } && UnionBranches(schema).Count >= 2;

    private static bool HasNullBranch(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? branches = SchemaBranches.Of(schema);
        return branches is not null && branches.Any(b => b.Type == JsonSchemaType.Null);
    }

    /// <summary>
    /// Orq wraps union branches as <c>allOf: [{$ref: X}, {description: ...}]</c> to attach a description; that is X.
    /// </summary>
    private static IOpenApiSchema SeeThroughDescribedReference(IOpenApiSchema branch)
    {
        if (branch is OpenApiSchemaReference || branch.AllOf is not { Count: > 0 } || branch.Properties is { Count: > 0 } || branch.OneOf is { Count: > 0 } || branch.AnyOf is { Count: > 0 })
        {
            return branch;
        }

        var references = branch.AllOf.OfType<OpenApiSchemaReference>().ToList();
        bool othersOnlyDescribe = branch.AllOf.All(part => part is OpenApiSchemaReference || (part.Properties is not { Count: > 0 } && part.Type is null && part.AllOf is not { Count: > 0 } && part.Enum is not { Count: > 0 }));
        return references.Count == 1 && othersOnlyDescribe ? references[0] : branch;
    }

    private void DeclareUnion(string name, IOpenApiSchema schema)
    {
        int index = _declarations.Count;
        _declarations.Add(new UnionTypeSpec { Name = name, Description = Describe(schema), Discriminator = null, Variants = EquatableArray<UnionVariantSpec>.Empty });

        List<IOpenApiSchema> branches = UnionBranches(schema);
        string? discriminator = schema.Discriminator?.PropertyName ?? InferDiscriminator(branches);
        var variants = new List<UnionVariantSpec>();
        var names = new UniqueNameScope(new[] { name, "Value", "Unknown" });
        for (int i = 0; i < branches.Count; i++)
        {
            IOpenApiSchema branch = branches[i];
            List<string> tags = discriminator is null ? new List<string>() : TagsFor(schema, branch, discriminator);
            string branchContext = name + (branch is OpenApiSchemaReference ? "" : BranchName(branch, tags, i, branches));
            TypeRef type = Resolve(branch, branchContext);
            int existing = variants.FindIndex(v => v.Type == type);
            if (existing >= 0)
            {
                variants[existing] = variants[existing] with { Tags = variants[existing].Tags.Concat(tags).Distinct().ToEquatableArray() };
                continue;
            }

            variants.Add(new UnionVariantSpec { Name = names.Reserve(VariantName(type)), Type = type, Shape = ShapeOf(type), Tags = tags.Distinct().ToEquatableArray() });
        }

        _declarations[index] = new UnionTypeSpec { Name = name, Description = Describe(schema), Discriminator = discriminator, Variants = variants.ToEquatableArray() };
        if (discriminator is not null)
        {
            foreach (UnionVariantSpec variant in variants.Where(v => v.Type.Kind == TypeKind.Declared && v.Tags.Count == 1))
            {
                string tag = variant.Tags[0];
                var key = (variant.Type.Name, discriminator);
                _tagDefaults[key] = _tagDefaults.TryGetValue(key, out string? other) && other != tag ? null : tag;
            }
        }
    }

    /// <summary>
    /// A model that one union selects by one tag starts with that tag in its discriminator member, so a variant built in
    /// C# is sent tagged even when the schema leaves the member optional (Mistral). Models two unions tag differently are left alone.
    /// </summary>
    private readonly Dictionary<(string TypeName, string Member), string?> _tagDefaults = new();

    private TypeDeclaration WithTagDefault(TypeDeclaration declaration)
    {
        if (declaration is not ObjectTypeSpec model || _tagDefaults.Count == 0)
        {
            return declaration;
        }

        PropertySpec[] properties = model.Properties.ToArray();
        bool changed = false;
        for (int i = 0; i < properties.Length; i++)
        {
            PropertySpec property = properties[i];
            if (property.ConstValue is null && property.Type == TypeRef.String
                && _tagDefaults.TryGetValue((model.Name, property.JsonName), out string? tag) && tag is not null)
            {
                properties[i] = property with { ConstValue = tag };
                changed = true;
            }
        }

        return changed ? model with { Properties = properties.ToEquatableArray() } : model;
    }

    /// <summary>
    /// A union with no discriminator whose object branches each fix the same member to a different constant (Mistral's
    /// entries fix <c>type</c>) is tagged by that member all the same.
    /// </summary>
    private static string? InferDiscriminator(List<IOpenApiSchema> branches)
    {
        if (branches.Any(b => !IsObjectLike(ResolveTarget(b))))
        {
            return null;
        }

        var constantsPerBranch = branches.Select(ConstantMembers).ToList();
        foreach (string candidate in constantsPerBranch[0].Keys.OrderBy(k => k == "type" ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal))
        {
            var values = constantsPerBranch.Select(c => c.TryGetValue(candidate, out string? value) ? value : null).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tags that select <paramref name="branch"/>: its <c>mapping</c> entries, else its constant, else its component name.</summary>
    private static List<string> TagsFor(IOpenApiSchema union, IOpenApiSchema branch, string discriminator)
    {
        string? id = (branch as OpenApiSchemaReference)?.Reference.Id;
        var tags = new List<string>();
        if (union.Discriminator?.Mapping is { } mapping && id is not null)
        {
            tags.AddRange(mapping.Where(pair => pair.Value?.Reference.Id == id).Select(pair => pair.Key).OrderBy(k => k, StringComparer.Ordinal));
        }

        if (tags.Count == 0 && ConstantMembers(branch).TryGetValue(discriminator, out string? constant))
        {
            tags.Add(constant);
        }

        if (tags.Count == 0 && id is not null)
        {
            tags.Add(id);
        }

        return tags;
    }

    /// <summary>
    /// What an inline branch is called after its union's name: its <c>title</c>, else its discriminator value or the one
    /// string it allows (Stripe's <c>enum: [""]</c> beside a string is <c>Empty</c>), <c>Known</c> for the listed values beside
    /// any string, and <c>Variant{N}</c> only when it says nothing.
    /// </summary>
    private static string BranchName(IOpenApiSchema branch, List<string> tags, int index, List<IOpenApiSchema> branches)
    {
        string? tag = branch.Title ?? tags.FirstOrDefault() ?? ConstantOf(branch) ?? MemberTag(branch, branches);
        if (tag is null && branches.Any(IsOpenString) && IsStringEnum(branch))
        {
            // `anyOf: [string, enum: [...]]` (OpenAI's models): any string, and these are the ones known today.
            return "Known";
        }

        return tag is null ? "Variant" + (index + 1) : tag.Length == 0 ? "Empty" : Identifiers.ToPascalCase(tag);
    }

    /// <summary>
    /// The constant an object branch fixes its <c>type</c> member to (or its only fixed member, when it has one), where
    /// no other branch fixes it to the same: OpenAI's <c>tool_choice</c> is a string or <c>{type: function, ...}</c>,
    /// and the object is the <c>Function</c> branch even though nothing tags the union.
    /// </summary>
    private static string? MemberTag(IOpenApiSchema branch, List<IOpenApiSchema> branches)
    {
        if (!IsObjectLike(ResolveTarget(branch)))
        {
            return null;
        }

        Dictionary<string, string> constants = ConstantMembers(branch);
        string? member = constants.ContainsKey("type") ? "type" : constants.Count == 1 ? constants.Keys.First() : null;
        if (member is null || constants[member].Length == 0)
        {
            return null;
        }

        string value = constants[member];
        return branches.Any(other => !ReferenceEquals(other, branch) && IsObjectLike(ResolveTarget(other))
            && ConstantMembers(other).TryGetValue(member, out string? same) && same == value) ? null : value;
    }

    private static bool IsOpenString(IOpenApiSchema branch) =>
        branch is not OpenApiSchemaReference && branch.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.String
        && branch.Enum is not { Count: > 0 } && branch.Const is null;

    /// <summary>The members of an object schema (through allOf) fixed to one string by <c>const</c> or a one-value enum.</summary>
    private static Dictionary<string, string> ConstantMembers(IOpenApiSchema schema)
    {
        var found = new MemberCollection();
        CollectProperties(schema, found, new HashSet<IOpenApiSchema>(SchemaReferenceComparer.Instance), null, composeUnions: false);
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, IOpenApiSchema> property in found.Properties)
        {
            if (ConstantOf(property.Value) is { } value)
            {
                constants[property.Key] = value;
            }
        }

        return constants;
    }

    /// <summary>The single string a schema allows, from <c>const</c> or a one-value <c>enum</c>.</summary>
    private static string? ConstantOf(IOpenApiSchema schema)
    {
        IOpenApiSchema target = ResolveTarget(schema);
        if (target.Const is { Length: > 0 } constant)
        {
            return constant;
        }

        return target.Enum is { Count: 1 } && target.Enum[0] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>The one string a member's schema allows, set or not; a <c>$ref</c> to an enum component keeps its type.</summary>
    private static string? OnlyValue(IOpenApiSchema schema) =>
        IsInline(schema) && IsStringEnum(ResolveTarget(schema)) ? ConstantOf(ResolveTarget(schema)) : null;

    /// <summary>
    /// The value a member starts with: a <c>const</c> string, or a one-value enum that is required or whose default is
    /// that value (OpenAI's message <c>role</c>). An optional bare one-value enum is left unset, since sending it is
    /// optional (PipesHub's <c>protocol</c>).
    /// </summary>
    private static string? FixedTag(IOpenApiSchema schema, bool required)
    {
        IOpenApiSchema target = ResolveTarget(schema);
        if (!IsStringEnum(target) || ConstantOf(target) is not { } value)
        {
            return null;
        }

        bool defaultsToIt = target.Default is JsonValue fallback && fallback.TryGetValue(out string? text) && text == value;
        return target.Const is not null || defaultsToIt || required ? value : null;
    }

    /// <summary>The one boolean a schema allows, from <c>const</c> or an <c>enum</c> of a single boolean; a default alone fixes nothing.</summary>
    internal static bool? FixedBoolean(IOpenApiSchema schema)
    {
        IOpenApiSchema target = ResolveTarget(schema);
        if (target.Type is { } type && (type & ~JsonSchemaType.Null) != JsonSchemaType.Boolean)
        {
            return null;
        }

        // The reader keeps a const as text, and a JSON true as "True".
        if (target.Const is { } constant && bool.TryParse(constant, out bool constantFlag))
        {
            return target.Type is null ? null : constantFlag;
        }

        if (target.Enum is not { Count: > 0 } values)
        {
            return null;
        }

        bool? fixedValue = null;
        foreach (JsonNode? value in values)
        {
            if (value is not JsonValue json || !json.TryGetValue(out bool flag) || (fixedValue is { } seen && seen != flag))
            {
                return null;
            }

            fixedValue = flag;
        }

        return fixedValue;
    }

    private static IOpenApiSchema ResolveTarget(IOpenApiSchema schema) => schema is OpenApiSchemaReference { Target: { } target } ? target : schema;

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Declared => type.Name,
        TypeKind.Primitive => type.Codec,
        TypeKind.Array => VariantName(type.Element!) + "List",
        TypeKind.Map => VariantName(type.Element!) + "Map",
        _ => "Json",
    };

    private ValueShape ShapeOf(TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.Array:
                return ValueShape.Array;
            case TypeKind.Map:
                return ValueShape.Object;
            case TypeKind.Primitive:
                return type.Codec switch
                {
                    "Int32" or "Int64" => ValueShape.Integer,
                    "Single" or "Double" or "Decimal" => ValueShape.Number,
                    "Boolean" => ValueShape.Boolean,
                    _ => ValueShape.String,
                };
            case TypeKind.Declared:
                TypeDeclaration? declaration = _declarations.FirstOrDefault(d => d.Name == type.Name);
                return declaration switch
                {
                    EnumTypeSpec => ValueShape.String,
                    ObjectTypeSpec => ValueShape.Object,
                    UnionTypeSpec => ValueShape.Any,

                    // Not declared yet: a component reserved up front, and those are enums (value types) or objects.
                    _ => type.IsValueType ? ValueShape.String : ValueShape.Object,
                };
            default:
                return ValueShape.Any;
        }
    }
}
