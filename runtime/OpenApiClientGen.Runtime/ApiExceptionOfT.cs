namespace OpenApiClientGen.Runtime;

/// <summary>The server answered with an error status the spec declares, and its body was read as <typeparamref name="TError"/>.</summary>
/// <typeparam name="TError">The error body's type, for example a validation error with its list of problems.</typeparam>
public sealed class ApiException<TError> : ApiException
{
    /// <summary>Creates the exception for a response whose body was read as <paramref name="error"/>.</summary>
    public ApiException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? body,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation,
        TError error)
        : base(statusCode, reasonPhrase, body, headers, operation)
    {
        Error = error;
    }

    /// <summary>The error body, as the spec describes it for this status.</summary>
    public TError Error { get; }
}
