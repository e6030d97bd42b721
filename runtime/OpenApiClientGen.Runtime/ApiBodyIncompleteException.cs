namespace OpenApiClientGen.Runtime;

/// <summary>
/// A successful response's body ended before it was whole: the connection broke, or closed before the length its
/// headers announced. The call is not sent again, since the server answered it and may have acted on it.
/// </summary>
/// <remarks>
/// A stream cut short raises <see cref="ApiStreamException"/> instead; this one is for a body read whole before it is
/// decoded. <see cref="System.Exception.InnerException"/> holds what the connection reported.
/// </remarks>
public sealed class ApiBodyIncompleteException : ApiException
{
    /// <summary>Creates the exception for a response whose body broke off.</summary>
    public ApiBodyIncompleteException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation,
        Exception? innerException = null)
        : base(statusCode, reasonPhrase, null, headers, operation, innerException)
    {
    }

    /// <inheritdoc/>
    public override string Message =>
        $"{Operation ?? "The request"}: the server answered {(int)StatusCode}, but its body ended before it was whole{(InnerException is { } cause ? ": " + cause.Message : ".")}";
}
