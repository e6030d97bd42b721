using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>JSON messages pushed over a WebSocket, read as a stream of items.</summary>
public sealed class WebSocketMessagesTests
{
    private const string Created = """{"type":"session.created","delta":null}""";
    private const string Delta = """{"type":"response.text.delta","delta":"Grüß dich ✓, a longer delta so that it spans several frames"}""";
    private const string Done = """{"type":"response.done"}""";

    private static readonly ObjectCodec<RealtimeEvent> RealtimeEventCodec = new(
        static () => new RealtimeEvent(),
        static () => new[]
        {
            JsonMember.Required<RealtimeEvent, string>("type", JsonCodecs.String, static m => m.Type, static (m, v) => m.Type = v),
            JsonMember.Value<RealtimeEvent, string>("delta", JsonCodecs.String, static m => m.Delta!, static (m, v) => m.Delta = v),
        });

    [Fact]
    public async Task Fragmented_text_messages_are_put_back_together_and_a_normal_close_ends_the_stream()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await SendInFramesAsync(socket, Delta, frameSize: 5);
            await SendInFramesAsync(socket, Done, frameSize: 3);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
        });
        var options = new ApiClientOptions();
        options.DefaultHeaders["Authorization"] = "Bearer test-key";
        using ApiConnection connection = server.Connect(options);
        var request = new ApiRequest("GET", "/v1/realtime").Query("model", "voxtral mini").Header("X-Trace", "t-1");

        List<RealtimeEvent> events = await WebSocketMessages.ReadJsonAsync(connection, request, RealtimeEventCodec).CollectAsync();

        Assert.Equal(new[] { "session.created", "response.text.delta", "response.done" }, events.Select(e => e.Type));
        Assert.Equal("Grüß dich ✓, a longer delta so that it spans several frames", events[1].Delta);
        Assert.Equal("GET /v1/realtime?model=voxtral%20mini", server.LastRequestLine);
        Assert.Equal(("t-1", "Bearer test-key"), (server.LastRequestHeaders?["X-Trace"].ToString(), server.LastRequestHeaders?["Authorization"].ToString()));
    }

    [Fact]
    public async Task The_handshake_carries_the_operations_credentials_in_a_header_the_query_and_a_cookie()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted));
        var options = new ApiClientOptions { BearerToken = "token-1" };
        options.Credentials["queryKey"] = "q-2";
        options.Credentials["cookieKey"] = "c-3";
        using ApiConnection connection = server.Connect(options);
        var request = new ApiRequest("GET", "/v1/realtime").Security(
            new ApiSecurityScheme("bearer", ApiSecurityKind.Bearer),
            new ApiSecurityScheme("queryKey", ApiSecurityKind.ApiKeyQuery, "key"),
            new ApiSecurityScheme("cookieKey", ApiSecurityKind.ApiKeyCookie, "session"));

        Assert.Empty(await WebSocketMessages.ReadJsonAsync(connection, request, RealtimeEventCodec).CollectAsync());

        Assert.Equal("GET /v1/realtime?key=q-2", server.LastRequestLine);
        Assert.Equal(("Bearer token-1", "session=c-3"), (server.LastRequestHeaders?["Authorization"].ToString(), server.LastRequestHeaders?["Cookie"].ToString()));
    }

    [Fact]
    public async Task A_close_with_an_error_status_throws()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await socket.CloseAsync(WebSocketCloseStatus.InternalServerError, "model crashed", context.RequestAborted);
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Truncated, 1), (ex.Failure, ex.EventIndex));
        Assert.Equal("GET /v1/realtime: the server closed the WebSocket after 1 message with status 1011 (InternalServerError): model crashed", ex.Message);
    }

    [Fact]
    public async Task A_connection_the_server_drops_throws()
    {
        // The server drops the connection only once the client holds the first message, so the order is certain.
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await firstReceived.Task.WaitAsync(StreamServer.Quickly);
            context.Abort();
        });
        using ApiConnection connection = server.Connect();

        await using var messages = ReadRealtimeEvents(connection).GetAsyncEnumerator();
        Assert.True(await messages.MoveNextAsync());
        firstReceived.SetResult();
        ApiStreamException ex = await Assert.ThrowsAsync<ApiStreamException>(async () => await messages.MoveNextAsync());

        Assert.Equal((ApiStreamFailure.Disconnected, 1), (ex.Failure, ex.EventIndex));
    }

    [Fact]
    public async Task A_server_that_goes_quiet_longer_than_the_idle_timeout_fails_the_stream_and_the_socket_is_closed()
    {
        var serverSawTheEnd = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            serverSawTheEnd.TrySetResult(await ReceiveEndAsync(socket));
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) });

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.IdleTimeout, 1), (ex.Failure, ex.EventIndex));
        Assert.NotEqual("", await serverSawTheEnd.Task.WaitAsync(StreamServer.Quickly));
    }

    [Fact]
    public async Task A_socket_that_sends_no_first_message_in_time_fails_as_a_first_item_timeout()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) => await ReceiveEndAsync(socket));
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamFirstItemTimeout = TimeSpan.FromMilliseconds(400) });

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Empty(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.FirstItemTimeout, 0), (ex.Failure, ex.EventIndex));
        Assert.Contains("StreamFirstItemTimeout", ex.Message);
    }

    [Fact]
    public async Task A_message_that_is_not_valid_json_names_its_position()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await SendInFramesAsync(socket, """{"type":""", frameSize: 100);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.MalformedEvent, 1), (ex.Failure, ex.EventIndex));
        Assert.StartsWith("GET /v1/realtime: WebSocket message 1 is not valid RealtimeEvent JSON", ex.Message);
        Assert.Equal("""{"type":""", ex.Body);
    }

    [Fact]
    public async Task A_key_set_as_a_default_header_is_scrubbed_from_a_malformed_message()
    {
        const string key = "ws-k3y+Secret/Value";
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, "{\"type\": 7, \"delta\": \"" + key + "\"}", frameSize: 100);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        var options = new ApiClientOptions();
        options.DefaultHeaders["X-Api-Key"] = key;
        using ApiConnection connection = server.Connect(options);

        (_, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal(ApiStreamFailure.MalformedEvent, ex.Failure);
        Assert.Equal(key, server.LastRequestHeaders?["X-Api-Key"].ToString());
        Assert.Contains("[redacted]", ex.Body);
        Assert.DoesNotContain(key, ex.Body + ex.Message + ex);
    }

    [Fact]
    public async Task A_refused_upgrade_throws_the_same_api_exception_as_other_calls()
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Empty(events);
#if RUNTIME_NETSTANDARD
        // The netstandard2.0 ClientWebSocket does not report the status that refused the upgrade.
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal(((HttpStatusCode)0, ApiStreamFailure.Disconnected, "GET /v1/realtime"), (ex.StatusCode, ex.Failure, ex.Operation));
        Assert.StartsWith("GET /v1/realtime: the WebSocket handshake failed: ", ex.Message);
