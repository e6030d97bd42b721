using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// The traces and metrics of generated clients: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both
/// named <see cref="Name"/>. Add that name to a tracer or meter provider to see them; with no listener nothing is
/// recorded and a call pays one check.
/// </summary>
/// <remarks>
/// Each operation call is one client span named <c>METHOD /route/{template}</c>, with <c>http.request.method</c>,
/// <c>url.template</c> (the path as the spec writes it, never the filled-in one: ids stay out of traces),
/// <c>oacg.operation</c>, <c>oacg.operation.id</c> (the spec's operationId), <c>http.response.status_code</c>,
/// <c>oacg.retry_count</c> and, on failure, <c>error.type</c>. A stream's span lasts until the stream ends and adds
/// <c>oacg.stream.items</c>, <c>oacg.stream.first_item_ms</c> and <c>oacg.stream.outcome</c> (<c>completed</c>,
/// <c>cancelled</c>, <c>abandoned</c> or the <see cref="ApiStreamFailure"/>).
/// </remarks>
public static class ApiTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>OpenApiClientGen.Runtime</c>.</summary>
    public const string Name = "OpenApiClientGen.Runtime";

    private static readonly string? Version = typeof(ApiTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    private static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("oacg.client.operation.duration", "s", "How long an operation call took, retries included (for a stream, until it opened).");

    private static readonly Counter<long> RetryCount =
        Meter.CreateCounter<long>("oacg.client.operation.retries", "{retry}", "Requests sent again after a transient failure.");

    private static readonly Histogram<double> FirstItem =
        Meter.CreateHistogram<double>("oacg.client.stream.time_to_first_item", "s", "From sending a stream request to its first event or item.");

    private static readonly Histogram<long> StreamItems =
        Meter.CreateHistogram<long>("oacg.client.stream.items", "{item}", "Events or items one stream gave before it ended.");

    /// <summary>Starts the span of one call, or returns null when nothing listens.</summary>
    internal static Activity? Start(ApiRequest request)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(request.Operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method);
            activity.SetTag("url.template", request.PathTemplate);
            activity.SetTag("oacg.operation", request.Operation);
            if (request.OperationId is { } operationId)
            {
                activity.SetTag("oacg.operation.id", operationId);
            }
        }

        return activity;
    }

    /// <summary>A timestamp to measure from, or zero when no instrument is read.</summary>
    internal static long Timestamp(Activity? activity) => activity is not null || Duration.Enabled || FirstItem.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Notes how the sending ended: the last status (if an answer came), the retries, what went wrong.</summary>
    internal static void Sent(Activity? activity, ApiRequest request, HttpStatusCode? status, Exception? failure, long started)
    {
        if (activity is not null)
        {
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", (int)code);
            }

            activity.SetTag("oacg.retry_count", request.Retries);
            if (failure is not null)
            {
                activity.SetTag("error.type", status is { } failed ? ((int)failed).ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        if (request.Retries > 0 && RetryCount.Enabled)
        {
            RetryCount.Add(request.Retries, Tags(request, status));
        }

        if (started != 0 && Duration.Enabled)
        {
            Duration.Record(Elapsed(started).TotalSeconds, Tags(request, status));
        }
    }

    /// <summary>Notes how a stream ended, on its span and in the stream instruments.</summary>
    internal static void StreamEnded(Activity? activity, ApiRequest request, int items, TimeSpan? firstItem, string outcome)
    {
        if (activity is not null)
        {
            activity.SetTag("oacg.stream.items", items);
            activity.SetTag("oacg.stream.outcome", outcome);
            if (firstItem is { } first)
            {
                activity.SetTag("oacg.stream.first_item_ms", first.TotalMilliseconds);
            }

            if (outcome is not ("completed" or "cancelled" or "abandoned"))
            {
                activity.SetTag("error.type", outcome);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (StreamItems.Enabled)
        {
            StreamItems.Record(items, new KeyValuePair<string, object?>("url.template", request.PathTemplate), new KeyValuePair<string, object?>("oacg.stream.outcome", outcome));
        }

        if (firstItem is { } time && FirstItem.Enabled)
        {
            FirstItem.Record(time.TotalSeconds, new KeyValuePair<string, object?>("url.template", request.PathTemplate));
        }
    }

    internal static TimeSpan Elapsed(long started) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    private static KeyValuePair<string, object?>[] Tags(ApiRequest request, HttpStatusCode? status) =>
        status is { } code
            ? new KeyValuePair<string, object?>[] { new("http.request.method", request.Method), new("url.template", request.PathTemplate), new("http.response.status_code", (int)code) }
            : new KeyValuePair<string, object?>[] { new("http.request.method", request.Method), new("url.template", request.PathTemplate) };
}
