namespace OpenApiClientGen.Model;

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of two or more types. With <see cref="Discriminator"/>, each variant's tags name it;
/// without, the JSON's shape picks the variant when reading.
/// </summary>
internal sealed record UnionTypeSpec : TypeDeclaration
{
    public required string? Discriminator { get; init; }

    public required EquatableArray<UnionVariantSpec> Variants { get; init; }
}

/// <summary>One variant: its accessor name (<c>As{Name}</c>), its type, the JSON it is read from, and its tags.</summary>
internal sealed record UnionVariantSpec
{
    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    public required ValueShape Shape { get; init; }

    public required EquatableArray<string> Tags { get; init; }
}

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