#else
        ApiException ex = Assert.IsType<ApiException>(failure);
        Assert.Equal((HttpStatusCode.Unauthorized, "GET /v1/realtime"), (ex.StatusCode, ex.Operation));
#endif
    }

    [Fact]
    public async Task An_upgrade_with_a_wrong_accept_key_throws_the_apis_stream_exception()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            // A 101 that does not answer the client's Sec-WebSocket-Key: the client must not trust the connection.
            context.Response.Headers.Connection = "Upgrade";
            context.Response.Headers.Upgrade = "websocket";
            context.Response.Headers.SecWebSocketAccept = "bm90IHRoZSByaWdodCBrZXk=";
            using System.IO.Stream opaque = await context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>()!.UpgradeAsync();
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect();

        (var events, Exception? failure) = await ReadRealtimeEvents(connection).CollectUntilFailureAsync();

        Assert.Empty(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Disconnected, "GET /v1/realtime"), (ex.Failure, ex.Operation));
        Assert.StartsWith("GET /v1/realtime: the WebSocket handshake failed: ", ex.Message);
        Assert.IsType<WebSocketException>(ex.InnerException);
#if !RUNTIME_NETSTANDARD
        Assert.Equal(HttpStatusCode.SwitchingProtocols, ex.StatusCode);
