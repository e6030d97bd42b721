using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// One request as it arrived: what the comparison looks at. <paramref name="Headers"/> holds every header, its name in
/// lower case, for the comparisons that look at more than the three named ones.
/// </summary>
public sealed record CapturedRequest(
    string Method,
    string Path,
    IReadOnlyList<string> Query,
    string? Accept,
    string? ContentType,
    string? Authorization,
    string Body,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A server on 127.0.0.1 that records every request and answers each with the canned response its caller picks, so
/// that an official SDK and a generated client can be sent the same calls and their requests compared.
/// </summary>
public sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    private CaptureServer(WebApplication app, Func<CapturedRequest, (int Status, string ContentType, string Body)> answer)
    {
        _app = app;
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync();
            HttpRequest request = context.Request;
            var captured = new CapturedRequest(
                request.Method,
                request.Path.Value ?? "",
                request.Query.SelectMany(q => q.Value.Select(v => q.Key + "=" + v)).OrderBy(q => q, StringComparer.Ordinal).ToList(),
                request.Headers.Accept.Count == 0 ? null : request.Headers.Accept.ToString(),
                request.ContentType,
                request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString(),
                body,
                request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal));
            _requests.Enqueue(captured);
            (int status, string contentType, string text) = answer(captured);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(text);
        });
    }

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Takes the requests recorded so far, in arrival order, and forgets them.</summary>
    public List<CapturedRequest> Drain()
    {
        var result = new List<CapturedRequest>();
        while (_requests.TryDequeue(out CapturedRequest? request))
        {
            result.Add(request);
        }

        return result;
    }

    public static async Task<CaptureServer> StartAsync(Func<CapturedRequest, (int Status, string ContentType, string Body)> answer)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var server = new CaptureServer(builder.Build(), answer);
        await server._app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
