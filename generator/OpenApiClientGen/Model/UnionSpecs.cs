namespace OpenApiClientGen.Model;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of two or more types. With <see cref="Discriminator"/>, each variant's tags name it;
/// without, the JSON's shape picks the variant when reading.
/// </summary>
internal sealed record UnionTypeSpec(string Name, string? Description, string? Discriminator, EquatableArray<UnionVariantSpec> Variants)
    : TypeDeclaration(Name, Description);

/// <summary>One variant: its accessor name (<c>As{Name}</c>), its type, the JSON it is read from, and its tags.</summary>
internal sealed record UnionVariantSpec(string Name, TypeRef Type, ValueShape Shape, EquatableArray<string> Tags);

/// <summary>The JSON token kinds a value of some type is read from; mirrors the runtime's <c>JsonShape</c>.</summary>
internal enum ValueShape
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    Any,
}
