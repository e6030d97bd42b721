using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>Turns OpenAPI schemas into <see cref="TypeRef"/>s and the model and enum declarations they need.</summary>
internal sealed partial class SchemaTypeBuilder
{
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IOpenApiSchema> _pendingComponents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(StringComparer.Ordinal);
    private readonly List<TypeDeclaration> _declarations = new();

    // The same inline schema object reached twice (a cycle the reader resolved into objects, or a shared
    // instance) maps to one declaration; without this a cyclic graph would recurse until the stack overflows.
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inlineTypes = new(SchemaReferenceComparer.Instance);

    // With ShareIdenticalTypes: each declaration without its name, to the type that first declared it.
    private readonly bool _shareIdenticalTypes;
    private readonly Dictionary<TypeDeclaration, TypeRef> _inlineShapes = new();
    private int _depth;
    private readonly UniqueNameScope _typeNames;

    private readonly TargetFeatures _features;
    // Members every generated class or record struct already has; a spec name such as PagerDuty's enum value
    // "equals" must not redeclare or hide them.
    private static readonly string[] InheritedMemberNames = { "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "MemberwiseClone", "ReferenceEquals" };

    private readonly Dictionary<string, string> _componentPointers = new(StringComparer.Ordinal);


    public SchemaTypeBuilder(IEnumerable<string> reservedTypeNames, TargetFeatures features, bool shareIdenticalTypes = false)
    {
        _typeNames = new UniqueNameScope(reservedTypeNames, ignoreCase: true);
        _features = features;
        _shareIdenticalTypes = shareIdenticalTypes;
    }

    /// <summary>Every declaration, with discriminator tags filled in as the starting values of their members.</summary>
    public IReadOnlyList<TypeDeclaration> Declarations => _declarations.Select(WithTagDefault).ToList();

    /// <summary>The declaration named <paramref name="name"/> as <see cref="Declarations"/> lists it, without listing them all.</summary>
    public TypeDeclaration? Declaration(string name) =>
        _declarations.FirstOrDefault(d => d.Name == name) is { } declaration ? WithTagDefault(declaration) : null;

    /// <summary>The model declared as <paramref name="name"/>, or null when that name is not a model.</summary>
    public ObjectTypeSpec? DeclaredObject(string name) => _declarations.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == name);

    /// <summary>Reserves a type name for a type declared outside the schemas, such as a stream's item interface.</summary>
    public string ReserveTypeName(string preferred) => _typeNames.Reserve(preferred);

    public List<NameClash> NameClashes { get; } = new();

    /// <summary>Reserves a C# name for every named object or enum schema first, so references between them (even cyclic) resolve.</summary>
    public void DeclareComponents(IDictionary<string, IOpenApiSchema>? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        // A component that is not a schema object (a number, null) reaches here as null.
        var ordered = schemas.Where(pair => pair.Value is not null).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        var clashes = new NameClashLog(NameClashes, ignoreCase: true);
        foreach (KeyValuePair<string, IOpenApiSchema> pair in ordered)
        {
            IOpenApiSchema core = Unwrap(pair.Value).Core;
            if (core is OpenApiSchemaReference || !(IsObjectLike(core) || IsStringEnum(core)))
            {
                ReportNonObjectBranch(core, "/components/schemas/" + SpecTextLocator.Escape(pair.Key));
                continue;
            }

            string preferred = Identifiers.ToPascalCase(pair.Key);
            string name = _typeNames.Reserve(preferred);
            _componentPointers[name] = "/components/schemas/" + SpecTextLocator.Escape(pair.Key);
            clashes.Record(pair.Key, preferred, name, _componentPointers[name]);
            _componentTypes[pair.Key] = TypeRef.Declared(name, isValueType: IsStringEnum(core));
            _pendingComponents[pair.Key] = core;
        }

        foreach (KeyValuePair<string, IOpenApiSchema> pair in ordered)
        {
            if (_pendingComponents.TryGetValue(pair.Key, out IOpenApiSchema? core))
            {
                int index = _declarations.Count;
                Declare(_componentTypes[pair.Key].Name, core);

                // An inline copy of a component then reuses the component's type.
                TypeDeclaration shape = _declarations[index] with { Name = "" };
                if (_shareIdenticalTypes && !_inlineShapes.ContainsKey(shape))
                {
                    _inlineShapes[shape] = _componentTypes[pair.Key];
                }
            }
        }
    }

