namespace OpenApiClientGen.Runtime;

public sealed partial class ApiConnection
{
    /// <summary>Sends the request, checks the status and returns it with the headers; the body is ignored.</summary>
    public async Task<ApiResponse> SendForResponseAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return new ApiResponse(response.StatusCode, new ResponseHeaders(response));
    }

    /// <summary>Sends the request and reads the JSON body with <paramref name="codec"/>, next to the status and headers.</summary>
    public async Task<ApiResponse<T>> SendForJsonResponseAsync<T>(ApiRequest request, JsonConverter<T> codec, CancellationToken cancellationToken)
    {
        request.AcceptUnlessSet(ApiRequest.JsonMediaType);
        request.PoolsResponseBody = true;
        using HttpResponseMessage response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        BufferedBody body = request.ResponseBody;
        request.ResponseBody = default;
        try
        {
            return new ApiResponse<T>(response.StatusCode, new ResponseHeaders(response), JsonCodecs.Deserialize(body.Span, codec));
        }
        catch (JsonException ex)
        {
            IReadOnlyList<string> secrets = request.Secrets;
            throw new ApiException(
                response.StatusCode,
                ApiSecrets.ScrubOrNull(response.ReasonPhrase, secrets),
                ApiException.BodyText(ApiSecrets.Scrub(body.Span.ToArray(), secrets), Options.MaxErrorBodyLength),
                ApiSecrets.Scrub(HeadersOf(response), secrets),
                request.Operation,
                ApiSecrets.Scrub(UnreadableBody(typeof(T).Name, response, ex), secrets),
                ApiSecrets.Scrub(ex, secrets));
        }
        finally
        {
            body.Return();
        }
    }

    // The content type says at once when the server sent something else than JSON (events, because the body asked for a stream).
    private static string UnreadableBody(string expected, HttpResponseMessage response, JsonException ex) =>
        response.Content.Headers.ContentType?.MediaType is { } mediaType
            ? $"its body ({mediaType}) is not the expected {expected}: {ex.Message}"
            : $"its body is not the expected {expected}: {ex.Message}";

    /// <summary>
    /// The exception for a success response that is not the media type a stream method reads (JSON where events or
    /// lines were asked for): its body read only up to the error body limit, and every credential scrubbed from it.
    /// The caller disposes the response.
    /// </summary>
    internal async Task<ApiContentTypeException> WrongMediaTypeAsync(ApiRequest request, HttpResponseMessage response, string mediaType, string expected, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> secrets = request.Secrets;
        byte[] body = await ReadErrorBodyAsync(response.Content, Options.MaxErrorBodyLength, cancellationToken).ConfigureAwait(false);
        return new ApiContentTypeException(
            response.StatusCode,
            ApiSecrets.ScrubOrNull(response.ReasonPhrase, secrets),
            ApiException.BodyText(ApiSecrets.Scrub(body, secrets), Options.MaxErrorBodyLength),
            ApiSecrets.Scrub(HeadersOf(response), secrets),
            request.Operation,
            mediaType,
            expected);
    }

    /// <summary>Sends the request and returns the body as text, next to the status and headers.</summary>
    public async Task<ApiResponse<string>> SendForTextResponseAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        string text = System.Text.Encoding.UTF8.GetString(await ReadBytesAsync(response.Content, cancellationToken).ConfigureAwait(false));
        return new ApiResponse<string>(response.StatusCode, new ResponseHeaders(response), text);
    }

    /// <summary>Sends the request and returns the body as a stream read as it arrives; dispose the stream to free the connection.</summary>
    public async Task<ApiResponse<Stream>> SendForStreamResponseAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
#if NET
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        return new ApiResponse<Stream>(response.StatusCode, new ResponseHeaders(response), body);
    }
}
