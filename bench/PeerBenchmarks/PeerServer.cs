using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PeerBenchmarks;

/// <summary>
/// One Kestrel server on 127.0.0.1 that every client under test talks to over a real socket. It answers the two
/// routes the benchmarks call with bytes built once: Mistral's <c>POST /v1/conversations</c> and OpenAI's
/// <c>POST /v1/chat/completions</c>, each as a stream when the request body asks for one (<c>"stream":true</c>) and
/// as one JSON object otherwise. It counts the streams it sent, so a benchmark can tell that a client asked for one.
/// </summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _streamsSent;

    private PeerServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int StreamsSent => Volatile.Read(ref _streamsSent);

    public static async Task<PeerServer> StartAsync(PeerAnswers answers)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        PeerServer? server = null;
        app.Run(async context =>
        {
            bool stream = await AsksForStreamAsync(context.Request.BodyReader, context.RequestAborted);
            (byte[] body, string mediaType) = context.Request.Path.Value switch
            {
                "/v1/conversations" => stream ? (answers.MistralStream, "text/event-stream") : (answers.MistralResponse, "application/json"),
                "/v1/chat/completions" => stream ? (answers.OpenAIStream, "text/event-stream") : (answers.OpenAICompletion, "application/json"),
                _ => (Array.Empty<byte>(), "text/plain"),
            };
            if (body.Length == 0)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (stream)
            {
                Interlocked.Increment(ref server!._streamsSent);
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = mediaType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        string address = app.Urls is { Count: > 0 } urls ? System.Linq.Enumerable.First(urls) : throw new InvalidOperationException("Kestrel gave no address.");
        server = new PeerServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Reads the whole request body and looks for a JSON <c>"stream"</c> member set to <c>true</c>.</summary>
    private static async Task<bool> AsksForStreamAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult read = await reader.ReadAsync(cancellationToken);
            if (read.IsCompleted)
            {
                bool stream = Contains(read.Buffer, "\"stream\":true"u8) || Contains(read.Buffer, "\"stream\": true"u8);
                reader.AdvanceTo(read.Buffer.End);
                return stream;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static bool Contains(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> value) =>
        buffer.IsSingleSegment ? buffer.FirstSpan.IndexOf(value) >= 0 : buffer.ToArray().AsSpan().IndexOf(value) >= 0;
}