    /// <summary>
    /// Declares the union components no operation or type refers to, as <see cref="DeclareComponents"/> declares the
    /// unreferenced object components: a document's union of the events a stream or a socket sends (OpenAI's
    /// <c>RealtimeServerEvent</c>, Anthropic's <c>MessageStreamEvent</c>) is often named by nothing else. Called after
    /// every operation is built, so that no other type's name changes. Only a union of components that already have a
    /// type is declared: it adds one type over them. A union that spells its variants in place would add a model for
    /// each (137 of them in OpenAI's document, 9% of its output) for types nothing sends or returns.
    /// </summary>
    public void DeclareUnreferencedUnions(IDictionary<string, IOpenApiSchema>? schemas)
    {
        foreach (KeyValuePair<string, IOpenApiSchema> pair in (schemas ?? new Dictionary<string, IOpenApiSchema>()).Where(pair => pair.Value is not null).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            IOpenApiSchema core = Unwrap(pair.Value).Core;
            if (_componentTypes.ContainsKey(pair.Key) || _aliases.ContainsKey(pair.Key) || core is OpenApiSchemaReference || !IsUnion(core) || _inlineTypes.ContainsKey(core)
                || !UnionBranches(core).All(branch => branch is OpenApiSchemaReference { Reference.Id: { } id } && (_componentTypes.ContainsKey(id) || _aliases.ContainsKey(id))))
            {
                continue;
            }

            _resolvingAliases.Add(pair.Key);
            _aliases[pair.Key] = Resolve(pair.Value, pair.Key);
            _resolvingAliases.Remove(pair.Key);
        }
    }

    /// <summary>Deeper nesting than this is typed as JsonElement; it keeps the generator's own stack bounded.</summary>
    public const int MaxDepth = 64;

    public TypeRef Resolve(IOpenApiSchema? schema, string contextName)
    {
        if (schema is null || _depth >= MaxDepth)
        {
            return TypeRef.Any;
        }

        _depth++;
        try
        {
            return ResolveCore(schema, contextName);
        }
        finally
        {
            _depth--;
        }
    }

    private TypeRef ResolveCore(IOpenApiSchema schema, string contextName)
    {
        IOpenApiSchema core = SeeThroughDescribedReference(Unwrap(schema).Core);
        if (core is OpenApiSchemaReference reference)
        {
            return ResolveReference(reference);
        }

        if (IsStringEnum(core) || IsObjectLike(core))
        {
            if (_inlineTypes.TryGetValue(core, out TypeRef? existing))
            {
                return existing;
            }

            string name = _typeNames.Reserve(Identifiers.ToPascalCase(contextName));
            TypeRef declared = TypeRef.Declared(name, isValueType: IsStringEnum(core));
            _inlineTypes[core] = declared;
            int index = _declarations.Count;
            Declare(name, core);
            return ReuseSameShape(core, index, declared);
        }

        if (IsUnion(core))
        {
            if (_inlineTypes.TryGetValue(core, out TypeRef? existing))
            {
                return existing;
            }

            string name = _typeNames.Reserve(Identifiers.ToPascalCase(contextName));
            TypeRef declared = TypeRef.Declared(name);
            _inlineTypes[core] = declared;
            int index = _declarations.Count;
            DeclareUnion(name, core);
            return ReuseSameShape(core, index, declared);
        }

        if (core.Properties is not { Count: > 0 } && UnionBranches(core) is { Count: 1 } single)
        {
            return Resolve(single[0], contextName);
        }

        ReportNonObjectBranch(core, null);

        JsonSchemaType type = (core.Type ?? 0) & ~JsonSchemaType.Null;
        if ((type & JsonSchemaType.Array) != 0 || core.Items is not null)
        {
            return TypeRef.ArrayOf(Resolve(core.Items, ItemContext(contextName)));
        }

        if ((type & JsonSchemaType.Object) != 0 || core.AdditionalProperties is not null)
        {
            return TypeRef.MapOf(core.AdditionalProperties is null ? TypeRef.Any : Resolve(core.AdditionalProperties, contextName + "Value"));
        }

        return PrimitiveFor(type, core.Format, _features);
    }

