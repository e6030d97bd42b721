using System.Globalization;
using System.Runtime.ExceptionServices;
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
    private static readonly ResiliencePropertyKey<CancellationToken> CallerToken = new("OpenApiClientGen.CallerToken");

    /// <summary>A pipeline that retries at most <paramref name="maxRetries"/> times, by <paramref name="options"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(int maxRetries, ApiClientOptions options, Action<int>? onRetry = null) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, options)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(DelayOf(args.Outcome.Result, args.AttemptNumber, options)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    onRetry?.Invoke(args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();

    /// <summary>
    /// Sends again, at most <paramref name="maxRetries"/> times, after a first attempt whose outcome
    /// (<paramref name="first"/> or <paramref name="failure"/>) was transient. The caller sends the first attempt
    /// directly, and the pipeline is built only here, so a call that succeeds at once, nearly every call, pays nothing
    /// for the retries.
    /// </summary>
    public static Task<HttpResponseMessage> RetryAsync<TState>(
        int maxRetries, ApiClientOptions options, ApiRequest request, HttpResponseMessage? first, ExceptionDispatchInfo? failure,
        Func<TState, CancellationToken, Task<HttpResponseMessage>> attempt, TState state, CancellationToken cancellationToken)
    {
        if (request.RetriedInsideHttpClient)
        {
            // A resilience handler inside the HttpClient has retried this already; another loop would multiply it.
            failure?.Throw();
            return Task.FromResult(first!);
        }

        return RunAsync(Create(maxRetries, options, retry => request.Retries = retry), static (r, token) => r.NextAsync(token), new Replay<TState>(first, failure, attempt, state), cancellationToken);
    }

    /// <summary>Runs <paramref name="attempt"/> through <paramref name="pipeline"/>, cancelled by <paramref name="cancellationToken"/>.</summary>
    public static async Task<HttpResponseMessage> RunAsync<TState>(
        ResiliencePipeline<HttpResponseMessage> pipeline, Func<TState, CancellationToken, Task<HttpResponseMessage>> attempt, TState state, CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallerToken, cancellationToken);
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

    /// <summary>Whether the status is one a later attempt may not get: 408, 409, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 409 or 429 or >= 500 and < 600;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ApiClientOptions options) =>
        outcome.Exception is { } ex ? ShouldRetry(ex, context.Properties.GetValue(CallerToken, default)) : ShouldRetry(outcome.Result!, options);

    // A connection that failed before any answer, or an HttpClient.Timeout; never the caller's own cancellation, nor
    // the runtime's own refusals (ApiException), which another attempt would only repeat.
    public static bool ShouldRetry(Exception ex, CancellationToken callerToken) =>
        ex is HttpRequestException || (ex is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>Whether a response is one to send again: a transient status, with no <c>Retry-After</c> past the most the options wait.</summary>
    public static bool ShouldRetry(HttpResponseMessage response, ApiClientOptions options) =>
        IsTransient(response.StatusCode) && !(RetryAfter(response) > options.MaxRetryAfter);

    /// <summary>
    /// The pipeline's first attempt hands on the outcome of the one already made, so that its waits and counts are as
    /// if it had sent it; every later attempt sends.
    /// </summary>
    private sealed class Replay<TState>
    {
        private readonly Func<TState, CancellationToken, Task<HttpResponseMessage>> _attempt;
        private readonly TState _state;
        private readonly HttpResponseMessage? _first;
        private readonly ExceptionDispatchInfo? _failure;
        private bool _replayed;

        public Replay(HttpResponseMessage? first, ExceptionDispatchInfo? failure, Func<TState, CancellationToken, Task<HttpResponseMessage>> attempt, TState state)
        {
            _first = first;
            _failure = failure;
            _attempt = attempt;
            _state = state;
        }

        public Task<HttpResponseMessage> NextAsync(CancellationToken cancellationToken)
        {
            if (_replayed)
            {
                return _attempt(_state, cancellationToken);
            }

            _replayed = true;
            _failure?.Throw();
            return Task.FromResult(_first!);
        }
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
