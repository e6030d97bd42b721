using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>A transient failure is sent again, a lasting one is not, and a stream is never sent again once it has given an item.</summary>
public sealed class RetryTests
{
    // Short waits, so that the tests that do not look at the wait do not spend it.
    private static ApiClientOptions Quick(int maxRetries = ApiClientOptions.DefaultMaxRetries) =>
        new() { MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>Answers the n-th request with <paramref name="statuses"/>[n] (the last one for every later request), noting each arrival.</summary>
    private sealed class Script
    {
        private readonly int[] _statuses;
        private int _count;

        public Script(params int[] statuses) => _statuses = statuses;

        public int Count => Volatile.Read(ref _count);

        public ConcurrentQueue<(TimeSpan At, IHeaderDictionary Headers, string Body)> Arrivals { get; } = new();

        public Action<HttpResponse, int>? Decorate { get; init; }

        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public async Task HandleAsync(HttpContext context)
        {
            int n = Interlocked.Increment(ref _count) - 1;
            string body = (string?)context.Items[StreamServer.RequestBodyItem] ?? "";
            Arrivals.Enqueue((_clock.Elapsed, new HeaderDictionary(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(context.Request.Headers)), body));
            int status = _statuses[Math.Min(n, _statuses.Length - 1)];
            context.Response.StatusCode = status;
            Decorate?.Invoke(context.Response, n);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(status < 400 ? "{\"ok\":true}" : "{\"error\":\"try again\"}");
        }
    }

    private static async Task<string> SendAsync(ApiConnection connection, ApiRequest? request = null) =>
        (await connection.SendForTextResponseAsync(request ?? new ApiRequest("POST", "/things").TextBody("{\"name\":\"x\"}", "application/json"), CancellationToken.None)).Value;

    [Fact]
    public async Task A_429_with_Retry_After_is_sent_again_after_the_wait_the_server_asked_for()
    {
        var script = new Script(429, 200) { Decorate = (response, n) => response.Headers["Retry-After"] = "1" };
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());

        Assert.Equal("{\"ok\":true}", await SendAsync(connection));

        Assert.Equal(2, script.Count);
        (TimeSpan first, _, _) = script.Arrivals.ToArray()[0];
        (TimeSpan second, _, _) = script.Arrivals.ToArray()[1];

        // By the server's clock: a lower bound on the wait, with room for timer rounding, not a speed target.
        Assert.True(second - first >= TimeSpan.FromMilliseconds(950), $"The retry came {(second - first).TotalMilliseconds} ms after the 429.");
    }

    [Fact]
    public async Task Retry_After_Ms_is_honoured_and_a_wait_longer_than_the_cap_is_not_retried()
    {
        var honoured = new Script(503, 200) { Decorate = (response, n) => response.Headers["Retry-After-Ms"] = "300" };
        await using (StreamServer server = await StreamServer.StartAsync(honoured.HandleAsync))
        {
            using ApiConnection connection = server.Connect(Quick());
            await SendAsync(connection);
        }

        TimeSpan[] at = Array.ConvertAll(honoured.Arrivals.ToArray(), a => a.At);
        Assert.Equal(2, at.Length);
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(250), $"The retry came {(at[1] - at[0]).TotalMilliseconds} ms after the 503.");

