using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// When and how long to wait before a request is sent again: which answers and failures are transient, what a
/// server's <c>Retry-After</c> asks for, and the backoff otherwise.
/// </summary>
/// <remarks>
/// The loop itself is Polly.Core's retry strategy rather than one of our own: it already gets right the parts that
/// are easy to get wrong (cancellation during the wait, disposing the answers that are retried, a wait that a
/// <see cref="TimeProvider"/> can drive), it works on netstandard2.0 and is trimming- and AOT-safe, and it is the
/// engine <c>AddStandardResilienceHandler</c> uses, so an app that has it pays for no second copy. What is retried
/// and how long to wait are decided here, by the same rules the official OpenAI and Anthropic SDKs follow.
/// </remarks>
internal static class ApiRetries
{
    private static readonly ResiliencePropertyKey<ApiRequest> Request = new("OpenApiClientGen.Request");

    /// <summary>
    /// A pipeline that retries at most <paramref name="maxRetries"/> times, by <paramref name="options"/> as they are
    /// when it runs. It keeps nothing of one call, so a connection builds it once and shares it between calls.
    /// </summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(int maxRetries, ApiClientOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, options)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayOf(args.Outcome.Result, args.AttemptNumber, options)),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    if (args.Context.Properties.TryGetValue(Request, out ApiRequest? request))
                    {
                        request.Retries = args.AttemptNumber + 1;
                    }

                    return default;
                },
            })
            .Build();

    /// <summary>
    /// Runs <paramref name="attempt"/> through <paramref name="pipeline"/> for <paramref name="request"/>, whose
    /// <see cref="ApiRequest.Retries"/> it counts, cancelled by <paramref name="cancellationToken"/>.
    /// </summary>
    public static async ValueTask<HttpResponseMessage> RunAsync<TState>(
        ResiliencePipeline<HttpResponseMessage> pipeline,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> attempt,
        TState state,
        ApiRequest request,
        CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Request, request);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, s) => await s.Attempt(s.State, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Attempt: attempt, State: state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Whether the status is one a later attempt may not get: 408, 409, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 409 or 429 or >= 500 and < 600;

    // Where Microsoft.Extensions.Http.Resilience's handler keeps its context on a message it sends.
    private const string HandlerContextKey = "Resilience.Http.ResilienceContext";

    /// <summary>
    /// Whether a resilience handler of <c>Microsoft.Extensions.Http.Resilience</c> (<c>AddStandardResilienceHandler</c>,
    /// <c>AddResilienceHandler</c>) sent <paramref name="message"/>: it leaves its context on the message.
    /// </summary>
    public static bool RetriedInsideHttpClient(HttpRequestMessage message) =>
#if NET
        ((IDictionary<string, object?>)message.Options).ContainsKey(HandlerContextKey);
#else
        message.Properties.ContainsKey(HandlerContextKey);
#endif

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ApiClientOptions options)
    {
        if (context.Properties.TryGetValue(Request, out ApiRequest? request) && request.RetriedInsideHttpClient)
        {
            return false;
        }

        if (outcome.Exception is { } ex)
        {
            // A connection that failed before any answer, or an HttpClient.Timeout; never the caller's own cancellation,
            // nor the runtime's own refusals (ApiException), which another attempt would only repeat.
            // The context carries the caller's token: no strategy here links it to another.
            bool cancelledByCaller = context.CancellationToken.IsCancellationRequested;
            return ex is HttpRequestException || (ex is OperationCanceledException && !cancelledByCaller);
        }

        HttpResponseMessage response = outcome.Result!;
        return IsTransient(response.StatusCode) && !(RetryAfter(response) > options.MaxRetryAfter);
    }

    private static TimeSpan? DelayOf(HttpResponseMessage? response, int attempt, ApiClientOptions options)
    {
        if (response is not null && RetryAfter(response) is { } asked)
        {
            return asked;
        }

        // Exponential backoff, cut at the cap, less up to a quarter at random so that many clients spread out.
        double doubled = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        double capped = Math.Min(doubled, options.MaxRetryDelay.TotalMilliseconds);
#if NET
        double jitter = 1 - (Random.Shared.NextDouble() * 0.25);
#else
        double jitter;
        lock (Jitter)
        {
            jitter = 1 - (Jitter.NextDouble() * 0.25);
        }
#endif
        return TimeSpan.FromMilliseconds(Math.Max(0, capped * jitter));
    }

#if !NET
    private static readonly Random Jitter = new();
#endif

    /// <summary>
    /// What the server asked to wait: <c>Retry-After-Ms</c> (milliseconds, as OpenAI sends), else <c>Retry-After</c>
    /// as seconds or as an HTTP date; null when it asked nothing readable.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Retry-After-Ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                TimeSpan until = date - DateTimeOffset.UtcNow;
                return until < TimeSpan.Zero ? TimeSpan.Zero : until;
            }
        }

        return null;
    }
}
