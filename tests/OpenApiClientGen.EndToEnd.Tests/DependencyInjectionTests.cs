using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenApiClientGen.Runtime;
using Operations;
using Secured;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>
/// The generated <c>services.AddOperationsClient(...)</c>: a typed IHttpClientFactory client whose builder chains, whose
/// options may come from configuration and follow its reloads, and whose handler leaves redirects to the connection.
/// </summary>
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
        Operations.Item item = await client.FallbackAsync();

        Assert.Equal("OperationsClient", builder.Name);
        Assert.Equal("Box", item.Name);
        Assert.Equal("Bearer tok-di", server.LastRequest.Headers.Authorization.ToString());
    }

    [Fact]
    public async Task Options_bound_from_configuration_follow_its_reloads_on_the_same_client()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"name":"Lamp"}""");
        });
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secured:BaseAddress"] = server.BaseAddress.AbsoluteUri,
            ["Secured:ApiKey"] = "first-key",
            ["Secured:defaultHeaders:X-Source"] = "settings",
            ["Secured:MaxRetries"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecuredClient(configuration.GetSection("Secured"));
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<SecuredClient>();

        await client.Items.GetItemAsync("1");
        configuration["Secured:ApiKey"] = "second-key";
        configuration.Reload();
        Secured.Item item = await client.Items.GetItemAsync("2");

        Assert.Equal("Lamp", item.Name);
        Assert.Equal(new[] { "first-key", "second-key" }, server.Requests.Select(r => r.Headers["X-Api-Key"].ToString()));
        Assert.All(server.Requests, r => Assert.Equal("settings", r.Headers["X-Source"].ToString()));
    }

    [Fact]
    public void A_setting_that_does_not_read_names_its_key_and_not_its_value()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MaxRetries"] = "sk-not-a-number",
        }).Build();
        var services = new ServiceCollection();
        services.AddSecuredClient(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SecuredClient>());

        Assert.Contains("MaxRetries", error.Message);
        Assert.DoesNotContain("sk-not-a-number", error.Message);
    }

    [Fact]
    public async Task A_registered_client_sends_no_credential_through_a_redirect_to_another_origin()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync((context, _) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "items/1").AbsoluteUri;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddSecuredClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.ApiKey = "redirected-key";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<SecuredClient>();

        var error = await Assert.ThrowsAsync<ApiRedirectException>(() => client.Items.GetItemAsync("1"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Equal("redirected-key", Assert.Single(server.Requests).Headers["X-Api-Key"].ToString());
        Assert.Empty(elsewhere.Requests);
    }
}
