namespace OpenApiClientGen.Model;

internal sealed partial record ApiSpec
{
    /// <summary>The security schemes the client can send, in the spec's order.</summary>
    public EquatableArray<SecuritySchemeSpec> SecuritySchemes { get; init; }
}

internal sealed partial record OperationSpec
{
    /// <summary>The spec's <c>operationId</c>, which the request carries to its span; null when the spec gives none.</summary>
    public string? OperationId { get; init; }

    /// <summary>The error statuses that declare a body, each with the body's type.</summary>
    public EquatableArray<ErrorResponseSpec> Errors { get; init; }

    /// <summary>The <see cref="SecuritySchemeSpec.PropertyName"/>s of the schemes this operation may send; empty for <c>security: []</c>.</summary>
    public EquatableArray<string> Security { get; init; }

    /// <summary>The query a path key carries (<c>/v1/models?beta=true</c>), as <c>name=value</c> pairs sent on every call.</summary>
    public EquatableArray<string> FixedQuery { get; init; }

    /// <summary>The <c>Accept</c> header the call sends, built from the media types its responses declare; null sends none.</summary>
    public string? Accept { get; init; }

    /// <summary>The value this method writes into the body's boolean <c>stream</c> member (true for a stream method); null leaves it as the caller set it.</summary>
    public bool? StreamFlag { get; init; }

    /// <summary>The method that also returns the status and headers, for example <c>GetPetWithResponseAsync</c>.</summary>
    public string WithResponseName => WithResponseNameFor(MethodName);

    public static string WithResponseNameFor(string methodName) => methodName.Substring(0, methodName.Length - "Async".Length) + "WithResponseAsync";
}

/// <param name="Status">As the spec writes it: <c>404</c>, <c>4XX</c> or <c>default</c>.</param>
internal sealed record ErrorResponseSpec(string Status, TypeRef Type);

internal enum QueryStyleKind
{
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

internal sealed partial record ParameterSpec
{
    public QueryStyleKind Style { get; init; }

    /// <summary>Form-style lists repeat the name per item unless the spec says <c>explode: false</c>.</summary>
    public bool Explode { get; init; } = true;

    /// <summary>The parameter's schema sits under <c>content: application/json</c>, so it is sent as JSON text.</summary>
    public bool IsJsonContent { get; init; }
}

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

internal sealed partial record RequestBodySpec
{
    public BodyKind Kind { get; init; }

    /// <summary>The method parameter that takes a JSON, binary or text body: <c>seededConversation</c>, or <c>body</c>.</summary>
    public string Name { get; init; } = "body";

    /// <summary>For multipart and form bodies: the schema's properties, which become the method's parameters.</summary>
    public EquatableArray<BodyFieldSpec> Fields { get; init; }
}

/// <param name="IsFile">A binary property, sent as a file part from a stream and a file name.</param>
/// <param name="FixedBoolean">A boolean the schema fixes (<c>const</c>, or an <c>enum</c> of one boolean): always sent with this value, never a parameter.</param>
internal sealed record BodyFieldSpec(string WireName, string Name, TypeRef Type, bool IsFile, bool IsRequired, string? Description, bool? FixedBoolean = null)
{
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

/// <param name="SchemeName">The key in <c>securitySchemes</c>.</param>
/// <param name="PropertyName">The C# name of the scheme in the generated <c>{Client}Security</c> class.</param>
/// <param name="ParameterName">The header, query parameter or cookie an API key goes in.</param>
internal sealed record SecuritySchemeSpec(string SchemeName, string PropertyName, SecurityKind Kind, string ParameterName);
