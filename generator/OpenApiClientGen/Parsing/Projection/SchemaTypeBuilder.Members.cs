using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Which members an object schema has: its own, those of its <c>allOf</c> parts, and the members of every branch of a
/// <c>oneOf</c>/<c>anyOf</c> among those parts. TGI's <c>Message</c> is <c>allOf: [MessageBody, {role, name}]</c> with
/// <c>MessageBody</c> a oneOf of <c>{content}</c> and <c>{tool_calls}</c>: the model holds all four, and a member only
/// a branch declares is optional, since a value may take any branch.
/// </summary>
internal sealed partial class SchemaTypeBuilder
{
    /// <summary>What <see cref="CollectProperties"/> found.</summary>
    private sealed class MemberCollection
    {
        public Dictionary<string, IOpenApiSchema> Properties { get; } = new(StringComparer.Ordinal);

        /// <summary>The members in the order the spec declares them.</summary>
        public List<string> Order { get; } = new();

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        /// <summary>Members two branches of one union declare with different types, each with that union's pointer.</summary>
        public Dictionary<string, string?> Conflicts { get; } = new(StringComparer.Ordinal);

        /// <summary>Whether a member comes from an object part, not only from union branches.</summary>
        public bool HasObjectMembers { get; set; }

        /// <summary>Set when a union part has a branch that is not an object: no model can hold such a value.</summary>
        public bool HasNonObjectBranch { get; set; }

        public string? NonObjectBranchPointer { get; set; }

        public void Add(string name, IOpenApiSchema schema)
        {
            if (!Properties.ContainsKey(name))
            {
                Order.Add(name);
            }

            Properties[name] = schema;
        }
    }

    /// <summary>
    /// Gathers own properties and those of allOf parts; a later part's declaration of a property wins. With
    /// <paramref name="composeUnions"/>, a part that is a oneOf/anyOf adds its branches' members as optional ones.
    /// </summary>
    /// <param name="pointer">Where <paramref name="schema"/> sits in the spec, when known, for diagnostics.</param>
    private static void CollectProperties(IOpenApiSchema schema, MemberCollection found, HashSet<IOpenApiSchema> visited, string? pointer, bool composeUnions)
    {
        IOpenApiSchema? target = schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema;
        if (target is null || !visited.Add(target))
        {
            return;
        }

        IList<IOpenApiSchema> parts = target.AllOf ?? new List<IOpenApiSchema>();
        for (int i = 0; i < parts.Count; i++)
        {
            IOpenApiSchema part = parts[i];
            string? partPointer = PointerOf(part, pointer is null ? null : pointer + "/allOf/" + i);
            if (composeUnions && IsUnionPart(ResolveTarget(part)))
            {
                ComposeUnion(ResolveTarget(part), found, visited, partPointer);
            }
            else
            {
                CollectProperties(part, found, visited, partPointer, composeUnions);
            }
        }

        foreach (KeyValuePair<string, IOpenApiSchema> property in (target.Properties ?? new Dictionary<string, IOpenApiSchema>()).Where(p => p.Value is not null))
        {
            found.Add(property.Key, property.Value);
            found.HasObjectMembers = true;
        }

        foreach (string name in target.Required ?? new HashSet<string>())
        {
            found.Required.Add(name);
        }
    }

    /// <summary>Adds every branch's members to <paramref name="found"/>; a member two branches type differently is a conflict.</summary>
    private static void ComposeUnion(IOpenApiSchema union, MemberCollection found, HashSet<IOpenApiSchema> visited, string? pointer)
    {
        string keyword = union.AnyOf is { Count: > 0 } ? "anyOf" : "oneOf";
        string? unionPointer = pointer is null ? null : pointer + "/" + keyword;
        IList<IOpenApiSchema> branches = SchemaBranches.Of(union) ?? new List<IOpenApiSchema>();
        var declared = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        for (int i = 0; i < branches.Count; i++)
        {
            if (branches[i] is null || branches[i].Type == JsonSchemaType.Null)
            {
                continue;
            }

            IOpenApiSchema branch = SeeThroughDescribedReference(branches[i]);
            string? branchPointer = PointerOf(branch, unionPointer is null ? null : unionPointer + "/" + i);
            IOpenApiSchema target = ResolveTarget(branch);
            var own = new MemberCollection();
            if (IsUnionPart(target))
            {
                ComposeUnion(target, own, new HashSet<IOpenApiSchema>(visited), branchPointer);
            }
            else if (IsObjectValue(target))
            {
                CollectProperties(branch, own, new HashSet<IOpenApiSchema>(visited), branchPointer, composeUnions: true);
            }
            else if (!found.HasNonObjectBranch)
            {
                found.HasNonObjectBranch = true;
                found.NonObjectBranchPointer = branchPointer ?? unionPointer;
            }

            if (own.HasNonObjectBranch && !found.HasNonObjectBranch)
            {
                found.HasNonObjectBranch = true;
                found.NonObjectBranchPointer = own.NonObjectBranchPointer;
            }

            foreach (KeyValuePair<string, string?> conflict in own.Conflicts)
            {
                found.Conflicts[conflict.Key] = conflict.Value;
            }

            foreach (string name in own.Order)
            {
                IOpenApiSchema member = own.Properties[name];
                if (declared.TryGetValue(name, out IOpenApiSchema? first) && !SameDeclaration(first, member))
                {
                    found.Conflicts[name] = unionPointer;
                }

                declared[name] = member;
                found.Add(name, member);
            }
        }
    }

