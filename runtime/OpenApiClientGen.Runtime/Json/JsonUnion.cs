namespace OpenApiClientGen.Runtime;

/// <summary>
/// The base of every generated union (<c>oneOf</c>/<c>anyOf</c>): it holds exactly one variant's value. Generated unions
/// add an implicit conversion from each variant type and an <c>As...</c> accessor for each.
/// </summary>
public abstract class JsonUnion
{
    /// <summary>Wraps the value of one variant, or an <see cref="UnknownVariant"/>.</summary>
    protected JsonUnion(object value) => Value = value;

    /// <summary>The variant's value.</summary>
    public object Value { get; }

    /// <summary>A variant this version does not know (its tag is new), kept as raw JSON so it is never lost; otherwise null.</summary>
    public UnknownVariant? Unknown => Value as UnknownVariant;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString() ?? "";
}

/// <summary>A union member whose discriminator names no known variant: the JSON as received, written back unchanged.</summary>
public sealed class UnknownVariant
{
    /// <summary>Keeps <paramref name="json"/> and the tag it carried.</summary>
    public UnknownVariant(JsonElement json, string? tag)
    {
        Json = json;
        Tag = tag;
    }

    /// <summary>The member exactly as it was read.</summary>
    public JsonElement Json { get; }

    /// <summary>The discriminator value, if there was one.</summary>
    public string? Tag { get; }

    /// <inheritdoc/>
    public override string ToString() => Json.GetRawText();
}
