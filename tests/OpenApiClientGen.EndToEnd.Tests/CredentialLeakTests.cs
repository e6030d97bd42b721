using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OpenApiClientGen.Runtime;
using Secured;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>
/// A hostile server echoes every credential the request carried, in every encoding, in the reason phrase, the headers
/// and the body; none of it may reach an exception. A redirect to another origin must not receive a credential.
/// </summary>
public sealed class CredentialLeakTests
{
    private const string ApiKey = "k3y+Secret/Value=42";
    private const string Session = "s3ss+Cookie/Value=7";
    private const string Token = "t0k+Bearer/Token=99";
    private const string User = "alice";
    private const string Password = "pa55+Word/Basic=1";

    private static readonly string[] Credentials = { ApiKey, Session, Token, Password, User + ":" + Password };

    /// <summary>Each credential raw, JSON-escaped as System.Text.Json writes it, percent-encoded and base64.</summary>
    private static IEnumerable<string> Forms(string credential) => new[]
    {
        credential,
        JsonEncodedText.Encode(credential).ToString(),
        Uri.EscapeDataString(credential),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)),
    };

    private static readonly string[] AllForms = Credentials.SelectMany(Forms).Distinct().ToArray();

    private static string Echo => string.Join(" ", AllForms);

    [Fact]
    public async Task A_typed_error_keeps_no_credential_in_any_encoding()
    {
        await using LoopbackServer server = await EchoServer(400, "{\"detail\": " + Quote(Echo) + "}");
        using var client = CreateClient(server);

        var error = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.Items.GetItemAsync("1"));

        AssertNoCredential(error, error.Error.Detail ?? "");
        Assert.Contains("[redacted]", error.Error.Detail);
    }

    [Fact]
    public async Task An_untyped_error_keeps_no_credential_in_any_encoding()
    {
        await using LoopbackServer server = await EchoServer(500, Echo);
        using var client = CreateClient(server);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Items.GetItemAsync("1"));

        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_success_body_that_does_not_parse_keeps_no_credential_even_in_inner_messages()
    {
        await using LoopbackServer server = await EchoServer(200, "{\"name\": \"x\", \"when\": " + Quote(ApiKey) + ", \"echo\": " + Quote(Echo) + "}");
        using var client = CreateClient(server);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.Items.GetItemAsync("1"));

        Assert.NotNull(error.InnerException);
        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_malformed_event_keeps_no_credential_in_its_stream_exception()
    {
        string events = "data: {\"name\": \"ok\"}\n\ndata: {\"name\": " + Quote(Echo) + ", \"when\": " + Quote(Token) + "}\n\n";
        await using LoopbackServer server = await EchoServer(200, events, "text/event-stream");
        using var client = CreateClient(server);

        var items = new List<Item>();
        var error = await Assert.ThrowsAsync<ApiStreamException>(async () =>
        {
            await foreach (Item item in client.Events.StreamEventsAsync())
            {
                items.Add(item);
            }
        });

        Assert.Single(items);
        Assert.Equal(ApiStreamFailure.MalformedEvent, error.Failure);
        AssertNoCredential(error);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_receives_no_credential()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync((context, _) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "items/1").AbsoluteUri;
            return Task.CompletedTask;
        });
        using var client = CreateClient(server);

        var error = await Assert.ThrowsAsync<ApiRedirectException>(() => client.Items.GetItemAsync("1"));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Equal(elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority), error.TargetOrigin);
        Assert.Single(server.Requests);
        string received = string.Concat(elsewhere.Requests.Select(r => string.Join("\n", r.Headers.Select(h => h.Key + ": " + h.Value)) + r.RawTarget + r.Body));
        Assert.Equal(0, AllForms.Sum(form => Occurrences(received, form)));
        Assert.Empty(elsewhere.Requests);
    }

    public static TheoryData<string> PlainHeaderCarriers => new() { "client options", "call options", "HttpClient" };

    [Theory]
    [MemberData(nameof(PlainHeaderCarriers))]
    public async Task A_key_set_as_a_plain_header_keeps_the_redirects_on_the_origin(string carrier)
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync((context, _) => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "items/1").AbsoluteUri;
            return Task.CompletedTask;
        });
        using var http = new HttpClient(ApiConnection.CreatePrimaryHandler());
        var options = new SecuredClientOptions { BaseAddress = server.BaseAddress };
        var call = new ApiCallOptions();
        switch (carrier)
        {
            case "client options": options.DefaultHeaders["X-Api-Key"] = ApiKey; break;
            case "call options": call.Headers["Authorization"] = "Bearer " + Token; break;
            default: http.DefaultRequestHeaders.Add("Api-Key", ApiKey); break;
        }

        using var client = new SecuredClient(http, options);
        using (ApiCallOptions.Use(call))
        {
            var error = await Assert.ThrowsAsync<ApiRedirectException>(() => client.Items.GetItemAsync("1"));
            Assert.Equal(elsewhere.BaseAddress.GetLeftPart(UriPartial.Authority), error.TargetOrigin);
        }

        Assert.Single(server.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_redirect_from_a_request_without_credentials_is_followed_to_another_origin()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\": \"elsewhere\"}");
        });
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "items/1").AbsoluteUri;
            return Task.CompletedTask;
        });
        var options = new SecuredClientOptions { BaseAddress = server.BaseAddress };
        options.DefaultHeaders["X-Trace"] = "not a credential";
        using var client = new SecuredClient(options);

        Item item = await client.Items.GetItemAsync("1");

        Assert.Equal("elsewhere", item.Name);
        Assert.Equal("not a credential", elsewhere.LastRequest.Headers["X-Trace"].ToString());
    }

    [Fact]
    public async Task A_key_set_as_a_default_header_is_scrubbed_from_an_error()
    {
        await using LoopbackServer server = await EchoServer(500, Echo);
        var options = new SecuredClientOptions { BaseAddress = server.BaseAddress };
        options.DefaultHeaders["X-Api-Key"] = ApiKey;
        var call = new ApiCallOptions();
        call.Headers["Authorization"] = "Bearer " + Token;
        using var client = new SecuredClient(options);

        ApiException error;
        using (ApiCallOptions.Use(call))
        {
            error = await Assert.ThrowsAsync<ApiException>(() => client.Items.GetItemAsync("1"));
        }

        string everything = string.Join("\n", error.Message, error.ToString(), error.Body ?? "", error.ReasonPhrase ?? "", string.Join("\n", error.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));
        Assert.Contains("[redacted]", error.Body);
        var found = Forms(ApiKey).Concat(Forms(Token)).Where(form => Occurrences(everything, form) > 0).ToList();
        Assert.True(found.Count == 0, "Found " + string.Join(", ", found) + " in:\n" + everything);
    }

    [Fact]
    public async Task A_redirect_to_the_same_origin_is_followed_with_the_credentials()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (request.Path == "/items/1")
            {
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "/items/2";
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\": \"moved\"}");
        });
        using var client = CreateClient(server);

        Item item = await client.Items.GetItemAsync("1");

        Assert.Equal("moved", item.Name);
        Assert.Equal(new[] { "/items/1", "/items/2" }, server.Requests.Select(r => r.Path));
        Assert.Equal(ApiKey, server.LastRequest.Headers["X-Api-Key"].ToString());
    }

    [Fact]
    public async Task An_empty_path_value_or_a_null_required_body_is_refused_before_anything_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var client = CreateClient(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Items.DeleteItemAsync(""));
        var missing = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Items.PutItemAsync("1", (Item)null!));
        Assert.Equal("item", missing.ParamName);

        Assert.Empty(server.Requests);
    }

    private static SecuredClient CreateClient(LoopbackServer server)
    {
        var options = new SecuredClientOptions { BaseAddress = server.BaseAddress, ApiKey = ApiKey, BearerToken = Token, Username = User, Password = Password };
        options.Credentials["session"] = Session;
        return new SecuredClient(options);
    }

    private static Task<LoopbackServer> EchoServer(int status, string body, string contentType = "application/json") =>
        LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = status;
            context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = "Echo " + Echo;
            for (int i = 0; i < AllForms.Length; i++)
            {
                context.Response.Headers["X-Echo-" + i] = AllForms[i];
            }

            context.Response.Headers["X-Api-Key"] = ApiKey;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    private static void AssertNoCredential(ApiException error, string extra = "")
    {
        string everything = string.Join(
            "\n",
            error.Message,
            error.ToString(),
            error.Body ?? "",
            error.ReasonPhrase ?? "",
            string.Join("\n", error.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))),
            extra);
        Assert.Contains("[redacted]", everything);
        var found = AllForms.Where(form => Occurrences(everything, form) > 0).ToList();
        Assert.True(found.Count == 0, "Found " + string.Join(", ", found) + " in:\n" + everything);
    }

    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text) + "\"";

    private static int Occurrences(string text, string form)
    {
        int count = 0;
        for (int at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
