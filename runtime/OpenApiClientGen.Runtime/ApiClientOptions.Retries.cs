namespace OpenApiClientGen.Runtime;

public partial class ApiClientOptions
{
    /// <summary>The default of <see cref="MaxRetries"/>: two more attempts after the first, as the official OpenAI and Anthropic SDKs make.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>
    /// How many times a request is sent again after a 408, 409, 429 or 5xx answer, or after a connection failure
    /// before any response arrived. A stream is retried only while no event or item has been read from it. Zero sends
    /// every request once; set it to zero when the <see cref="System.Net.Http.HttpClient"/> has a retrying handler of
    /// its own (<c>AddStandardResilienceHandler</c>), so that the two do not multiply the attempts.
    /// </summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The wait before the first retry when the server names none; each later retry waits twice as long, less up to a quarter at random.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts that the client chooses itself.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest wait a server's <c>Retry-After</c> or <c>Retry-After-Ms</c> header is honoured for. A server that
    /// asks for a longer one is not retried: its answer is thrown at once as <see cref="ApiException"/>, with the header.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