    /// <summary>A oneOf/anyOf with no members of its own: what an allOf part that is a union looks like.</summary>
    private static bool IsUnionPart(IOpenApiSchema schema) =>
        schema.Properties is not { Count: > 0 } && schema.AllOf is not { Count: > 0 } && UnionBranches(schema).Count > 0;

    /// <summary>Whether a value of this schema can be a JSON object: no type, or type object, and no array, enum or const.</summary>
    private static bool IsObjectValue(IOpenApiSchema schema)
    {
        JsonSchemaType type = (schema.Type ?? JsonSchemaType.Object) & ~JsonSchemaType.Null;
        return (type & JsonSchemaType.Object) != 0 && schema.Items is null && schema.Enum is not { Count: > 0 } && schema.Const is null;
    }

    /// <summary>Two declarations of one member type it the same way: one schema, one component, or one primitive type and format.</summary>
    private static bool SameDeclaration(IOpenApiSchema first, IOpenApiSchema second)
    {
        if (ReferenceEquals(first, second))
        {
            return true;
        }

        if (first is OpenApiSchemaReference || second is OpenApiSchemaReference)
        {
            return first is OpenApiSchemaReference left && second is OpenApiSchemaReference right && left.Reference.Id == right.Reference.Id;
        }

        return IsPlainPrimitive(first) && IsPlainPrimitive(second)
            && (first.Type & ~JsonSchemaType.Null) == (second.Type & ~JsonSchemaType.Null) && first.Format == second.Format;
    }

    private static bool IsPlainPrimitive(IOpenApiSchema schema)
    {
        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return type is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or JsonSchemaType.Boolean
            && schema.Enum is not { Count: > 0 } && schema.Const is null && schema.AllOf is not { Count: > 0 }
            && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 };
    }

    /// <summary>A component's own pointer for a <c>$ref</c> to it; otherwise <paramref name="inPlace"/>, the pointer of where the schema is written.</summary>
    private static string? PointerOf(IOpenApiSchema schema, string? inPlace) =>
        schema is OpenApiSchemaReference { Reference.Id: { Length: > 0 } id } ? "/components/schemas/" + SpecTextLocator.Escape(id) : inPlace;

    /// <summary>
    /// Whether an allOf makes a model: a part declares members, and no union part has a branch that is not an object.
    /// Orq writes <c>allOf: [$ref: &lt;a oneOf union&gt;, oneOf: [...]]</c> to restate a union; no part has members of
    /// its own, and a class of only the branches' members would stand for a union, so such an allOf stays JsonElement.
    /// </summary>
    private static bool AllOfMakesModel(IOpenApiSchema schema)
    {
        var found = new MemberCollection();
        CollectProperties(schema, found, new HashSet<IOpenApiSchema>(SchemaReferenceComparer.Instance), null, composeUnions: true);
        return found.HasObjectMembers && !found.HasNonObjectBranch;
    }

    /// <summary>
    /// An allOf that mixes members with a union that has a branch that is not an object cannot be a model; it is
    /// typed as JsonElement, and said so once (OACG0007) at that branch when its place is known.
    /// </summary>
    private void ReportNonObjectBranch(IOpenApiSchema schema, string? pointer)
    {
        if (schema.AllOf is not { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || !_reportedSchemas.Add(schema))
        {
            return;
        }

        var found = new MemberCollection();
        CollectProperties(schema, found, new HashSet<IOpenApiSchema>(SchemaReferenceComparer.Instance), pointer, composeUnions: true);
        if (found.HasObjectMembers && found.HasNonObjectBranch)
        {
            Report(found.NonObjectBranchPointer ?? pointer, "An allOf that joins members with a oneOf/anyOf branch that is not an object");
        }
    }

    private readonly HashSet<IOpenApiSchema> _reportedSchemas = new(SchemaReferenceComparer.Instance);
    private readonly HashSet<string> _reportedConstructs = new(StringComparer.Ordinal);

    /// <summary>Constructs typed as JsonElement (OACG0007): where, when known, and what.</summary>
    public List<(string? Pointer, string Construct)> UnsupportedConstructs { get; } = new();

    private void Report(string? pointer, string construct)
    {
        if (_reportedConstructs.Add(pointer + "|" + construct))
        {
            UnsupportedConstructs.Add((pointer, construct));
        }
    }
}
