using System;
using System.Collections.Concurrent;
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

namespace PetStoreDemo;

/// <summary>An in-memory pet store on 127.0.0.1, so the demo needs no network.</summary>
internal sealed class PetStoreEmulator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, JsonObject> _pets = new();
    private readonly WebApplication _app;
    private long _nextId;

    private PetStoreEmulator(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<PetStoreEmulator> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var emulator = new PetStoreEmulator(builder.Build());
        emulator._app.Run(emulator.HandleAsync);
        await emulator._app.StartAsync();
        emulator.BaseAddress = new Uri(emulator._app.Urls.First().TrimEnd('/') + "/v1/");
        return emulator;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        string[] segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (segments is not ["v1", "pets", ..])
        {
            await WriteAsync(context, 404, new JsonObject { ["message"] = "no such route" });
            return;
        }

        string method = context.Request.Method;
        if (segments.Length == 2 && method == "GET")
        {
            int limit = int.TryParse(context.Request.Query["limit"], out int l) ? l : int.MaxValue;
            await WriteAsync(context, 200, new JsonArray(_pets.Values.OrderBy(p => (long)p["id"]!).Take(limit).Select(p => (JsonNode)p.DeepClone()).ToArray()));
        }
        else if (segments.Length == 2 && method == "POST")
        {
            JsonObject pet = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            long id = Interlocked.Increment(ref _nextId);
            pet["id"] = id;
            pet["born"] = DateTimeOffset.UtcNow.ToString("o");
            _pets[id] = pet;
            await WriteAsync(context, 201, pet);
        }
        else if (segments.Length == 3 && long.TryParse(segments[2], out long id) && _pets.TryGetValue(id, out JsonObject? pet))
        {
            if (method == "DELETE")
            {
                _pets.TryRemove(id, out _);
                context.Response.StatusCode = 204;
                return;
            }

            await WriteAsync(context, 200, pet);
        }
        else
        {
            await WriteAsync(context, 404, new JsonObject { ["message"] = $"no pet {string.Join('/', segments.Skip(2))}" });
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
