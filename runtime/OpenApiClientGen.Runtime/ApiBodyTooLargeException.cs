namespace OpenApiClientGen.Runtime;

/// <summary>
/// A successful response's body was longer than the <see cref="System.Net.Http.HttpClient.MaxResponseContentBufferSize"/>
/// of the client that received it, so it was given up instead of being read whole.
/// </summary>
public sealed class ApiBodyTooLargeException : ApiException
{
    /// <summary>Creates the exception for a response whose body passed <paramref name="limit"/> bytes.</summary>
    public ApiBodyTooLargeException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation,
        long limit,
        Exception? innerException = null)
        : base(statusCode, reasonPhrase, null, headers, operation, innerException)
    {
        Limit = limit;
    }

    /// <summary>The most bytes the client reads of one body.</summary>
    public long Limit { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"{Operation ?? "The request"}: the server answered {(int)StatusCode} with a body longer than {Limit} bytes, the HttpClient's MaxResponseContentBufferSize, so it was not read.";
}
