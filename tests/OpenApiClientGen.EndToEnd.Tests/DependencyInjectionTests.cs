using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Operations;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>The generated <c>services.AddOperationsClient(...)</c>: a typed IHttpClientFactory client whose builder chains.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task The_registered_client_uses_the_options_and_the_chained_resilience_handler()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"i1","name":"Box"}""");
        });
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddOperationsClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.BearerToken = "tok-di";
        });
        builder.AddStandardResilienceHandler();

        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<OperationsClient>();
        Item item = await client.FallbackAsync();

        Assert.Equal("OperationsClient", builder.Name);
        Assert.Equal("Box", item.Name);
        Assert.Equal("Bearer tok-di", server.LastRequest.Headers.Authorization.ToString());
    }
}
