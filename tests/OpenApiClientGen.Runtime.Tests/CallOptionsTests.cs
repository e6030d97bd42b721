using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Settings for one call, given by a scope around it, reach the wire and leave other calls alone.</summary>
public sealed class CallOptionsTests
{
    private static ApiClientOptions Quick() => new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task A_per_call_header_and_query_parameter_reach_the_wire_and_the_next_call_has_neither()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => context.Response.WriteAsync("ok"));
        var options = Quick();
        options.DefaultHeaders["X-Team"] = "default";
        using ApiConnection connection = server.Connect(options);
        var call = new ApiCallOptions { Headers = { ["X-Team"] = "billing", ["X-Trace"] = "t 1" }, Query = { new("debug", "a&b"), new("debug", "2") } };

        using (ApiCallOptions.Use(call))
        {
            await connection.SendForTextResponseAsync(new ApiRequest("GET", "/items").Query("page", 2), CancellationToken.None);
        }

        Assert.Equal("GET /items?page=2&debug=a%26b&debug=2", server.LastRequestLine);
        Assert.Equal("billing", server.LastRequestHeaders!["X-Team"].ToString());
        Assert.Equal("t 1", server.LastRequestHeaders!["X-Trace"].ToString());

        await connection.SendForTextResponseAsync(new ApiRequest("GET", "/items"), CancellationToken.None);

        Assert.Equal("GET /items", server.LastRequestLine);
        Assert.Equal("default", server.LastRequestHeaders!["X-Team"].ToString());
        Assert.False(server.LastRequestHeaders!.ContainsKey("X-Trace"));
    }

    [Fact]
    public async Task A_per_call_retry_override_sends_once()
    {
        int requests = 0;
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using ApiConnection connection = server.Connect(Quick());

        using (ApiCallOptions.Use(new ApiCallOptions { MaxRetries = 0 }))
        {
            await Assert.ThrowsAnyAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/items"), CancellationToken.None));
        }

        Assert.Equal(1, Volatile.Read(ref requests));

        // Outside the scope, the client's own count applies again.
        await Assert.ThrowsAnyAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/items"), CancellationToken.None));
        Assert.Equal(2 + ApiClientOptions.DefaultMaxRetries, Volatile.Read(ref requests));
    }

    [Fact]
    public async Task A_per_call_timeout_gives_up_with_a_TimeoutException()
    {
        await using StreamServer server = await StreamServer.StartAsync(StreamServer.WaitForClientToLeaveAsync);
        using ApiConnection connection = server.Connect(Quick());

        using (ApiCallOptions.Use(new ApiCallOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 }))
        {
            TimeoutException ex = await Assert.ThrowsAsync<TimeoutException>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/slow"), CancellationToken.None));
            Assert.Contains("GET /slow", ex.Message);
        }
    }

    [Fact]
    public async Task A_stream_takes_the_settings_of_the_scope_its_method_was_called_in()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents));
        using ApiConnection connection = server.Connect(Quick());
        IAsyncEnumerable<ConversationEvents> stream;
        using (ApiCallOptions.Use(new ApiCallOptions { Headers = { ["X-Call"] = "stream" } }))
        {
            stream = new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest());
        }

        (var events, Exception? failure) = await stream.CollectUntilFailureAsync();

        Assert.Null(failure);
        Assert.Equal(2, events.Count);
        Assert.Equal("stream", server.LastRequestHeaders!["X-Call"].ToString());
    }
}
