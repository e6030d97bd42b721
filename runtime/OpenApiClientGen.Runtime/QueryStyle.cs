namespace OpenApiClientGen.Runtime;

/// <summary>The OpenAPI <c>style</c> of a query parameter.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum QueryStyle
{
    /// <summary><c>id=3&amp;id=4</c> exploded, <c>id=3,4</c> not.</summary>
    Form,

    /// <summary><c>id=3%204</c>.</summary>
    SpaceDelimited,

    /// <summary><c>id=3%7C4</c>.</summary>
    PipeDelimited,

    /// <summary><c>filter[status]=open&amp;filter[kind]=bug</c>.</summary>
    DeepObject,
}
