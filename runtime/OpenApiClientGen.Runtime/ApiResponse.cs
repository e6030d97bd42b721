namespace OpenApiClientGen.Runtime;

/// <summary>A successful response's status and headers, for operations whose callers need more than the body.</summary>
public class ApiResponse
{
    /// <summary>Creates the response record.</summary>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response and content headers, by case-insensitive name.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>A successful response's status and headers next to its typed body.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response record.</summary>
    public ApiResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, T value)
        : base(statusCode, headers)
    {
        Value = value;
    }

    /// <summary>The body.</summary>
    public T Value { get; }
}
