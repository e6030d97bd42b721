using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conversations.Emulators;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port that hands every request, split into path segments below
/// <see cref="BasePath"/>, to one handler. Each API's emulator derives from it and keeps its state in memory.
/// </summary>
public abstract class EmulatorServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };
    private WebApplication? _app;

    /// <summary>The address a client's <c>HttpClient.BaseAddress</c> is set to, ending in a slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The pause between two streamed tokens, so a reply arrives the way a model writes it.</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>The API's base path on the server, such as <c>/api/v1</c>; empty for none.</summary>
    protected abstract string BasePath { get; }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected async Task StartServerAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(DispatchAsync);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + BasePath + "/");
    }

    /// <summary>Answers one request; <paramref name="segments"/> are the path's segments after the base path.</summary>
    protected abstract Task HandleAsync(HttpContext context, string[] segments);

    private async Task DispatchAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            await WriteJsonAsync(context, 404, new JsonObject { ["message"] = $"no route for {path}" });
            return;
        }

        string[] segments = path.Substring(BasePath.Length).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        await HandleAsync(context, segments);
    }

    protected static async Task<JsonObject> ReadJsonAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return new JsonObject();
        }

        JsonNode? body = await JsonNode.ParseAsync(context.Request.Body);
        return body as JsonObject ?? new JsonObject();
    }

    protected static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(Compact));
    }

    protected static Task WriteStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether to answer with events, as the real services decide: by the body's <c>stream</c> flag (with the service's
    /// own default when it is absent) and by <c>Accept</c>. A client that asks for a stream but accepts only JSON (or
    /// the reverse) gets the media type it accepts, as a content-negotiating server would answer it.
    /// </summary>
    protected static bool WantsEventStream(HttpContext context, JsonObject request, bool streamByDefault)
    {
        bool flag = request["stream"] is JsonValue value && value.TryGetValue(out bool stream) ? stream : streamByDefault;
        string accept = context.Request.Headers.Accept.ToString();
        if (accept.Length == 0 || accept.Contains("*/*", StringComparison.Ordinal))
        {
            return flag;
        }

        bool acceptsEvents = accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase);
        bool acceptsJson = accept.Contains("json", StringComparison.OrdinalIgnoreCase);
        return acceptsEvents && (flag || !acceptsJson);
    }

    /// <summary>Starts a <c>text/event-stream</c> answer; write its events with <see cref="WriteEventAsync"/>.</summary>
    protected static async Task StartEventStreamAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync();
    }

    /// <summary>Writes one event (with an <c>event:</c> line when <paramref name="eventName"/> is set) and flushes it.</summary>
    protected static async Task WriteEventAsync(HttpContext context, string? eventName, string data)
    {
        string frame = (eventName is null ? "" : $"event: {eventName}\n") + $"data: {data}\n\n";
        await context.Response.WriteAsync(frame, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    protected Task PauseBetweenTokensAsync(CancellationToken cancellationToken) =>
        TokenDelay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(TokenDelay, cancellationToken);

    protected static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected static Task NotFoundAsync(HttpContext context, string what) =>
        WriteJsonAsync(context, 404, new JsonObject { ["message"] = $"{what} not found" });
}
