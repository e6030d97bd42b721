using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using OpenApiClientGen.Runtime;
using Operations;
using Polly;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>
/// A client registered with <c>AddStandardResilienceHandler</c> has two retry loops, its own and the handler's: only
/// the handler's may retry, or their attempts multiply.
/// </summary>
public sealed class ResilienceCompositionTests
{
    [Fact]
    public async Task With_the_standard_resilience_handler_only_the_handler_retries()
    {
        int attempts = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            Interlocked.Increment(ref attempts);
            context.Response.StatusCode = 503;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":"busy"}""");
        });
        var services = new ServiceCollection();
        services.AddOperationsClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        }).AddStandardResilienceHandler(handler =>
        {
            handler.Retry.Delay = TimeSpan.FromMilliseconds(1);
            handler.Retry.BackoffType = DelayBackoffType.Constant;
            handler.Retry.UseJitter = false;
        });

        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OperationsClient>();

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.FallbackAsync());

        // The handler's default is 3 retries, so 4 attempts; the client's own 2 retries around it would make 12.
        Assert.Equal(503, (int)error.StatusCode);
        Assert.Equal(1 + new HttpRetryStrategyOptions().MaxRetryAttempts, attempts);
    }

    [Fact]
    public async Task Without_a_resilience_handler_the_client_retries_itself()
    {
        int attempts = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            Interlocked.Increment(ref attempts);
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("busy");
        });
        var services = new ServiceCollection();
        services.AddOperationsClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
        });

        await using ServiceProvider provider = services.BuildServiceProvider();
        await Assert.ThrowsAnyAsync<ApiException>(() => provider.GetRequiredService<OperationsClient>().FallbackAsync());

        Assert.Equal(1 + ApiClientOptions.DefaultMaxRetries, attempts);
    }
}
