namespace OpenApiClientGen.Emitting;

/// <summary>One parameter of a generated method: how it is declared, passed on, documented and put on the request.</summary>
internal sealed record MethodParameter
{
    public required string Name { get; init; }

    /// <summary>The parameter's C# type as the signature spells it, such as <c>int?</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The value an optional parameter defaults to (<c>null</c> or <c>default</c>); null for a required one.</summary>
    public required string? Default { get; init; }

    public required string DocXml { get; init; }

    /// <summary>The <c>ApiRequest</c> call that sends it, such as <c>.Query("limit", limit)</c>.</summary>
    public required string Call { get; init; }

    /// <summary>The whole request body in one value (JSON, a stream, text or content), not one of a form's fields.</summary>
    public bool IsBody { get; init; }

    /// <summary>The caller may leave it out.</summary>
    public bool IsOptional => Default is not null;

    /// <summary>As the signature declares it, such as <c>int? limit = null</c>.</summary>
    public string Declaration => $"{Type} {Identifiers.EscapeKeyword(Name)}{(Default is null ? "" : " = " + Default)}";
}

/// <summary>
/// The parameters of an operation's method, in signature order: required, the body, optional, cancellation. A body
/// the spec leaves optional still comes first among the optional ones (Cohere marks none required), so that
/// <c>ChatAsync(request)</c> passes the body, not a header; a form's optional fields come last.
/// </summary>
internal static class OperationParameters
{
    public const string CancellationToken = "global::System.Threading.CancellationToken cancellationToken = default";

    public static List<MethodParameter> Of(ApiSpec api, OperationSpec operation)
    {
        bool form = operation.Body?.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded;
        var result = new List<MethodParameter>();
        result.AddRange(operation.Parameters.Where(p => p.IsRequired).Select(p => Parameter(api, p)));
        result.AddRange(BodyParameters(api, operation.Body, required: true, operation.StreamFlag));
        if (!form)
        {
            result.AddRange(BodyParameters(api, operation.Body, required: false, operation.StreamFlag));
        }

        result.AddRange(operation.Parameters.Where(p => !p.IsRequired).Select(p => Parameter(api, p)));
        if (form)
        {
            result.AddRange(BodyParameters(api, operation.Body, required: false, operation.StreamFlag));
        }

        return result;
    }

    public static string ParameterDoc(ParameterSpec parameter) =>
        parameter.Description is null
            ? $"The <c>{SpecText.Xml(parameter.WireName)}</c> {parameter.Location.ToString().ToLowerInvariant()} parameter."
            : SpecText.Xml(parameter.Description.Trim());

    private static MethodParameter Parameter(ApiSpec api, ParameterSpec parameter)
    {
        string ns = api.Namespace;
        string name = Identifiers.EscapeKeyword(parameter.Name);
        return new MethodParameter
        {
            Name = parameter.Name,
            Type = parameter.IsRequired ? CSharp.TypeName(parameter.Type, ns) : CSharp.NullableTypeName(parameter.Type, ns),
            Default = parameter.IsRequired ? null : "null",
            DocXml = ParameterDoc(parameter),
            Call = Call(api, parameter, name),
        };
    }

    private static string Call(ApiSpec api, ParameterSpec parameter, string name)
    {
        string wire = SpecText.Literal(parameter.WireName);
        if (parameter.Location != ParameterLocation.Query)
        {
            return $".{parameter.Location}({wire}, {name})";
        }

        string codec = parameter.IsRequired ? Codec(api, parameter.Type) : NullableCodec(api, parameter.Type);
        string style = $"{CSharp.Runtime}QueryStyle.{parameter.Style}";
        string explode = parameter.Explode ? "true" : "false";
        if (parameter.IsJsonContent)
        {
            return $".QueryJson({wire}, {name}, {codec})";
        }

        if (IsObject(parameter.Type))
        {
            return $".QueryObject({wire}, {name}, {codec}, {style}, explode: {explode})";
        }

        return parameter.Style == QueryStyleKind.Form && parameter.Explode
            ? $".Query({wire}, {name})"
            : $".Query({wire}, {name}, {style}, explode: {explode})";
    }