        var tooLong = new Script(429, 200) { Decorate = (response, n) => response.Headers["Retry-After"] = "3600" };
        await using (StreamServer server = await StreamServer.StartAsync(tooLong.HandleAsync))
        {
            using ApiConnection connection = server.Connect(Quick());
            ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => SendAsync(connection));
            Assert.Equal((HttpStatusCode)429, ex.StatusCode);
        }

        Assert.Equal(1, tooLong.Count);
    }

    [Fact]
    public async Task A_500_then_a_200_succeeds_with_the_body_sent_intact_each_time()
    {
        var script = new Script(500, 200);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());
        var request = new ApiRequest("POST", "/things").JsonBody("x", new TextCodec());

        Assert.Equal("{\"ok\":true}", await SendAsync(connection, request));

        Assert.Equal(2, script.Count);
        Assert.Equal(1, request.Retries);
        Assert.All(script.Arrivals, a => Assert.Equal("\"x\"", a.Body));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_client_error_is_not_sent_again(int status)
    {
        var script = new Script(status, 200);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => SendAsync(connection));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, script.Count);
    }

    [Fact]
    public async Task Every_attempt_is_spent_on_a_lasting_5xx_and_the_last_answer_is_thrown()
    {
        var script = new Script(502);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => SendAsync(connection));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(1 + ApiClientOptions.DefaultMaxRetries, script.Count);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_once()
    {
        var script = new Script(503, 200);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick(maxRetries: 0));

        await Assert.ThrowsAnyAsync<ApiException>(() => SendAsync(connection));

        Assert.Equal(1, script.Count);
    }

    [Fact]
    public async Task A_connection_refused_before_any_answer_is_tried_again()
    {
        // A port nothing listens on: every attempt fails before a response.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Quick();
        var request = new ApiRequest("GET", "/things");
        using var connection = new ApiConnection(new System.Net.Http.HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") }, options, null, ownsHttpClient: true);

        await Assert.ThrowsAsync<System.Net.Http.HttpRequestException>(() => connection.SendForTextResponseAsync(request, CancellationToken.None));

        Assert.Equal(ApiClientOptions.DefaultMaxRetries, request.Retries);
    }

    [Fact]
    public async Task A_stream_that_broke_after_its_first_event_is_not_sent_again()
    {
        int requests = 0;
        var held = new Held(2);
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            await StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents);
            await held.WaitAsync();
            context.Abort();
        });
        using ApiConnection connection = server.Connect(Quick());

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync(held);

        Assert.Equal(2, events.Count);
        Assert.IsType<ApiStreamException>(failure);
        Assert.Equal(1, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task A_stream_answered_503_before_its_body_is_sent_again_and_read()
    {
        int requests = 0;
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents);
        });
        using ApiConnection connection = server.Connect(Quick());

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Null(failure);
        Assert.Equal(2, events.Count);
        Assert.Equal(2, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task A_retried_request_never_leaks_its_credential_into_the_exception()
    {
        const string Secret = "sk-retry-secret-123456";
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            // A server that echoes what it was sent, as some error pages do.
            context.Response.StatusCode = 500;
            context.Response.Headers["X-Echo"] = context.Request.Headers.Authorization.ToString();
            await context.Response.WriteAsync("bad token " + context.Request.Headers.Authorization);
        });
        var options = Quick();
        options.BearerToken = Secret;
        using ApiConnection connection = server.Connect(options);
        var request = new ApiRequest("GET", "/things").Security(new ApiSecurityScheme("bearer", ApiSecurityKind.Bearer));

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => connection.SendForTextResponseAsync(request, CancellationToken.None));

        Assert.Equal(ApiClientOptions.DefaultMaxRetries, request.Retries);
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(Secret, ex.Body ?? "");
        Assert.All(ex.Headers, h => Assert.All(h.Value, v => Assert.DoesNotContain(Secret, v)));
    }

    [Fact]
    public async Task A_POST_retry_carries_the_same_Idempotency_Key_as_the_first_attempt()
    {
        var script = new Script(500, 503, 200);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());

        // As a generated method writes a declared Idempotency-Key header parameter the caller left null.
        await SendAsync(connection, new ApiRequest("POST", "/things").Header("Idempotency-Key", null).TextBody("{}", "application/json"));

        string[] keys = Array.ConvertAll(script.Arrivals.ToArray(), a => a.Headers["Idempotency-Key"].ToString());
        Assert.Equal(3, keys.Length);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.All(keys, key => Assert.Equal(keys[0], key));
    }

    [Fact]
    public async Task An_Idempotency_Key_the_caller_set_is_kept_and_none_is_added_where_the_operation_declares_none()
    {
        var script = new Script(500, 200);
        await using StreamServer server = await StreamServer.StartAsync(script.HandleAsync);
        using ApiConnection connection = server.Connect(Quick());

        await SendAsync(connection, new ApiRequest("POST", "/things").Header("Idempotency-Key", "mine-1").TextBody("{}", "application/json"));
        await SendAsync(connection, new ApiRequest("POST", "/things").TextBody("{}", "application/json"));

        string[] keys = Array.ConvertAll(script.Arrivals.ToArray(), a => a.Headers["Idempotency-Key"].ToString());
        Assert.Equal(new[] { "mine-1", "mine-1", "" }, keys);
    }

    private sealed class TextCodec : System.Text.Json.Serialization.JsonConverter<string>
    {
        public override string Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) => reader.GetString()!;

        public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