    /// <summary>True when the schema admits JSON null, in any of the three ways specs say so.</summary>
    public static bool IsNullable(IOpenApiSchema schema)
    {
        if (((schema.Type ?? 0) & JsonSchemaType.Null) != 0)
        {
            return true;
        }

        if (Unwrap(schema).Nullable || HasNullBranch(schema))
        {
            return true;
        }

        return schema is OpenApiSchemaReference { Target: { } target } && target != schema && ((target.Type ?? 0) & JsonSchemaType.Null) != 0;
    }

    private TypeRef ResolveReference(OpenApiSchemaReference reference)
    {
        string id = reference.Reference.Id ?? "";
        if (_componentTypes.TryGetValue(id, out TypeRef? known))
        {
            return known;
        }

        if (_aliases.TryGetValue(id, out TypeRef? alias))
        {
            return alias;
        }

        IOpenApiSchema? target = reference.Target;
        if (target is not null && _inlineTypes.TryGetValue(Unwrap(target).Core, out TypeRef? inProgress))
        {
            return inProgress;
        }

        if (target is null || !_resolvingAliases.Add(id))
        {
            return TypeRef.Any;
        }

        TypeRef resolved = Resolve(target, id);
        _resolvingAliases.Remove(id);
        _aliases[id] = resolved;
        return resolved;
    }

    /// <summary>
    /// With ShareIdenticalTypes, an inline schema that declares exactly what an earlier schema declared (the same
    /// members, types and documentation; only the name differs), as documents that repeat a shape in place do, reuses
    /// that type instead of adding a copy; the declaration just made at <paramref name="index"/> is taken back.
    /// </summary>
    private TypeRef ReuseSameShape(IOpenApiSchema core, int index, TypeRef declared)
    {
        if (!_shareIdenticalTypes)
        {
            return declared;
        }

        TypeDeclaration shape = _declarations[index] with { Name = "" };
        if (!_inlineShapes.TryGetValue(shape, out TypeRef? same))
        {
            _inlineShapes[shape] = declared;
            return declared;
        }

        // A type declared meanwhile that refers to this one (through a $ref into it) keeps it; the first stays the one shared.
        if (_declarations.Skip(index + 1).Any(later => RefersTo(later, declared.Name)))
        {
            return declared;
        }

        _declarations.RemoveAt(index);
        _typeNames.Release(declared.Name);
        _inlineTypes[core] = same;
        return same;
    }

    private static bool RefersTo(TypeDeclaration declaration, string name) => declaration switch
    {
        ObjectTypeSpec model => model.Properties.Any(p => Mentions(p.Type, name)) || (model.AdditionalProperties is { } extra && Mentions(extra, name)),
        UnionTypeSpec union => union.Variants.Any(v => Mentions(v.Type, name)),
        _ => false,
    };

    private static bool Mentions(TypeRef type, string name) =>
        type.Name == name || (type.Element is { } element && Mentions(element, name));

    private void Declare(string name, IOpenApiSchema schema)
    {
        if (IsStringEnum(schema))
        {
            _declarations.Add(new EnumTypeSpec { Name = name, Description = Describe(schema), Members = EnumMembers(name, schema) });
            return;
        }

        var declaration = new ObjectTypeSpec { Name = name, Description = Describe(schema), Properties = EquatableArray<PropertySpec>.Empty };
        int index = _declarations.Count;
        _declarations.Add(declaration);
        EquatableArray<PropertySpec> properties = BuildProperties(name, schema);
        TypeRef? additional = AdditionalPropertiesOf(name, schema);
        string additionalName = additional is null ? "AdditionalProperties" : new UniqueNameScope(properties.Select(p => p.Name).Concat(new[] { name })).Reserve("AdditionalProperties");
        _declarations[index] = declaration with { Properties = properties, AdditionalProperties = additional, AdditionalPropertiesName = additionalName };
    }

