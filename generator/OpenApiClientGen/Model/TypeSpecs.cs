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

/// <summary>A type the generator writes out. Records compare by value, so derived declarations stay equatable.</summary>
internal abstract record TypeDeclaration(string Name, string? Description);

/// <param name="AdditionalProperties">
/// The type of members the schema does not name, kept in a dictionary on the model (<c>additionalProperties</c>
/// true or a schema); null when such members are skipped.
/// </param>
internal sealed record ObjectTypeSpec(string Name, string? Description, EquatableArray<PropertySpec> Properties, TypeRef? AdditionalProperties = null, string AdditionalPropertiesName = "AdditionalProperties")
    : TypeDeclaration(Name, Description);

internal sealed record EnumTypeSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members)
    : TypeDeclaration(Name, Description);

internal sealed record EnumMemberSpec(string Name, string Value);

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

/// <param name="ConstValue">A <c>const</c> string tag: the property starts with this value, so it is always sent.</param>
/// <param name="FixedBoolean">A boolean the schema fixes (<c>const</c>, <c>enum: [true]</c> or <c>[false]</c>): it starts with this value and is never a parameter.</param>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeRef Type,
    Presence Presence,
    bool IsNullable,
    bool IsRequired,
    string? Description,
    string? DefaultValue,
    bool IsDeprecated,
    string? ConstValue = null,
    bool? FixedBoolean = null,
    MemberAccess Access = MemberAccess.ReadWrite)
{
    /// <summary>
    /// Whether the C# member can hold null: when it is optional, when the schema allows null, and when only requests
    /// carry it (a model read from a response has no value for it).
    /// </summary>
    public bool HoldsNull => Presence != Presence.Always || IsNullable || Access == MemberAccess.WriteOnly;
}