    // streamFlag: what the method writes as the body's "stream" member (the method, not the caller, says whether the
    // server streams), or null when it writes nothing.
    private static IEnumerable<MethodParameter> BodyParameters(ApiSpec api, RequestBodySpec? body, bool required, bool? streamFlag)
    {
        if (body is null)
        {
            yield break;
        }

        if (body.Kind is BodyKind.Multipart or BodyKind.FormUrlEncoded)
        {
            // A field the schema fixes is written by the method itself (FixedFieldCalls), never taken from the caller.
            foreach (BodyFieldSpec field in body.ParameterFields(methodSetsStream: streamFlag is not null).Where(f => f.IsRequired == required))
            {
                yield return Field(api, body.Kind, field);
            }

            yield break;
        }

        if (body.IsRequired != required)
        {
            yield break;
        }

        string ns = api.Namespace;
        string media = SpecText.Literal(body.MediaType);
        string doc = SpecText.Xml(body.Description?.Trim() ?? $"The request body ({body.MediaType}).");
        string name = Identifiers.EscapeKeyword(body.Name);
        // A required body that is null is refused before anything is sent, rather than sent empty.
        string given = required && body.Type?.IsValueType != true ? $" ?? throw new global::System.ArgumentNullException(nameof({name}))" : "";
        string member = streamFlag is { } flag ? $", \"stream\", {(flag ? "true" : "false")}" : "";
        (string type, string parameterName, string call) = body.Kind switch
        {
            BodyKind.Json when body.Type is not null => (CSharp.TypeName(body.Type, ns), body.Name, $".JsonBody({name}{given}, {(required ? Codec(api, body.Type) : NullableCodec(api, body.Type))}{member})"),
            BodyKind.Binary => ("global::System.IO.Stream", body.Name, $".StreamBody({name}{given}, {media})"),
            BodyKind.Text => ("string", body.Name, $".TextBody({name}{given}, {media})"),
            _ => ("global::System.Net.Http.HttpContent", body.Name, $".Content({name}{given})"),
        };
        yield return new MethodParameter { Name = parameterName, Type = required ? type : type + "?", Default = required ? null : "null", DocXml = doc, Call = call, IsBody = true };
    }

    /// <summary>
    /// The calls that send the form fields the method sets itself: those the schema fixes, such as Mistral's
    /// <c>stream</c> (always <c>true</c> on its stream operation), and the <c>stream</c> flag of a method that has a
    /// stream twin (OpenAI's transcriptions).
    /// </summary>
    public static IEnumerable<string> FixedFieldCalls(OperationSpec operation)
    {
        if (operation.Body is not { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } body)
        {
            yield break;
        }

        string method = body.Kind == BodyKind.FormUrlEncoded ? "FormField" : "FormPart";
        foreach (BodyFieldSpec field in body.Fields)
        {
            bool? value = field.FixedBoolean ?? (field.IsStreamFlag ? operation.StreamFlag : null);
            if (value is { } flag)
            {
                yield return $".{method}({SpecText.Literal(field.WireName)}, {(flag ? "true" : "false")})";
            }
        }
    }

    private static MethodParameter Field(ApiSpec api, BodyKind kind, BodyFieldSpec field)
    {
        string ns = api.Namespace;
        string name = Identifiers.EscapeKeyword(field.Name);
        string wire = SpecText.Literal(field.WireName);
        string type = field.IsFile ? CSharp.Runtime + "ApiFile" : CSharp.TypeName(field.Type, ns);
        string call = field.IsFile ? $".FilePart({wire}, {name})"
            : kind == BodyKind.FormUrlEncoded ? $".FormField({wire}, {name})"
            : IsObject(field.Type) || field.Type.Kind == TypeKind.Any ? $".FormJsonPart({wire}, {name}, {(field.IsRequired ? Codec(api, field.Type) : NullableCodec(api, field.Type))})"
            : $".FormPart({wire}, {name})";
        string doc = field.Description is null
            ? (field.IsFile ? $"The <c>{SpecText.Xml(field.WireName)}</c> file: its content and the file name to send." : $"The <c>{SpecText.Xml(field.WireName)}</c> field.")
            : SpecText.Xml(field.Description.Trim());
        return new MethodParameter
        {
            Name = field.Name,
            Type = field.IsRequired ? type : field.IsFile ? type + "?" : CSharp.NullableTypeName(field.Type, ns),
            Default = field.IsRequired ? null : "null",
            DocXml = doc,
            Call = call,
        };
    }

    private static bool IsObject(TypeRef type) => type.Kind == TypeKind.Map || (type.Kind == TypeKind.Declared && !type.IsValueType);

    private static string Codec(ApiSpec api, TypeRef type) => CSharp.Codec(type, api.Namespace, api.Names.Json);

    private static string NullableCodec(ApiSpec api, TypeRef type) => CSharp.NullableCodec(type, api.Namespace, api.Names.Json);
}