    private EquatableArray<PropertySpec> BuildProperties(string typeName, IOpenApiSchema schema)
    {
        _componentPointers.TryGetValue(typeName, out string? typePointer);
        var found = new MemberCollection();
        CollectProperties(schema, found, new HashSet<IOpenApiSchema>(SchemaReferenceComparer.Instance), typePointer, composeUnions: true);
        Dictionary<string, IOpenApiSchema> properties = found.Properties;
        List<string> order = found.Order;
        HashSet<string> required = found.Required;

        var names = new UniqueNameScope(InheritedMemberNames.Concat(new[] { typeName }));
        var clashes = new NameClashLog(NameClashes, ignoreCase: false);
        var result = new List<PropertySpec>(order.Count);
        foreach (string jsonName in order)
        {
            IOpenApiSchema propertySchema = properties[jsonName];
            string preferred = Identifiers.ToPascalCase(jsonName);
            string name = names.Reserve(preferred);
            clashes.Record(jsonName, preferred, name, typePointer is null ? null : typePointer + "/properties/" + SpecTextLocator.Escape(jsonName));
            // The server fills a readOnly member; a request need not (and should not) carry it, so C# does not demand it.
            bool isRequired = required.Contains(jsonName) && !propertySchema.ReadOnly;
            bool isNullable = IsNullable(propertySchema);
            // Branches of a union that type one member differently leave no one C# type for it; JSON keeps every value.
            bool conflicts = found.Conflicts.TryGetValue(jsonName, out string? unionPointer);
            if (conflicts)
            {
                Report(unionPointer ?? typePointer, $"The member '{jsonName}', which the branches of a oneOf/anyOf in an allOf declare differently,");
            }

            string? fixedTag = FixedTag(propertySchema, isRequired);
            string? onlyValue = OnlyValue(propertySchema);
            result.Add(new PropertySpec
            {
                JsonName = jsonName,
                Name = name,
                Type = conflicts ? TypeRef.Any : onlyValue is not null ? TypeRef.String : Resolve(propertySchema, typeName + Identifiers.ToPascalCase(jsonName)),
                IsNullable = isNullable,
                IsRequired = isRequired,
                Description = Describe(propertySchema),
                DefaultValue = DefaultText(propertySchema.Default),
                IsDeprecated = propertySchema.Deprecated,
                ConstValue = fixedTag,
                OnlyValue = conflicts ? null : onlyValue,
                FixedBoolean = FixedBoolean(propertySchema),
                Access = propertySchema.ReadOnly ? MemberAccess.ReadOnly : propertySchema.WriteOnly ? MemberAccess.WriteOnly : MemberAccess.ReadWrite,
            });
        }

        return result.ToEquatableArray();
    }

    /// <summary>
    /// Whether a member's schema is written in place rather than referring to a component. A member whose value such a
    /// schema fixes (<c>type: {enum: [message]}</c>) is a string, which starts with that value where the member is
    /// required: a type of its own would only name the one value, and OpenAI's document alone has a thousand of them.
    /// </summary>
    private static bool IsInline(IOpenApiSchema schema) => SeeThroughDescribedReference(Unwrap(schema).Core) is not OpenApiSchemaReference;

    /// <summary>
    /// The name an array's elements are given: the owning name made singular (<c>AssistantObjectTools</c> holds
    /// <c>AssistantObjectTool</c>), or with <c>Item</c> after it when the singular says nothing new or is taken.
    /// </summary>
    private string ItemContext(string contextName)
    {
        string pascal = Identifiers.ToPascalCase(contextName);
        IReadOnlyList<string> words = Identifiers.Words(pascal);
        if (words.Count > 1 && words[words.Count - 1] == "Data")
        {
            // A list's `data` (Stripe's, OpenAI's) holds what the owner is a list of: `CustomerSourcesData` holds `CustomerSource`.
            pascal = pascal.Substring(0, pascal.Length - "Data".Length);
            words = Identifiers.Words(pascal);
        }

        string last = words.Count == 0 ? "" : words[words.Count - 1];
        string singular = Identifiers.Singular(last);
        string candidate = pascal.Substring(0, pascal.Length - last.Length) + singular;
        return singular != last && !_typeNames.IsTaken(candidate) ? candidate : contextName + "Item";
    }

