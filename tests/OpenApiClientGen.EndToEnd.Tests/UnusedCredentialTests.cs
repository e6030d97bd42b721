using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Mistral;
using Operations;
using PetStore;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>
/// A credential set on the options that none of the spec's security schemes takes fails the client's construction,
/// naming the schemes there are and never the credential; a credential a scheme takes is sent as before.
/// </summary>
public sealed class UnusedCredentialTests
{
    private const string Key = "mistral-k3y+Secret=1";

    [Fact]
    public void An_api_key_on_a_client_whose_only_scheme_is_http_bearer_is_an_argument_exception()
    {
        // Mistral's one scheme is named ApiKey but is an HTTP bearer scheme, which is how the mistake is made.
        var error = Assert.Throws<ArgumentException>(() => new MistralClient(new System.Net.Http.HttpClient(), new MistralClientOptions { ApiKey = Key }));

        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("ApiKey is set, but no security scheme of this API uses it. The API's schemes: ApiKey (HTTP bearer, from BearerToken, or Credentials[\"ApiKey\"]).", error.Message);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public void A_client_that_makes_its_own_http_client_checks_the_same_way()
    {
        var options = new MistralClientOptions { Username = "ann", Password = "pw-s3cret" };

        var error = Assert.Throws<ArgumentException>(() => new MistralClient(options));

        Assert.StartsWith("Username, Password are set, but no security scheme of this API uses them.", error.Message);
        Assert.DoesNotContain("ann", error.Message);
        Assert.DoesNotContain("pw-s3cret", error.Message);
    }

    [Fact]
    public void A_credential_by_a_name_no_scheme_has_lists_every_scheme_the_api_has()
    {
        var options = new OperationsClientOptions { ApiKey = "k-1" };
        options.Credentials["bearer"] = "tok-2";

        var error = Assert.Throws<ArgumentException>(() => new OperationsClient(new System.Net.Http.HttpClient(), options));

        Assert.StartsWith("Credentials[\"bearer\"] is set, but no security scheme of this API uses it. The API's schemes: bearerAuth (HTTP bearer, ", error.Message);
        Assert.Contains("basicAuth (HTTP basic, from Username and Password, or Credentials[\"basicAuth\"])", error.Message);
        Assert.Contains("apiKeyHeader (API key in the header 'X-Api-Key', from ApiKey, or Credentials[\"apiKeyHeader\"])", error.Message);
        Assert.Contains("apiKeyQuery (API key in the query parameter 'api_key', ", error.Message);
        Assert.Contains("apiKeyCookie (API key in the cookie 'session', ", error.Message);
        Assert.DoesNotContain("tok-2", error.Message);
        Assert.DoesNotContain("k-1", error.Message);
    }

    [Fact]
    public void A_credential_on_a_client_whose_spec_declares_no_scheme_is_an_argument_exception()
    {
        var error = Assert.Throws<ArgumentException>(() => new PetStoreClient(new System.Net.Http.HttpClient(), new PetStoreClientOptions { BearerToken = "tok-3" }));

        Assert.StartsWith("BearerToken is set, but no security scheme of this API uses it. The API declares no security schemes.", error.Message);
    }

    [Fact]
    public void A_client_registered_for_dependency_injection_is_checked_when_it_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddMistralClient(options => options.ApiKey = Key);
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<MistralClient>());

        Assert.Contains("ApiKey is set", error.Message);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public async Task A_credential_a_scheme_takes_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[]");
        });
        using var bearer = new MistralClient(server.CreateHttpClient(), new MistralClientOptions { BearerToken = Key });
        var byName = new MistralClientOptions();
        byName.Credentials["ApiKey"] = "by-name";
        using var named = new MistralClient(server.CreateHttpClient(), byName);

        await bearer.Beta.Conversations.ListAsync();
        string first = server.LastRequest.Headers.Authorization.ToString();
        await named.Beta.Conversations.ListAsync();

        Assert.Equal("Bearer " + Key, first);
        Assert.Equal("Bearer by-name", server.LastRequest.Headers.Authorization.ToString());
    }
}
