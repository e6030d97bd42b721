using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>A request as it arrived on the wire.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string Path, string Query, IHeaderDictionary Headers, string Body);

/// <summary>A Kestrel server on 127.0.0.1 with a free port that records every request and answers with a handler.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public RecordedRequest LastRequest => Requests.Last();

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync();
            string rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            var recorded = new RecordedRequest(
                context.Request.Method,
                rawTarget,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)),
                body);
            server.Requests.Enqueue(recorded);
            await handler(context, recorded);
        });
        await app.StartAsync();
        string address = app.Urls.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
