namespace OpenApiClientGen.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

internal enum ResponseKind
{
    /// <summary>No body: the method returns <c>Task</c>.</summary>
    None,
    Json,
    Text,
    Binary,
}

/// <summary>One generated method: the HTTP call it makes and what it reads back.</summary>
internal sealed record OperationSpec
{
    /// <summary>Dotted group, for example <c>beta.conversations</c>; empty for methods on the client itself.</summary>
    public required string GroupPath { get; init; }

    public required string MethodName { get; init; }

    public required string HttpMethod { get; init; }

    /// <summary>The URL path template with any <c>#fragment</c> removed.</summary>
    public required string Path { get; init; }

    public required string? Summary { get; init; }

    public required string? Description { get; init; }

    public required bool IsDeprecated { get; init; }

    public required EquatableArray<ParameterSpec> Parameters { get; init; }

    public required RequestBodySpec? Body { get; init; }

    public required ResponseSpec Response { get; init; }

    /// <summary>Set for operations that stream events or WebSocket messages; <see cref="Response"/> is then unused.</summary>
    public StreamSpec? Stream { get; init; }

    /// <summary>The spec's <c>operationId</c>, which the request carries to its span; null when the spec gives none.</summary>
    public required string? OperationId { get; init; }

    /// <summary>The error statuses that declare a body, each with the body's type.</summary>
    public required EquatableArray<ErrorResponseSpec> Errors { get; init; }

    /// <summary>The <see cref="SecuritySchemeSpec.PropertyName"/>s of the schemes this operation may send; empty for <c>security: []</c>.</summary>
    public required EquatableArray<string> Security { get; init; }

    /// <summary>The query a path key carries (<c>/v1/models?beta=true</c>), as <c>name=value</c> pairs sent on every call.</summary>
    public EquatableArray<string> FixedQuery { get; init; }

    /// <summary>The <c>Accept</c> header the call sends, built from the media types its responses declare; null sends none.</summary>
    public string? Accept { get; init; }

    /// <summary>The value this method writes into the body's boolean <c>stream</c> member (true for a stream method); null leaves it as the caller set it.</summary>
    public bool? StreamFlag { get; init; }

    /// <summary>How to walk the pages of a paged list; null for an operation that returns one page per call.</summary>
    public PaginationSpec? Pagination { get; init; }

    /// <summary>
    /// The private field that holds the reader of an event stream, for example <c>StreamEvents</c>; null for a method
    /// that reads no <c>text/event-stream</c>.
    /// </summary>
    public string? EventReaderName { get; init; }

    /// <summary>The overload that takes the JSON body's members as parameters; null for a method without one.</summary>
    public FlattenedBodySpec? Flattened { get; init; }

    /// <summary>The method that also returns the status and headers, for example <c>GetPetWithResponseAsync</c>.</summary>
    public string WithResponseName => WithResponseNameFor(MethodName);

    /// <summary>
    /// The private field that holds the typed error bodies, named after their statuses (<c>_on404Errors</c>) and
    /// shared by the operations of a group that declare the same ones; null for an operation that declares none.
    /// </summary>
    public string? ErrorTableName { get; init; }

    /// <summary>The C# names of the method's parameters, cancellationToken aside, in no particular order.</summary>
    public IEnumerable<string> ParameterNames => Parameters.Select(p => p.Name).Concat(Body?.ParameterNames(methodSetsStream: StreamFlag is not null) ?? Enumerable.Empty<string>());

    public static string WithResponseNameFor(string methodName) => methodName.Substring(0, methodName.Length - "Async".Length) + "WithResponseAsync";
}

internal enum QueryStyleKind
{
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

internal sealed record ParameterSpec
{
    /// <summary>The name the request carries, as the spec spells it.</summary>
    public required string WireName { get; init; }

    /// <summary>The C# parameter name.</summary>
    public required string Name { get; init; }

    public required ParameterLocation Location { get; init; }

    public required TypeRef Type { get; init; }

    public required bool IsRequired { get; init; }

    public required string? Description { get; init; }

    public QueryStyleKind Style { get; init; }

    /// <summary>Form-style lists repeat the name per item unless the spec says <c>explode: false</c>.</summary>
    public bool Explode { get; init; } = true;

    /// <summary>The parameter's schema sits under <c>content: application/json</c>, so it is sent as JSON text.</summary>
    public bool IsJsonContent { get; init; }
}

/// <summary>
/// For an operation with a required JSON object body, the overload that takes the body's members as parameters,
/// required ones first and optional ones defaulting to unset: <c>CreateAsync(agentKey: "a", query: "q")</c>.
/// </summary>
internal sealed record FlattenedBodySpec
{
    /// <summary>The body's model, which the overload builds.</summary>
    public required string ModelName { get; init; }

    /// <summary>The members the overload takes, in its order, each with the parameter that takes it.</summary>
    public required EquatableArray<FlattenedMemberSpec> Members { get; init; }

    /// <summary>The required boolean <c>stream</c> members, which the overload sets to whether the method streams.</summary>
    public required EquatableArray<string> StreamFlags { get; init; }
}

internal sealed record FlattenedMemberSpec
{
    public required PropertySpec Property { get; init; }

    /// <summary>The overload's parameter, named so that it clashes with none of the method's other parameters.</summary>
    public required string ParameterName { get; init; }
}

/// <summary>The success response a non-streaming method reads.</summary>
internal sealed record ResponseSpec
{
    public static readonly ResponseSpec None = new() { Kind = ResponseKind.None, Type = null, Description = null };

    public required ResponseKind Kind { get; init; }

    /// <summary>The JSON body's type; null for the other kinds.</summary>
    public required TypeRef? Type { get; init; }

    public required string? Description { get; init; }
}

/// <summary>An error status that declares a body.</summary>
internal sealed record ErrorResponseSpec
{
    /// <summary>As the spec writes it: <c>404</c>, <c>4XX</c> or <c>default</c>.</summary>
    public required string Status { get; init; }

    public required TypeRef Type { get; init; }
}
