namespace OpenApiClientGen.Runtime;

/// <summary>
/// Settings for the calls started inside one scope, on top of the client's options: extra headers and query
/// parameters, a timeout and a retry count. <c>using (ApiCallOptions.Use(new ApiCallOptions { MaxRetries = 0 }))</c>.
/// </summary>
/// <remarks>
/// A scope, rather than one more parameter on every generated method or a copy of the client per setting: the
/// generated surface stays as it is, the settings reach every operation group and a client the DI container made,
/// and a call made without them pays nothing. The scope flows with the async context, so it covers the calls the
/// code inside it starts, awaited or not; a stream takes the settings in force when its method is called, wherever
/// it is enumerated. Scopes nest: the inner one is used whole, not merged with the outer.
/// </remarks>
public sealed class ApiCallOptions
{
    private static readonly AsyncLocal<ApiCallOptions?> Ambient = new();

    /// <summary>Headers added to the request; one the request or the client's default headers already has is replaced.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Query parameters added after the operation's own, in this order.</summary>
    public IList<KeyValuePair<string, string>> Query { get; } = new List<KeyValuePair<string, string>>();

    /// <summary>
    /// How long the call may take, retries and their waits included, until its answer is read (for a stream, until
    /// the stream opens); past that it throws <see cref="TimeoutException"/>. Null leaves it to the HttpClient.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The call's retry count in place of <see cref="ApiClientOptions.MaxRetries"/>; null keeps the client's.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>The settings of the innermost scope the current code runs in, if any.</summary>
    public static ApiCallOptions? Current => Ambient.Value;

    /// <summary>Makes <paramref name="options"/> the settings of the calls started until the returned scope is disposed.</summary>
    public static IDisposable Use(ApiCallOptions options)
    {
        var scope = new Scope(Ambient.Value);
        Ambient.Value = options ?? throw new ArgumentNullException(nameof(options));
        return scope;
    }

    private sealed class Scope : IDisposable
    {
        private readonly ApiCallOptions? _outer;
        private bool _disposed;

        public Scope(ApiCallOptions? outer) => _outer = outer;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Ambient.Value = _outer;
            }
        }
    }
}
