namespace OpenApiClientGen.Model;

internal enum BodyKind
{
    /// <summary>A media type the generator does not know: the caller passes <c>HttpContent</c>.</summary>
    Other,
    Json,
    Multipart,
    FormUrlEncoded,
    Binary,
    Text,
}

internal sealed record RequestBodySpec
{
    public required string MediaType { get; init; }

    public required BodyKind Kind { get; init; }

    /// <summary>The JSON body's type; null for the other kinds.</summary>
    public required TypeRef? Type { get; init; }

    public required bool IsRequired { get; init; }

    public required string? Description { get; init; }

    /// <summary>
    /// The method parameter that takes a JSON, binary or text body (<c>seededConversation</c>, or <c>body</c>), or the
    /// <c>HttpContent</c> of a media type the generator does not know (<c>content</c>).
    /// </summary>
    public string Name { get; init; } = "body";

    /// <summary>For multipart and form bodies: the schema's properties, which become the method's parameters.</summary>
    public EquatableArray<BodyFieldSpec> Fields { get; init; }

    /// <summary>The form fields the method takes as parameters: those the schema fixes, and a stream flag the method sets itself, are not.</summary>
    public IEnumerable<BodyFieldSpec> ParameterFields(bool methodSetsStream) =>
        Fields.Where(f => f.FixedBoolean is null && !(methodSetsStream && f.IsStreamFlag));

    /// <summary>The C# names of the method parameters this body takes.</summary>
    public IEnumerable<string> ParameterNames(bool methodSetsStream) =>
        Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded ? ParameterFields(methodSetsStream).Select(f => f.Name) : new[] { Name };
}

internal sealed record BodyFieldSpec
{
    public required string WireName { get; init; }

    public required string Name { get; init; }

    public required TypeRef Type { get; init; }

    /// <summary>A binary property, sent as a file part from a stream and a file name.</summary>
    public required bool IsFile { get; init; }

    public required bool IsRequired { get; init; }

    public required string? Description { get; init; }

    /// <summary>A boolean the schema fixes (<c>const</c>, or an <c>enum</c> of one boolean): always sent with this value, never a parameter.</summary>
    public required bool? FixedBoolean { get; init; }

    /// <summary>A field named <c>stream</c>, boolean and not fixed: a method with a stream twin sets it itself (OpenAI's transcriptions).</summary>
    public bool IsStreamFlag => WireName == "stream" && FixedBoolean is null && Type.Kind == TypeKind.Primitive && Type.Name == "bool";
}

internal enum SecurityKind
{
    Bearer,
    Basic,
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
}

internal sealed record SecuritySchemeSpec
{
    /// <summary>The key in <c>securitySchemes</c>.</summary>
    public required string SchemeName { get; init; }

    /// <summary>The C# name of the scheme in the generated <c>{Client}Security</c> class.</summary>
    public required string PropertyName { get; init; }

    public required SecurityKind Kind { get; init; }

    /// <summary>The header, query parameter or cookie an API key goes in.</summary>
    public required string ParameterName { get; init; }
}
