namespace OpenApiClientGen.Model;

internal enum TypeKind
{
    /// <summary>A built-in type with a runtime codec: string, long, DateTimeOffset, ...</summary>
    Primitive,

    /// <summary>A type the generator declares: a model class or an enum struct.</summary>
    Declared,

    Array,

    /// <summary>A JSON object with arbitrary keys, as <c>IDictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>Anything: kept as a <c>JsonElement</c>.</summary>
    Any,
}

/// <summary>
/// A reference to a C# type. <see cref="Name"/> is the C# spelling for primitives and declared types;
/// <see cref="Codec"/> is the runtime codec's member name for primitives.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string Name, string Codec = "", TypeRef? Element = null, bool IsValueType = false)
{
    public static readonly TypeRef Any = new(TypeKind.Any, "global::System.Text.Json.JsonElement", "Element", IsValueType: true);
    public static readonly TypeRef String = Primitive("string", "String");

    public static TypeRef Primitive(string name, string codec, bool isValueType = false) => new(TypeKind.Primitive, name, codec, null, isValueType);

    public static TypeRef Declared(string name, bool isValueType = false) => new(TypeKind.Declared, name, "", null, isValueType);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeKind.Array, "", "", element);

    public static TypeRef MapOf(TypeRef value) => new(TypeKind.Map, "", "", value);
}

/// <summary>A type the generator writes out: a model class, an enum struct or a union.</summary>
internal abstract record TypeDeclaration
{
    private protected TypeDeclaration()
    {
    }

    public required string Name { get; init; }

    public required string? Description { get; init; }

    /// <summary>
    /// The JSON class's method that reads and writes a model's members or lists a union's variants
    /// (<c>{Name}Members</c>, <c>{Name}Variants</c>), named once every type has its name so that none takes it; null
    /// for enums.
    /// </summary>
    public string? TableName { get; init; }
}

internal sealed record ObjectTypeSpec : TypeDeclaration
{
    public required EquatableArray<PropertySpec> Properties { get; init; }

    /// <summary>
    /// The type of members the schema does not name, kept in a dictionary on the model (<c>additionalProperties</c>
    /// true or a schema); null when such members are skipped.
    /// </summary>
    public TypeRef? AdditionalProperties { get; init; }

    public string AdditionalPropertiesName { get; init; } = "AdditionalProperties";
}

internal sealed record EnumTypeSpec : TypeDeclaration
{
    public required EquatableArray<EnumMemberSpec> Members { get; init; }
}

internal sealed record EnumMemberSpec
{
    public required string Name { get; init; }

    /// <summary>The value as the JSON carries it.</summary>
    public required string Value { get; init; }
}

/// <summary>How a property behaves when it has no value.</summary>
internal enum Presence
{
    /// <summary>Required: always written, and null written as null when the schema allows it.</summary>
    Always,

    /// <summary>Optional and not nullable: null in C# means "leave it out".</summary>
    WhenNotNull,

    /// <summary>Optional and nullable: <c>Optional&lt;T&gt;</c> tells unset, null and a value apart.</summary>
    WhenSet,
}

/// <summary>Which way a member travels, from <c>readOnly</c> and <c>writeOnly</c>.</summary>
internal enum MemberAccess
{
    ReadWrite,

    /// <summary>The server fills it: read from responses, never sent in a request, never demanded by <c>required</c>.</summary>
    ReadOnly,

    /// <summary>Only requests carry it: <c>required</c> binds a request, and a response may leave it out.</summary>
    WriteOnly,
}

internal sealed record PropertySpec
{
    public required string JsonName { get; init; }

    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    /// <summary>The schema allows null.</summary>
    public required bool IsNullable { get; init; }

    /// <summary>The schema's <c>required</c> lists it (and it is not <c>readOnly</c>).</summary>
    public required bool IsRequired { get; init; }

    public required string? Description { get; init; }

    public required string? DefaultValue { get; init; }

    public required bool IsDeprecated { get; init; }

    /// <summary>A <c>const</c> string tag: the property starts with this value, so it is always sent.</summary>
    public string? ConstValue { get; init; }

    /// <summary>
    /// The one string the member's own schema allows (a one-value enum written in place), whether or not it starts set:
    /// the member is a plain string, and reading it keeps the one instance.
    /// </summary>
    public string? OnlyValue { get; init; }

    /// <summary>A boolean the schema fixes (<c>const</c>, <c>enum: [true]</c> or <c>[false]</c>): it starts with this value and is never a parameter.</summary>
    public bool? FixedBoolean { get; init; }

    public MemberAccess Access { get; init; } = MemberAccess.ReadWrite;

    public Presence Presence => IsRequired ? Presence.Always : IsNullable ? Presence.WhenSet : Presence.WhenNotNull;

    /// <summary>
    /// Whether the C# member can hold null: when it is optional, when the schema allows null, and when only requests
    /// carry it (a model read from a response has no value for it).
    /// </summary>
    public bool HoldsNull => Presence != Presence.Always || IsNullable || Access == MemberAccess.WriteOnly;

    /// <summary>A boolean <c>stream</c> member: whether the server streams is the method's choice, as its name says.</summary>
    public bool IsStreamFlag => JsonName == "stream" && Type.Kind == TypeKind.Primitive && Type.Name == "bool";

    /// <summary>
    /// The member's summary: its description, unless that only spells its name in words (the title FastAPI gives
    /// every field, <c>Agent Id</c> for <c>agent_id</c>), which a summary beside the name would merely repeat.
    /// </summary>
    public string? Summary => Description is { } text && !Identifiers.SameLetters(text, JsonName) && !Identifiers.SameLetters(text, Name) ? text : null;
}
