using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>How the generator reads the branches of a schema and tells schema objects apart.</summary>
internal static class SchemaBranches
{
    /// <summary>
    /// The <c>anyOf</c> branches, else the <c>oneOf</c> ones; null when it has neither. A schema with both is read by
    /// its <c>anyOf</c> everywhere (its union type and the frames of a stream), so the two never disagree.
    /// </summary>
    public static IList<IOpenApiSchema>? Of(IOpenApiSchema schema) => schema.AnyOf is { Count: > 0 } ? schema.AnyOf : schema.OneOf;
}

/// <summary>Compares schemas as objects: two schemas that read alike are still two places in the document.</summary>
internal sealed class SchemaReferenceComparer : IEqualityComparer<IOpenApiSchema>
{
    public static readonly SchemaReferenceComparer Instance = new();

    public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOpenApiSchema obj) => RuntimeHelpers.GetHashCode(obj);
}
