using System;
using System.Collections.Generic;

namespace OpenApiClientGen.Runtime;

/// <summary>Settings shared by every generated client. Each client derives its own options type from this one.</summary>
public partial class ApiClientOptions
{
    /// <summary>
    /// The address requests are sent to. Used when the <see cref="System.Net.Http.HttpClient"/> has no
    /// <c>BaseAddress</c>; when neither sets one, the spec's first server is used.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The <c>User-Agent</c> header sent with every request, if set.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Headers sent with every request.</summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most response body text an <see cref="ApiException"/> keeps; longer bodies are cut and marked.</summary>
    public int MaxErrorBodyLength { get; set; } = ApiException.DefaultMaxBodyLength;

    /// <summary>The default of <see cref="MaxEventSize"/> and <see cref="MaxMessageSize"/>: 16 MiB.</summary>
    public const int DefaultMaxItemSize = 16 * 1024 * 1024;

    /// <summary>
    /// The size one server-sent event must stay under, in bytes, its field names and line ends included, and the most
    /// bytes one item of an NDJSON, JSON Lines or JSON text sequence body may take; one that reaches it fails the
    /// stream with <see cref="ApiStreamException"/> (<see cref="ApiStreamFailure.TooLarge"/>) before it is held whole.
    /// </summary>
    public int MaxEventSize { get; set; } = DefaultMaxItemSize;

    /// <summary>
    /// The most bytes one WebSocket message may take; a bigger one fails the stream with
    /// <see cref="ApiStreamException"/> (<see cref="ApiStreamFailure.TooLarge"/>) before it is held whole.
    /// </summary>
    public int MaxMessageSize { get; set; } = DefaultMaxItemSize;

    /// <summary>
    /// The longest a stream of events or WebSocket messages may receive nothing at all (SSE heartbeat comments count)
    /// before it fails with <see cref="ApiStreamException"/>; null, the default, waits as long as the server keeps the
    /// connection open. <see cref="System.Net.Http.HttpClient.Timeout"/> does not limit a stream once its headers have arrived.
    /// </summary>
    public TimeSpan? StreamIdleTimeout { get; set; }
}
