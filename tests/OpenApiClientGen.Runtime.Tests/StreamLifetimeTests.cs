using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>How long a stream lives: timeouts, cancellation, and leaving early.</summary>
public sealed class StreamLifetimeTests
{
    private const string DeltaEvent =
        "event: message.output.delta\ndata: {\"type\":\"message.output.delta\",\"id\":\"msg_01\",\"content\":\"more\"}\n\n";

    private readonly ITestOutputHelper _output;

    public StreamLifetimeTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task HttpClient_timeout_bounds_the_wait_for_headers_but_not_a_long_healthy_stream()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync(context.RequestAborted);
            for (int i = 0; i < 6; i++)
            {
                await Task.Delay(700, context.RequestAborted);
                await StreamServer.WriteSlowlyAsync(context, DeltaEvent, pieceSize: 1000);
            }
        });

        // Long enough that a busy machine still gets the headers in time; the stream lasts about twice as long.
        TimeSpan timeout = TimeSpan.FromSeconds(2.5);
        using ApiConnection connection = server.Connect(configure: http => http.Timeout = timeout);
        var stopwatch = Stopwatch.StartNew();

        List<ConversationEvents> events = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectAsync();

        _output.WriteLine($"6 events over {stopwatch.Elapsed} with HttpClient.Timeout = {timeout}");
        Assert.Equal(6, events.Count);
        Assert.True(stopwatch.Elapsed > timeout, "The stream must outlast HttpClient.Timeout for this test to mean anything.");
    }

    [Fact]
    public async Task HttpClient_timeout_still_bounds_a_server_that_never_sends_headers()
    {
        await using StreamServer server = await StreamServer.StartAsync(StreamServer.WaitForClientToLeaveAsync);
        using ApiConnection connection = server.Connect(configure: http => http.Timeout = TimeSpan.FromMilliseconds(300));

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Empty(events);
        Assert.IsType<TimeoutException>(Assert.IsType<TaskCanceledException>(failure).InnerException);
    }

    [Fact]
    public async Task A_server_that_goes_quiet_longer_than_the_idle_timeout_fails_the_stream_and_frees_the_connection()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, DeltaEvent);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) });

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Single(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.IdleTimeout, 1), (ex.Failure, ex.EventIndex));
        Assert.StartsWith("POST /v1/conversations: the server sent nothing for 00:00:01 after 1 event", ex.Message);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public void Streams_have_a_first_item_and_an_idle_timeout_by_default()
    {
        var options = new ApiClientOptions();
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)), (options.StreamFirstItemTimeout, options.StreamIdleTimeout));
    }

    [Fact]
    public async Task Heartbeats_do_not_keep_a_stream_alive_past_the_first_item_timeout()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            for (int i = 0; i < 100 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await StreamServer.WriteSlowlyAsync(context, ": thinking\n\n");
                await Task.Delay(50, context.RequestAborted);
            }
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamFirstItemTimeout = TimeSpan.FromMilliseconds(600), StreamIdleTimeout = TimeSpan.FromMilliseconds(200) });

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Empty(events);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.FirstItemTimeout, 0), (ex.Failure, ex.EventIndex));
        Assert.Contains("no event within 00:00:00.6000000 of its response headers (ApiClientOptions.StreamFirstItemTimeout)", ex.Message);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }

    [Fact]
    public async Task Before_the_first_event_a_silence_longer_than_the_idle_timeout_is_waited_out()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.StartAsync(context.RequestAborted);
            await Task.Delay(700, context.RequestAborted);
            await StreamServer.WriteSlowlyAsync(context, DeltaEvent + DeltaEvent);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamFirstItemTimeout = TimeSpan.FromSeconds(20), StreamIdleTimeout = TimeSpan.FromMilliseconds(200) });

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Null(failure);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task Heartbeat_comments_keep_a_stream_alive_past_the_idle_timeout()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, DeltaEvent);
            for (int i = 0; i < 15; i++)
            {
                await Task.Delay(100, context.RequestAborted);
                await StreamServer.WriteSlowlyAsync(context, ": ping\n\n");
            }

            await StreamServer.WriteSlowlyAsync(context, DeltaEvent);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { StreamIdleTimeout = TimeSpan.FromSeconds(1) });

        (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync();

        Assert.Null(failure);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_next_event_throws_and_the_server_sees_the_client_leave()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, DeltaEvent + DeltaEvent);
            await StreamServer.WaitForClientToLeaveAsync(context);
        });
        using ApiConnection connection = server.Connect();
        using var cancellation = new CancellationTokenSource();
        int received = 0;
        var stopwatch = new Stopwatch();

        Task reading = Task.Run(async () =>
        {
            await foreach (ConversationEvents _ in new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest(), cancellation.Token))
            {
                if (++received == 2)
                {
                    stopwatch.Start();
                    cancellation.CancelAfter(100);
                }
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(StreamServer.HangGuard));
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
        _output.WriteLine($"The server saw the client leave {stopwatch.Elapsed} after the second event (cancelled at 100 ms).");
        Assert.Equal(2, received);
    }

    [Fact]
    public async Task Leaving_the_enumeration_early_disposes_the_response_and_the_server_sees_the_client_leave()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await StreamServer.KeepSendingAsync(context, DeltaEvent, TimeSpan.FromMilliseconds(20));
        });
        using ApiConnection connection = server.Connect();
        int received = 0;

        await foreach (ConversationEvents _ in new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()))
        {
            if (++received == 3)
            {
                break;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
        _output.WriteLine($"The server saw the client leave {stopwatch.Elapsed} after the loop ended.");
    }
}
