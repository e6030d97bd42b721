using System.Runtime.CompilerServices;
using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>How the generator reads the branches of a schema and tells schema objects apart.</summary>
internal static class SchemaBranches
{
    // The branch lists with the components only their discriminator's mapping names, by the list they extend.
    private static readonly ConditionalWeakTable<IList<IOpenApiSchema>, IList<IOpenApiSchema>> WithMapped = new();

    /// <summary>
    /// The <c>anyOf</c> branches, else the <c>oneOf</c> ones; null when it has neither. A schema with both is read by
    /// its <c>anyOf</c> everywhere (its union type and the frames of a stream), so the two never disagree.
    /// </summary>
    /// <remarks>
    /// A component the discriminator's <c>mapping</c> names but no branch lists is a branch too, after the listed ones:
    /// Cohere's <c>StreamedChatResponseV2</c> maps <c>citation-start</c> and <c>citation-end</c> without listing them,
    /// and its servers send both. Only component references count, and only ones that are not a listed branch already,
    /// directly, through an <c>allOf</c> wrapper, or as the same schema under another name.
    /// </remarks>
    public static IList<IOpenApiSchema>? Of(IOpenApiSchema schema)
    {
        IList<IOpenApiSchema>? listed = schema.AnyOf is { Count: > 0 } ? schema.AnyOf : schema.OneOf;
        if (listed is not { Count: > 0 } || schema.Discriminator?.Mapping is not { Count: > 0 } mapping)
        {
            return listed;
        }

        return WithMapped.GetValue(listed, list => AddMappedOnly(list, mapping));
    }

    private static IList<IOpenApiSchema> AddMappedOnly(IList<IOpenApiSchema> listed, IDictionary<string, OpenApiSchemaReference> mapping)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<IOpenApiSchema>(SchemaReferenceComparer.Instance);
        foreach (IOpenApiSchema? branch in listed)
        {
            if (branch is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id)
                {
                    ids.Add(id);
                }

                if (reference.Target is { } target)
                {
                    targets.Add(target);
                }
            }
            else if (branch is not null)
            {
                targets.Add(branch);
                foreach (OpenApiSchemaReference part in branch.AllOf?.OfType<OpenApiSchemaReference>() ?? Enumerable.Empty<OpenApiSchemaReference>())
                {
                    if (part.Reference.Id is { } id)
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        List<IOpenApiSchema>? extended = null;
        foreach (OpenApiSchemaReference? mapped in mapping.Values)
        {
            if (mapped?.Reference.Id is { } id && id.IndexOf('/') < 0 && mapped.Target is { } target && ids.Add(id) && targets.Add(target))
            {
                (extended ??= new List<IOpenApiSchema>(listed)).Add(mapped);
            }
        }

        return extended ?? listed;
    }
}

/// <summary>Compares schemas as objects: two schemas that read alike are still two places in the document.</summary>
internal sealed class SchemaReferenceComparer : IEqualityComparer<IOpenApiSchema>
{
    public static readonly SchemaReferenceComparer Instance = new();

    public bool Equals(IOpenApiSchema? x, IOpenApiSchema? y) => ReferenceEquals(x, y);

    public int GetHashCode(IOpenApiSchema obj) => RuntimeHelpers.GetHashCode(obj);
}
