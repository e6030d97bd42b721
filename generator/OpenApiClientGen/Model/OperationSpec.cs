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

/// <param name="GroupPath">Dotted group, for example <c>beta.conversations</c>; empty for methods on the client itself.</param>
/// <param name="Path">The URL path template with any <c>#fragment</c> removed.</param>
/// <param name="Stream">Set for operations that stream events or WebSocket messages; <see cref="Response"/> is then unused.</param>
internal sealed partial record OperationSpec(
    string GroupPath,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    ResponseSpec Response,
    StreamSpec? Stream = null);

internal sealed partial record ParameterSpec(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Description);

internal sealed partial record RequestBodySpec(string MediaType, TypeRef? Type, bool IsRequired, string? Description);

internal sealed record ResponseSpec(ResponseKind Kind, TypeRef? Type, string? Description);
