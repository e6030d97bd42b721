using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// The parts of an operation beyond its name and path: parameter styles, request body kinds, typed error
/// responses and security requirements.
/// </summary>
internal sealed class OperationDetailsBuilder
{
    private readonly OpenApiDocument _document;
    private readonly SchemaTypeBuilder _types;
    private readonly Dictionary<string, SecuritySchemeSpec> _schemes;

    public OperationDetailsBuilder(OpenApiDocument document, SchemaTypeBuilder types)
    {
        _document = document;
        _types = types;
        _schemes = CollectSchemes(document);
    }

    public EquatableArray<SecuritySchemeSpec> SecuritySchemes => _schemes.Values.ToEquatableArray();

    /// <summary>
    /// The schemes an operation may send. Its own <c>security</c> wins over the document's, and <c>security: []</c>
    /// means none. Schemes of every alternative are listed; the runtime sends those the caller configured.
    /// </summary>
    public EquatableArray<string> SecurityOf(OpenApiOperation operation)
    {
        IList<OpenApiSecurityRequirement>? requirements = operation.Security ?? _document.Security;
        if (requirements is null)
        {
            return EquatableArray<string>.Empty;
        }

        return requirements
            .Where(requirement => requirement is not null)
            .SelectMany(requirement => requirement.Keys)
            .Select(reference => reference?.Reference?.Id)
            .Where(id => id is not null && _schemes.ContainsKey(id))
            .Select(id => _schemes[id!].PropertyName)
            .Distinct(StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>Every non-success status with a JSON body, in the spec's order, for the runtime's error table.</summary>
    public EquatableArray<ErrorResponseSpec> ErrorsOf(OpenApiResponses? responses, string context)
    {
        if (responses is null)
        {
            return EquatableArray<ErrorResponseSpec>.Empty;
        }

        bool hasSuccess = responses.Keys.Any(k => k.StartsWith("2", StringComparison.Ordinal));
        var errors = new List<ErrorResponseSpec>();
        foreach (KeyValuePair<string, IOpenApiResponse> response in responses)
        {
            // "default" is the success type when nothing else is; otherwise it describes every other status.
            bool isError = response.Key.Length == 3 && response.Key[0] is '4' or '5' || response.Key == "default" && hasSuccess;
            IOpenApiMediaType? json = response.Value.Content?.FirstOrDefault(c => MediaTypes.IsJson(c.Key)).Value;
            if (isError && json?.Schema is not null)
            {
                errors.Add(new ErrorResponseSpec { Status = response.Key.ToUpperInvariant().Replace("DEFAULT", "default"), Type = _types.Resolve(json.Schema, ErrorContext(context, response)) });
            }
        }

        return errors.ToEquatableArray();
    }

    /// <summary>
    /// What an inline error body is named from: the response component it is shared through (GitHub's
    /// <c>#/components/responses/forbidden</c> is <c>ForbiddenError</c>, whichever operation meets it first), else the
    /// operation and the status (<c>Delete404Error</c>).
    /// </summary>
    private static string ErrorContext(string context, KeyValuePair<string, IOpenApiResponse> response)
    {
        if (response.Value is OpenApiResponseReference { Reference.Id: { Length: > 0 } id })
        {
            string name = Identifiers.ToPascalCase(id);
            return name.EndsWith("Error", StringComparison.Ordinal) ? name : name + "Error";
        }

        return context + (response.Key == "default" ? "Error" : response.Key.ToUpperInvariant() + "Error");
    }

    /// <summary>Adds the query style, explode flag and JSON-content flag of <paramref name="parameter"/>.</summary>
    public static ParameterSpec WithStyle(ParameterSpec spec, IOpenApiParameter parameter) => spec with
    {
        Style = parameter.Style switch
        {
            ParameterStyle.SpaceDelimited => QueryStyleKind.SpaceDelimited,
            ParameterStyle.PipeDelimited => QueryStyleKind.PipeDelimited,
            ParameterStyle.DeepObject => QueryStyleKind.DeepObject,
            _ => QueryStyleKind.Form,
        },
        Explode = parameter.Schema is null || parameter.Explode,
        IsJsonContent = parameter.Schema is null && parameter.Content?.Keys.Any(MediaTypes.IsJson) == true,
    };

    /// <summary>
    /// Picks the body's media type, JSON first, and for multipart and form bodies turns the schema's properties into
    /// fields named so they cannot clash with <paramref name="takenNames"/>.
    /// </summary>
    /// <param name="takenNames">The names of the operation's other parameters.</param>
    /// <param name="explicitName">The body parameter's name as the operation gives it (<c>x-codegen-request-body-name</c>).</param>
    public RequestBodySpec? BuildBody(IOpenApiRequestBody? body, string context, IEnumerable<string> takenNames, string? explicitName)
    {
        if (body?.Content is not { Count: > 0 } content)
        {
            return null;
        }

        foreach (KeyValuePair<string, IOpenApiMediaType> entry in content.OrderBy(c => Preference(c.Key)))
        {
            BodyKind kind = KindOf(entry.Key);
            switch (kind)
            {
                case BodyKind.Json:
                    return new RequestBodySpec { MediaType = entry.Key, Kind = kind, Type = _types.Resolve(entry.Value?.Schema, context + "Request"), IsRequired = body.Required, Description = body.Description, Name = Name(entry.Value?.Schema) };
                case BodyKind.Multipart or BodyKind.FormUrlEncoded when entry.Value?.Schema?.Properties is { Count: > 0 }:
                    EquatableArray<BodyFieldSpec> fields = Fields(entry.Value!.Schema, kind == BodyKind.Multipart, context, takenNames);
                    return new RequestBodySpec { MediaType = entry.Key, Kind = kind, Type = null, IsRequired = body.Required, Description = body.Description, Fields = fields };
                case BodyKind.Binary or BodyKind.Text:
                    return new RequestBodySpec { MediaType = entry.Key, Kind = kind, Type = null, IsRequired = body.Required, Description = body.Description, Name = Name(entry.Value?.Schema) };
            }
        }

        // A Swagger 2.0 body parameter's own name is kept by the reader as `x-bodyName`.
        string Name(IOpenApiSchema? schema) => OperationNames.BodyParameter(
            explicitName ?? ApiModelBuilder.Extension(body.Extensions, OpenApiConstants.BodyName),
            (schema as OpenApiSchemaReference)?.Reference.Id,
            takenNames);

        return new RequestBodySpec { MediaType = content.First().Key, Kind = BodyKind.Other, Type = null, IsRequired = body.Required, Description = body.Description, Name = MemberNames.Content };
    }

    private EquatableArray<BodyFieldSpec> Fields(IOpenApiSchema schema, bool filesAllowed, string context, IEnumerable<string> takenNames)
    {
        var names = MemberNames.FormFields(takenNames);
        var fields = new List<BodyFieldSpec>();
        // A property whose schema is not an object (`false`, a string) reads as null: there is nothing to send for it.
        foreach (KeyValuePair<string, IOpenApiSchema> property in schema.Properties!.Where(p => p.Value is not null))
        {
            bool required = schema.Required?.Contains(property.Key) == true;
            bool isFile = filesAllowed && IsBinary(property.Value);
            TypeRef type = isFile ? TypeRef.Any : _types.Resolve(property.Value, context + Identifiers.ToPascalCase(property.Key));
            bool? fixedBoolean = SchemaTypeBuilder.FixedBoolean(property.Value);
            string name = fixedBoolean is null ? names.Reserve(Identifiers.ToCamelCase(property.Key)) : Identifiers.ToCamelCase(property.Key);
            fields.Add(new BodyFieldSpec
            {
                WireName = property.Key,
                Name = name,
                Type = type,
                IsFile = isFile,
                IsRequired = required,
                Description = property.Value.Description,
                FixedBoolean = fixedBoolean,
            });
        }

        return fields.OrderBy(f => f.IsRequired ? 0 : 1).ToEquatableArray();
    }

    // A file part is a binary string, also behind a $ref or as the one non-null branch of an anyOf/oneOf (Mistral's
    // `file: anyOf[File, null]`); the items of a list of files are not sent as files here.
    private static bool IsBinary(IOpenApiSchema schema, int depth = 0)
    {
        IOpenApiSchema target = schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema;
        if (target.Format == "binary" && ((target.Type ?? JsonSchemaType.String) & JsonSchemaType.String) != 0)
        {
            return true;
        }

        IList<IOpenApiSchema>? branches = target.AnyOf is { Count: > 0 } anyOf ? anyOf : target.OneOf;
        if (depth > 2 || branches is null)
        {
            return false;
        }

        List<IOpenApiSchema> values = branches.Where(b => b is not null && !IsNullOnly(b)).ToList();
        return values.Count == 1 && IsBinary(values[0], depth + 1);
    }

    private static bool IsNullOnly(IOpenApiSchema schema) =>
        (schema is OpenApiSchemaReference { Target: { } resolved } ? resolved : schema).Type == JsonSchemaType.Null;

    private static Dictionary<string, SecuritySchemeSpec> CollectSchemes(OpenApiDocument document)
    {
        var result = new Dictionary<string, SecuritySchemeSpec>(StringComparer.Ordinal);
        var names = MemberNames.SecuritySchemes();
        foreach (KeyValuePair<string, IOpenApiSecurityScheme> entry in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            // A scheme that is not an object reads as null; it can authenticate nothing, so it is left out.
            if (entry.Value is not { } scheme)
            {
                continue;
            }

            SecurityKind? kind = scheme.Type switch
            {
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecurityKind.Basic,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecurityKind.Bearer,
                SecuritySchemeType.OAuth2 or SecuritySchemeType.OpenIdConnect => SecurityKind.Bearer,
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Header => SecurityKind.ApiKeyHeader,
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Query => SecurityKind.ApiKeyQuery,
                SecuritySchemeType.ApiKey when scheme.In == Microsoft.OpenApi.ParameterLocation.Cookie => SecurityKind.ApiKeyCookie,
                _ => null,
            };
            if (kind is not null)
            {
                result[entry.Key] = new SecuritySchemeSpec
                {
                    SchemeName = entry.Key,
                    PropertyName = names.Reserve(Identifiers.ToPascalCase(entry.Key)),
                    Kind = kind.Value,
                    ParameterName = scheme.Name ?? "",
                };
            }
        }

        return result;
    }

    private static int Preference(string mediaType) => KindOf(mediaType) switch
    {
        BodyKind.Json => 0,
        BodyKind.Multipart => 1,
        BodyKind.FormUrlEncoded => 2,
        BodyKind.Binary => 3,
        BodyKind.Text => 4,
        _ => 5,
    };

    private static BodyKind KindOf(string mediaType)
    {
        string type = MediaTypes.Essence(mediaType);
        return type switch
        {
            _ when MediaTypes.IsJson(type) => BodyKind.Json,
            "multipart/form-data" => BodyKind.Multipart,
            "application/x-www-form-urlencoded" => BodyKind.FormUrlEncoded,
            "application/octet-stream" => BodyKind.Binary,
            _ when type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal) => BodyKind.Binary,
            "text/plain" => BodyKind.Text,
            _ => BodyKind.Other,
        };
    }

}