#endif
    }

    [Fact]
    public async Task Cancelling_closes_the_socket()
    {
        var serverSawTheEnd = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            serverSawTheEnd.TrySetResult(await ReceiveEndAsync(socket));
        });
        using ApiConnection connection = server.Connect();
        using var cancellation = new CancellationTokenSource();

        Task reading = Task.Run(async () =>
        {
            await foreach (RealtimeEvent _ in ReadRealtimeEvents(connection, cancellation.Token))
            {
                cancellation.CancelAfter(100);
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(StreamServer.HangGuard));
        Assert.NotEqual("", await serverSawTheEnd.Task.WaitAsync(StreamServer.Quickly));
    }

    [Fact]
    public async Task Leaving_early_closes_the_socket_with_a_normal_close()
    {
        var serverSawTheEnd = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await SendInFramesAsync(socket, Done, frameSize: 100);
            serverSawTheEnd.TrySetResult(await ReceiveEndAsync(socket));
        });
        using ApiConnection connection = server.Connect();

        await foreach (RealtimeEvent _ in ReadRealtimeEvents(connection))
        {
            break;
        }

        Assert.Equal("close NormalClosure", await serverSawTheEnd.Task.WaitAsync(StreamServer.Quickly));
    }

    [Fact]
    public async Task The_call_options_in_force_when_the_method_is_called_go_with_the_handshake()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted));
        var options = new ApiClientOptions();
        options.DefaultHeaders["X-Source"] = "client";
        using ApiConnection connection = server.Connect(options);

        IAsyncEnumerable<RealtimeEvent> stream;
        using (ApiCallOptions.Use(new ApiCallOptions { Headers = { ["X-Source"] = "call" }, Query = { new KeyValuePair<string, string>("trace", "on") } }))
        {
            stream = WebSocketMessages.ReadJsonAsync(connection, new ApiRequest("GET", "/v1/realtime"), RealtimeEventCodec);
        }

        // Enumerated outside the scope: the settings were taken when the method was called.
        Assert.Empty(await stream.CollectAsync());
        Assert.Equal("GET /v1/realtime?trace=on", server.LastRequestLine);
        Assert.Equal("call", server.LastRequestHeaders?["X-Source"].ToString());
    }

    [Fact]
    public async Task A_websocket_stream_is_one_span_with_its_message_count_and_how_it_ended()
    {
        await using StreamServer server = await StartWebSocketServerAsync(async (context, socket) =>
        {
            await SendInFramesAsync(socket, Created, frameSize: 100);
            await SendInFramesAsync(socket, Done, frameSize: 100);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions());
        var spans = new List<System.Diagnostics.Activity>();
        using var source = new System.Diagnostics.ActivitySource(nameof(WebSocketMessagesTests));
        System.Diagnostics.Activity parent;
        using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddSource(ApiTelemetry.Name, nameof(WebSocketMessagesTests)).AddInMemoryExporter(spans).Build())
        {
            using (parent = source.StartActivity("test")!)
            {
                Assert.Equal(2, (await WebSocketMessages.ReadJsonAsync(connection, new ApiRequest("GET", "/v1/realtime/{id}").Path("id", "abc"), RealtimeEventCodec).CollectAsync()).Count);
            }

            tracing.ForceFlush();
        }

        System.Diagnostics.Activity span = Assert.Single(spans, s => s.Source.Name == ApiTelemetry.Name && s.TraceId == parent.TraceId);
        Assert.Equal(2, span.GetTagItem("oacg.stream.items"));
        Assert.Equal("completed", span.GetTagItem("oacg.stream.outcome"));
        Assert.Equal("/v1/realtime/{id}", span.GetTagItem("url.template"));
    }

    private static Task<StreamServer> StartWebSocketServerAsync(Func<HttpContext, WebSocket, Task> talk) =>
        StreamServer.StartAsync(async context =>
        {
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await talk(context, socket);
        });

    private static IAsyncEnumerable<RealtimeEvent> ReadRealtimeEvents(ApiConnection connection, CancellationToken cancellationToken = default) =>
        WebSocketMessages.ReadJsonAsync(connection, new ApiRequest("GET", "/v1/realtime"), RealtimeEventCodec, cancellationToken);

    private static async Task SendInFramesAsync(WebSocket socket, string json, int frameSize)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        for (int offset = 0; offset < bytes.Length; offset += frameSize)
        {
            int count = Math.Min(frameSize, bytes.Length - offset);
            await socket.SendAsync(new ArraySegment<byte>(bytes, offset, count), WebSocketMessageType.Text, endOfMessage: offset + count == bytes.Length, CancellationToken.None);
            await Task.Delay(1);
        }
    }

    /// <summary>Waits for the client to close or drop the socket, for at most 30 seconds, and says which.</summary>
    private static async Task<string> ReceiveEndAsync(WebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(new ArraySegment<byte>(new byte[256]), limit.Token);
            return result.MessageType == WebSocketMessageType.Close ? "close " + result.CloseStatus : "message";
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or System.IO.IOException)
        {
            return limit.IsCancellationRequested ? "" : "dropped";
        }
    }

    public sealed class RealtimeEvent
    {
        public string Type { get; set; } = "";

        public string? Delta { get; set; }
    }
}
