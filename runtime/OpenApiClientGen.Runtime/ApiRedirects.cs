namespace OpenApiClientGen.Runtime;

/// <summary>
/// Follows redirects that the <see cref="HttpClient"/>'s handler leaves to the caller, and never takes a credential
/// to an origin other than the one the request was sent to.
/// </summary>
/// <remarks>
/// A handler that follows redirects itself sends every header but <c>Authorization</c> on to the new host, API-key
/// headers and cookies included. So the clients the runtime creates do not follow redirects in the handler, and this
/// type follows them instead: to the same origin with the credentials, to another origin only when the request
/// carried none. A redirect elsewhere from a credentialed request fails with <see cref="ApiRedirectException"/>
/// before anything is sent there.
/// </remarks>
internal static class ApiRedirects
{
    private const int MaxRedirects = 10;

    /// <summary>A handler that leaves redirects to <see cref="SendAsync"/>.</summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new HttpClientHandler { AllowAutoRedirect = false };

    /// <summary>
    /// Sends <paramref name="message"/>, following the redirects it may, and disposes it and every message it sent on
    /// (<see cref="Release"/>), whatever the outcome; a handler's retries inside the HttpClient are noted on the request.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpRequestMessage message, HttpCompletionOption completion, bool credentialed, ApiRequest request, CancellationToken cancellationToken)
    {
        Uri origin = message.RequestUri!;
        List<HttpRequestMessage>? sent = null;
        HttpRequestMessage current = message;
        try
        {
            for (int hop = 0; ; hop++)
            {
                HttpResponseMessage response = await client.SendAsync(current, completion, cancellationToken).ConfigureAwait(false);

                // A handler that followed the redirect itself has already sent the request on; the response is refused
                // all the same, so that what another origin said never passes for the API's answer.
                Uri? answered = response.RequestMessage?.RequestUri;
                if (credentialed && answered is not null && !SameOrigin(answered, origin))
                {
                    response.Dispose();
                    throw Refused(request, HttpStatusCode.Redirect, answered);
                }

                if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || hop == MaxRedirects)
                {
                    return response;
                }

                var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
                HttpStatusCode status = response.StatusCode;
                response.Dispose();
                if (credentialed && !SameOrigin(target, origin))
                {
                    throw Refused(request, status, target);
                }

                (sent ??= new List<HttpRequestMessage>()).Add(current);
                current = Follow(current, target, status);
            }
        }
        finally
        {
            if (ApiRetries.RetriedInsideHttpClient(message))
            {
                request.RetriedInsideHttpClient = true;
            }

            Release(message);
            for (int i = 0; i < (sent?.Count ?? 0); i++)
            {
                if (!ReferenceEquals(sent![i], message))
                {
                    Release(sent[i]);
                }
            }
        }
    }

    /// <summary>
    /// Disposes a message that was sent, but not its content: the body belongs to the request, which sends it again on
    /// a retry and disposes it once every attempt is over.
    /// </summary>
    public static void Release(HttpRequestMessage message)
    {
        message.Content = null;
        message.Dispose();
    }

    private static ApiRedirectException Refused(ApiRequest request, HttpStatusCode status, Uri target) =>
        new(status, request.Operation, target.GetLeftPart(UriPartial.Authority));

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect || (int)status == 308;

    private static bool SameOrigin(Uri left, Uri right) =>
        string.Equals(left.Scheme, right.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(left.IdnHost, right.IdnHost, StringComparison.OrdinalIgnoreCase)
        && left.Port == right.Port;

    private static HttpRequestMessage Follow(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        // 303, and 301/302 after a POST as every browser does, turn into a GET without a body; 307 and 308 repeat the request.
        bool asGet = status == HttpStatusCode.SeeOther || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && previous.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(asGet ? HttpMethod.Get : previous.Method, target) { Content = asGet ? null : previous.Content };
        foreach (KeyValuePair<string, IEnumerable<string>> header in previous.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return next;
    }
}