    // Microsoft.OpenApi reads `default: null` as a sentinel string value; it means JSON null.
    private static string? DefaultText(JsonNode? value) =>
        value is null ? null : JsonNullSentinel.IsJsonNullSentinel(value) ? "null" : value.ToJsonString();

    /// <summary>
    /// The value type of the members an object keeps beyond its named properties: <c>additionalProperties: true</c>
    /// keeps them as JSON, a schema types them, <c>false</c> or nothing skips them.
    /// </summary>
    private TypeRef? AdditionalPropertiesOf(string typeName, IOpenApiSchema schema)
    {
        IOpenApiSchema target = ResolveTarget(schema);
        return target.AdditionalProperties is { } additional && target.AdditionalPropertiesAllowed
            ? Resolve(additional, typeName + "AdditionalProperty")
            : null;
    }

    private static EquatableArray<EnumMemberSpec> EnumMembers(string typeName, IOpenApiSchema schema)
    {
        // A member may not share its type's name (CS0542), nor the struct's own Value, nor an inherited member.
        var names = new UniqueNameScope(InheritedMemberNames.Concat(new[] { "Value", typeName }));
        var members = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> values = schema.Enum is { Count: > 0 } ? schema.Enum.Select(v => v?.GetValue<string>() ?? "").Where(v => v.Length > 0) : new[] { schema.Const! };
        foreach (string value in values)
        {
            if (seen.Add(value))
            {
                members.Add(new EnumMemberSpec { Name = names.Reserve(Identifiers.ToPascalCase(value)), Value = value });
            }
        }

        return members.ToEquatableArray();
    }

    private static (IOpenApiSchema Core, bool Nullable) Unwrap(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? branches = SchemaBranches.Of(schema);
        if (branches is null || branches.Count < 2 || schema.Properties is { Count: > 0 })
        {
            return (schema, false);
        }

        var nonNull = branches.Where(b => b.Type != JsonSchemaType.Null).ToList();
        return nonNull.Count == 1 && nonNull.Count < branches.Count ? (nonNull[0], true) : (schema, false);
    }

    private static bool IsStringEnum(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && (((schema.Enum is { Count: > 0 } && schema.Enum.All(v => v is null || (v is JsonValue value && value.TryGetValue(out string? _)))) && schema.Enum.Any(v => v is not null))
            || (schema.Const is not null && ((schema.Type ?? JsonSchemaType.String) & ~JsonSchemaType.Null) == JsonSchemaType.String));

    private static bool IsObjectLike(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && (schema.Properties is { Count: > 0 }
            || (schema.AllOf is { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && AllOfMakesModel(schema)));

    private static TypeRef PrimitiveFor(JsonSchemaType type, string? format, TargetFeatures features)
    {
        switch (type)
        {
            case JsonSchemaType.String:
                return format switch
                {
                    "date-time" => TypeRef.Primitive("global::System.DateTimeOffset", "DateTimeOffset", isValueType: true),
                    "date" when features.DateAndTime => TypeRef.Primitive("global::System.DateOnly", "Date", isValueType: true),
                    "time" when features.DateAndTime => TypeRef.Primitive("global::System.TimeOnly", "Time", isValueType: true),
                    "uri" => TypeRef.Primitive("global::System.Uri", "Uri"),
                    "uuid" => TypeRef.Primitive("global::System.Guid", "Guid", isValueType: true),
                    "byte" => TypeRef.Primitive("byte[]", "Base64"),
                    _ => TypeRef.String,
                };
            case JsonSchemaType.Integer:
                return format == "int32"
                    ? TypeRef.Primitive("int", "Int32", isValueType: true)
                    : TypeRef.Primitive("long", "Int64", isValueType: true);
            case JsonSchemaType.Number:
                return format switch
                {
                    "float" => TypeRef.Primitive("float", "Single", isValueType: true),
                    "decimal" => TypeRef.Primitive("decimal", "Decimal", isValueType: true),
                    _ => TypeRef.Primitive("double", "Double", isValueType: true),
                };
            case JsonSchemaType.Boolean:
                return TypeRef.Primitive("bool", "Boolean", isValueType: true);
            default:
                return TypeRef.Any;
        }
    }

    private static string? Describe(IOpenApiSchema schema)
    {
        string? text = schema.Description ?? schema.Title;
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
