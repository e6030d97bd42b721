using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenApiClientGen.Runtime.Tests.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, answering every request with one handler. It notes when the
/// client goes away, so tests can see that a cancelled or abandoned stream freed its connection.
/// </summary>
internal sealed class StreamServer : IAsyncDisposable
{
    /// <summary>The longest any test waits for something that should happen "quickly".</summary>
    public static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    /// <summary>The longest any test waits for a whole stream: a guard against hanging, well below the server's own 30-second limit.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StreamServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The last request's method, path and query, as the server saw them.</summary>
    public string? LastRequestLine { get; private set; }

    /// <summary>The last request's headers.</summary>
    public IHeaderDictionary? LastRequestHeaders { get; private set; }

    /// <summary>The last request's body.</summary>
    public string? LastRequestBody { get; private set; }

    /// <summary>The key of <see cref="HttpContext.Items"/> under which a handler finds the body the server read for it.</summary>
    public const string RequestBodyItem = "RequestBody";

    /// <summary>Completes when a request's <see cref="HttpContext.RequestAborted"/> fires.</summary>
    public Task ClientGone => _clientGone.Task;

    public static async Task<StreamServer> StartAsync(Func<HttpContext, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new StreamServer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            context.RequestAborted.Register(() => server._clientGone.TrySetResult());
            server.LastRequestLine = context.Request.Method + " " + context.Request.Path + context.Request.QueryString;
            server.LastRequestHeaders = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            if (!context.WebSockets.IsWebSocketRequest)
            {
                server.LastRequestBody = await new System.IO.StreamReader(context.Request.Body).ReadToEndAsync();
                context.Items[RequestBodyItem] = server.LastRequestBody;
            }

            await handler(context);
        });
        await app.StartAsync();
        string address = app.Urls.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>
    /// Writes <paramref name="transcript"/> a few bytes at a time with short pauses, as a real server's writes arrive: as
    /// an event stream unless the handler set another content type.
    /// </summary>
    public static async Task WriteSlowlyAsync(HttpContext context, string transcript, int pieceSize = 16)
    {
        if (!context.Response.HasStarted && context.Response.ContentType is null)
        {
            context.Response.ContentType = "text/event-stream";
        }

        byte[] bytes = Encoding.UTF8.GetBytes(transcript);
        for (int offset = 0; offset < bytes.Length; offset += pieceSize)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(pieceSize, bytes.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(1, context.RequestAborted);
        }
    }

    /// <summary>Sends <paramref name="heartbeat"/> every few milliseconds until the client goes away, for at most 30 seconds.</summary>
    public static async Task KeepSendingAsync(HttpContext context, string heartbeat, TimeSpan every)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(heartbeat), limit.Token);
                await context.Response.Body.FlushAsync(limit.Token);
                await Task.Delay(every, limit.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException)
        {
        }
    }

    /// <summary>Waits, sending nothing, until the client goes away, for at most 30 seconds.</summary>
    public static async Task WaitForClientToLeaveAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public ApiConnection Connect(ApiClientOptions? options = null, Action<HttpClient>? configure = null)
    {
        var httpClient = new HttpClient { BaseAddress = BaseAddress };
        configure?.Invoke(httpClient);
        return new ApiConnection(httpClient, options ?? new ApiClientOptions(), null, ownsHttpClient: true);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
