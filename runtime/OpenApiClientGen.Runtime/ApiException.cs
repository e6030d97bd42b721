namespace OpenApiClientGen.Runtime;

/// <summary>The server answered with a status code the operation does not treat as success.</summary>
/// <remarks>
/// The exception keeps the status, the response headers and the body text. Credentials never appear in it:
/// headers that carry secrets are redacted, and the request's own headers are not kept at all.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>Bodies longer than this many characters are cut, unless the client's options say otherwise.</summary>
    public const int DefaultMaxBodyLength = 64 * 1024;

    /// <summary>Creates the exception for a response.</summary>
    public ApiException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? body,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation = null,
        Exception? innerException = null)
        : this(statusCode, reasonPhrase, body, headers, operation, null, innerException)
    {
    }

    // detail: what went wrong beyond the status, for a success whose body could not be read ("its body is not ...").
    internal ApiException(
        HttpStatusCode statusCode,
        string? reasonPhrase,
        string? body,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers,
        string? operation,
        string? detail,
        Exception? innerException)
        : base(FormatMessage(statusCode, reasonPhrase, operation, detail, body), innerException)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Body = body;
        Operation = operation;
        Headers = Redact(headers);
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The status line's reason phrase, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>The response body as text, cut at the client's limit (the cut is marked at the end).</summary>
    public string? Body { get; }

    /// <summary>The operation that failed, as <c>METHOD /path</c>.</summary>
    public string? Operation { get; }

    /// <summary>The response headers, with secret-bearing ones redacted.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Body is null ? base.ToString() : base.ToString() + Environment.NewLine + "Response body: " + Body;

    internal static string? Truncate(string? body, int maxLength)
    {
        if (body is null || maxLength < 0 || body.Length <= maxLength)
        {
            return body;
        }

        // Only the first part of a long body is read at all, so how much more there was is not known. A surrogate
        // pair is kept whole or left out.
        int kept = maxLength > 0 && char.IsHighSurrogate(body[maxLength - 1]) ? maxLength - 1 : maxLength;
        return body.Substring(0, kept) + $"... [cut at {maxLength} characters]";
    }

    /// <summary>
    /// The text of a UTF-8 body, cut at <paramref name="maxLength"/> characters as <see cref="Truncate"/> cuts it, made
    /// in one string: a long body is never decoded whole first. A cut never splits a surrogate pair.
    /// </summary>
    internal static string BodyText(byte[] utf8, int maxLength)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        if (maxLength < 0 || utf8.Length <= maxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }
#if NET
        (int bytes, int chars) = Prefix(utf8, maxLength);
        if (bytes == utf8.Length)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        string mark = $"... [cut at {maxLength} characters]";
        return string.Create(chars + mark.Length, (utf8, bytes, mark), static (text, state) =>
        {
            int written = Encoding.UTF8.GetChars(state.utf8.AsSpan(0, state.bytes), text);
            state.mark.AsSpan().CopyTo(text.Slice(written));
        });
#else
        // No string.Create here: the text is decoded only as far as the cut, then joined to the mark.
        int bytes = Utf8Counts.PrefixBytes(utf8, maxLength);
        string text = Encoding.UTF8.GetString(utf8, 0, bytes);
        return bytes < utf8.Length && text.Length <= maxLength ? text + $"... [cut at {maxLength} characters]" : Truncate(text, maxLength)!;
#endif
    }


#if NET
    // How many bytes the first characters of the text take, and how many characters they are, up to maxChars.
    private static (int Bytes, int Chars) Prefix(ReadOnlySpan<byte> utf8, int maxChars)
    {
        Span<char> scratch = stackalloc char[512];
        int bytes = 0;
        int chars = 0;
        while (bytes < utf8.Length && chars < maxChars)
        {
            Span<char> room = scratch.Slice(0, Math.Min(scratch.Length, maxChars - chars));
            System.Text.Unicode.Utf8.ToUtf16(utf8.Slice(bytes), room, out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            if (read == 0)
            {
                // A surrogate pair that does not fit in the one character left.
                break;
            }

            bytes += read;
            chars += written;
        }

        return (bytes, chars);
    }
#endif

    private static string FormatMessage(HttpStatusCode statusCode, string? reasonPhrase, string? operation, string? detail, string? body)
    {
        // A status without a name of its own (Anthropic's 529) is its number alone, not "529 529".
        string? name = !string.IsNullOrEmpty(reasonPhrase) ? reasonPhrase : Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? statusCode.ToString() : null;
        string status = name is null ? ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{(int)statusCode} {name}";
        string answered = detail is not null ? $"the server answered {status}, but {detail}"
            : (int)statusCode >= 400 && ApiErrorText.Of(body) is { } said && !string.Equals(said, name, StringComparison.OrdinalIgnoreCase)
                ? $"the server answered {status}: {said}{(ApiErrorText.EndsSentence(said) ? "" : ".")}"
            : $"the server answered {status}.";
        return operation is null ? char.ToUpperInvariant(answered[0]) + answered.Substring(1) : $"{operation} failed: {answered}";
    }

    private static IReadOnlyDictionary<string, IEnumerable<string>> Redact(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var result = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        if (headers is null)
        {
            return result;
        }

        foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
        {
            result[header.Key] = SecretHeaders.Contains(header.Key) ? new[] { "[redacted]" } : header.Value.ToArray();
        }

        return result;
    }
}
