namespace OpenApiClientGen.Runtime;

/// <summary>
/// The server answered a success status, but not with the media type the method reads: a stream method got JSON, for
/// example, because the request did not ask for a stream. The body is kept (cut as for any failure).
/// </summary>
public sealed class ApiContentTypeException : ApiException
{
    /// <summary>Creates the exception for a response whose <c>Content-Type</c> is <paramref name="contentType"/>.</summary>
    public ApiContentTypeException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? body,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation,
        string? contentType,
        string expected)
        : base(statusCode, reasonPhrase, body, headers, operation)
    {
        ContentType = contentType;
        Expected = expected;
    }

    /// <summary>The response's media type as the server sent it; null when it sent none.</summary>
    public string? ContentType { get; }

    /// <summary>The media type the method reads, such as <c>text/event-stream</c>.</summary>
    public string Expected { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"{Operation ?? "The request"}: the server answered {(int)StatusCode} with Content-Type '{ContentType ?? "(none)"}', not {Expected}, so the stream cannot be read.";
}
