using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Operations;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>The client generated from tests/Specs/operations.yaml: exact wire traffic for each parameter style and body kind.</summary>
public sealed class OperationsTests
{
    private const string ItemJson = """{"id":"i1","name":"Box","count":3}""";

    [Fact]
    public async Task Query_styles_header_and_cookie_are_written_as_the_spec_says()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 200, "[" + ItemJson + "]"));
        using var client = new OperationsClient(server.CreateHttpClient());

        IList<Item> items = await client.Items.ListItemsAsync(
            tags: new[] { "a b", "c" },
            ids: new long[] { 3, 4, 5 },
            words: new[] { "x", "y" },
            codes: new[] { "p", "q" },
            filter: new Filter { Status = "open", Owner = "me" },
            metadata: new Dictionary<string, JsonElement> { ["team"] = JsonDocument.Parse("\"core\"").RootElement },
            xTraceId: "trace-1",
            theme: "dark mode");

        RecordedRequest request = server.LastRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "/items?tags=a%20b&tags=c&ids=3,4,5&words=x%20y&codes=p%7Cq&filter[status]=open&filter[owner]=me&metadata=%7B%22team%22%3A%22core%22%7D",
            request.RawTarget);
        Assert.Equal("trace-1", request.Headers["X-Trace-Id"].ToString());
        Assert.Equal("theme=dark%20mode", request.Headers.Cookie.ToString());
        Assert.Equal("Box", Assert.Single(items).Name);
    }

    [Fact]
    public async Task Unset_optional_parameters_are_left_out()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 200, "[]"));
        using var client = new OperationsClient(server.CreateHttpClient());

        await client.Items.ListItemsAsync();

        RecordedRequest request = server.LastRequest;
        Assert.Equal("/items", request.RawTarget);
        Assert.False(request.Headers.ContainsKey("X-Trace-Id"));
        Assert.False(request.Headers.ContainsKey("Cookie"));
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_header_value_with_a_line_break_is_refused_before_sending()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 200, "[]"));
        using var client = new OperationsClient(server.CreateHttpClient());

        await Assert.ThrowsAsync<ArgumentException>(() => client.Items.ListItemsAsync(xTraceId: "a\r\nX-Injected: 1"));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("../admin", "/items/..%2Fadmin")]
    [InlineData("a/b", "/items/a%2Fb")]
    public async Task A_path_value_stays_one_segment(string itemId, string expectedTarget)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 204, null));
        using var client = new OperationsClient(server.CreateHttpClient());

        await client.Items.DeleteItemAsync(itemId);

        Assert.Equal(expectedTarget, server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task The_flattened_overload_sends_the_same_body_as_the_model()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 201, ItemJson));
        using var client = new OperationsClient(server.CreateHttpClient());

        Item created = await client.Items.CreateItemAsync("Box", new[] { "red" }, count: 3);
        await client.Items.CreateItemAsync(new ItemCreate { Name = "Box", Labels = new[] { "red" }, Count = 3 });

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("""{"name":"Box","labels":["red"],"count":3}""", requests[0].Body);
        Assert.Equal(requests[1].Body, requests[0].Body);
        Assert.Equal("POST", requests[0].Method);
        Assert.StartsWith("application/json", requests[0].Headers.ContentType.ToString());
        Assert.Equal("i1", created.Id);
    }

    [Fact]
    public async Task A_multipart_body_sends_the_file_with_its_name_and_the_text_fields()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 200, ItemJson));
        using var client = new OperationsClient(server.CreateHttpClient());
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("hello file"));

        await client.Files.UploadFileAsync(new ApiFile(content, "notes.txt", "text/plain"), "fine-tune", labels: new[] { "a", "b" });

        RecordedRequest request = server.LastRequest;
        Assert.Equal("/files", request.RawTarget);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers.ContentType.ToString());
        Assert.Equal(
            new[]
            {
                "form-data; name=file; filename=notes.txt; filename*=utf-8''notes.txt | text/plain | hello file",
                "form-data; name=purpose | text/plain; charset=utf-8 | fine-tune",
                "form-data; name=labels | text/plain; charset=utf-8 | a",
                "form-data; name=labels | text/plain; charset=utf-8 | b",
            },
            await PartsOf(request));
    }

    [Fact]
    public async Task A_form_body_is_url_encoded_and_leaves_out_unset_fields()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 204, null));
        using var client = new OperationsClient(server.CreateHttpClient());

        await client.Files.SubmitFormAsync("Ann Lee", age: 41);
        await client.Files.SubmitFormAsync("Bo");

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("application/x-www-form-urlencoded", requests[0].Headers.ContentType.ToString());
        Assert.Equal("name=Ann+Lee&age=41", requests[0].Body);
        Assert.Equal("name=Bo", requests[1].Body);
    }

    [Fact]
    public async Task Binary_and_text_bodies_and_responses()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, recorded) =>
        {
            if (recorded.Method == "GET")
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(new byte[] { 1, 2, 3 });
            }
            else if (recorded.Path.EndsWith("/note", StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("stored: " + recorded.Body);
            }
            else
            {
                context.Response.StatusCode = 204;
            }
        });
        using var client = new OperationsClient(server.CreateHttpClient());

        await client.Items.UploadContentAsync("i1", new MemoryStream(new byte[] { 9, 8 }));
        RecordedRequest upload = server.LastRequest;
        string note = await client.Items.SetNoteAsync("i1", "remember");
        RecordedRequest setNote = server.LastRequest;
        using Stream download = await client.Items.DownloadContentAsync("i1");
        var bytes = new MemoryStream();
        await download.CopyToAsync(bytes);

        Assert.Equal("PUT", upload.Method);
        Assert.Equal("application/octet-stream", upload.Headers.ContentType.ToString());
        Assert.Equal("\t\b", upload.Body);
        Assert.Equal("text/plain; charset=utf-8", setNote.Headers.ContentType.ToString());
        Assert.Equal("remember", setNote.Body);
        Assert.Equal("stored: remember", note);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.ToArray());
    }

    [Fact]
    public async Task WithResponse_returns_status_and_headers_next_to_the_result()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Request-Id"] = "r-42";
            return Respond(context, 201, ItemJson);
        });
        using var client = new OperationsClient(server.CreateHttpClient());

        ApiResponse<Item> response = await client.Items.CreateItemWithResponseAsync(new ItemCreate { Name = "Box", Labels = new List<string>() });
        ApiResponse deleted = await client.Items.DeleteItemWithResponseAsync("i1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("r-42", Assert.Single(response.Headers["x-request-id"]));
        Assert.Equal("Box", response.Value.Name);
        Assert.Equal(HttpStatusCode.Created, deleted.StatusCode);
    }

    [Fact]
    public async Task A_2XX_and_a_default_response_are_typed_successes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 202, ItemJson));
        using var client = new OperationsClient(server.CreateHttpClient());

#pragma warning disable CS0618 // legacyPing is deprecated in the spec, which is what makes it [Obsolete].
        Item legacy = await client.LegacyPingAsync();
#pragma warning restore CS0618
        Item fallback = await client.FallbackAsync();

        Assert.Equal("i1", legacy.Id);
        Assert.Equal("i1", fallback.Id);
        Assert.NotNull(typeof(OperationsClient).GetMethod(nameof(OperationsClient.LegacyPingAsync))!.GetCustomAttributes(typeof(ObsoleteAttribute), false).SingleOrDefault());
    }

    [Fact]
    public async Task A_declared_error_status_throws_with_the_typed_body()
    {
        const string Validation = """{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"}]}""";
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 422, Validation));
        using var client = new OperationsClient(server.CreateHttpClient());

        var error = await Assert.ThrowsAsync<ApiException<HttpValidationError>>(() => client.Items.CreateItemAsync("Box", new List<string>()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        HttpValidationErrorDetailItem problem = Assert.Single(error.Error.Detail!);
        Assert.Equal("Field required", problem.Msg);
        Assert.Equal(new[] { "body", "name" }, problem.Loc);
        Assert.Equal(Validation, error.Body);
    }

    [Fact]
    public async Task A_status_range_matches_and_a_more_specific_status_wins()
    {
        int status = 404;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, status, status == 404 ? """{"message":"no item"}""" : """{"code":"overloaded"}"""));
        using var client = new OperationsClient(server.CreateHttpClient(), new OperationsClientOptions { ApiKey = "k-123456" });

        var notFound = await Assert.ThrowsAsync<ApiException<NotFound>>(() => client.Items.GetItemAsync("x"));
        status = 503;
        var unavailable = await Assert.ThrowsAsync<ApiException<ServerError>>(() => client.Items.GetItemAsync("x"));

        Assert.Equal("no item", notFound.Error.Message);
        Assert.Equal("overloaded", unavailable.Error.Code);
    }

    [Fact]
    public async Task An_undeclared_status_or_an_unreadable_body_throws_the_plain_exception_with_the_body_cut_at_the_limit()
    {
        string longBody = new('x', 500);
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, recorded) =>
            recorded.Path == "/items" ? Respond(context, 422, "not json") : Respond(context, 409, longBody));
        using var client = new OperationsClient(server.CreateHttpClient(), new OperationsClientOptions { MaxErrorBodyLength = 100 });

        ApiException conflict = await Assert.ThrowsAsync<ApiException>(() => client.Items.DeleteItemAsync("i1"));
        ApiException unreadable = await Assert.ThrowsAsync<ApiException>(() => client.Items.ListItemsAsync());

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(new string('x', 100) + "... [cut at 100 characters]", conflict.Body);
        Assert.Equal(typeof(ApiException), unreadable.GetType());
        Assert.Equal("not json", unreadable.Body);
    }

    [Fact]
    public async Task Each_security_scheme_puts_its_credential_where_the_spec_says()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, 204, null));
        var options = new OperationsClientOptions { BearerToken = "tok-abc", ApiKey = "key-xyz", Username = "ann", Password = "s3cret!" };
        using var client = new OperationsClient(server.CreateHttpClient(), options);

        await client.Auth.WithQueryKeyAsync();
        await client.Auth.WithCookieKeyAsync();
        await client.Auth.WithBasicAsync();
        await client.Files.SubmitFormAsync("n");
        await client.Items.DeleteItemAsync("i1");

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("/auth/query?api_key=key-xyz", requests[0].RawTarget);
        Assert.False(requests[0].Headers.ContainsKey("Authorization"));
        Assert.Equal("session=key-xyz", requests[1].Headers.Cookie.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:s3cret!")), requests[2].Headers.Authorization.ToString());
        Assert.Equal("Bearer tok-abc", requests[3].Headers.Authorization.ToString());
        // security: [] sends no credentials at all.
        Assert.False(requests[4].Headers.ContainsKey("Authorization"));
        Assert.False(requests[4].Headers.ContainsKey("Cookie"));
        Assert.Equal("/items/i1", requests[4].RawTarget);
    }

    [Fact]
    public async Task An_api_key_header_and_a_rotating_token_from_the_callback()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, recorded) =>
            recorded.Method == "GET" && recorded.Path.StartsWith("/items/", StringComparison.Ordinal) ? Respond(context, 200, ItemJson) : Respond(context, 204, null));
        int issued = 0;
        var options = new OperationsClientOptions
        {
            ApiKey = "key-xyz",
            CredentialProvider = (scheme, _) => new ValueTask<string?>(scheme.Kind == ApiSecurityKind.Bearer ? "rotated-" + ++issued : null),
        };
        using var client = new OperationsClient(server.CreateHttpClient(), options);

        await client.Items.GetItemAsync("i1");
        await client.Files.SubmitFormAsync("n");
        await client.Files.SubmitFormAsync("n");

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("key-xyz", requests[0].Headers["X-Api-Key"].ToString());
        Assert.False(requests[0].Headers.ContainsKey("Authorization"));
        Assert.Equal("Bearer rotated-1", requests[1].Headers.Authorization.ToString());
        Assert.Equal("Bearer rotated-2", requests[2].Headers.Authorization.ToString());
    }

    [Fact]
    public async Task No_credential_shows_up_in_an_exception_even_when_the_server_echoes_it()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, recorded) =>
        {
            string echoed = recorded.Headers.Authorization.ToString() + " " + recorded.Headers["X-Api-Key"] + " " + recorded.RawTarget;
            context.Response.Headers["WWW-Authenticate"] = echoed;
            context.Response.Headers["X-Api-Key"] = recorded.Headers["X-Api-Key"].ToString();
            return Respond(context, 401, "{\"error\":\"bad credentials: " + echoed + "\"}");
        });
        var options = new OperationsClientOptions { BearerToken = "tok-secret-1", ApiKey = "key-secret-2", Username = "ann", Password = "pw-secret-3" };
        using var client = new OperationsClient(server.CreateHttpClient(), options);

        var failures = new List<ApiException>
        {
            await Assert.ThrowsAsync<ApiException>(() => client.Files.SubmitFormAsync("n")),
            await Assert.ThrowsAsync<ApiException>(() => client.Items.GetItemAsync("i1")),
            await Assert.ThrowsAsync<ApiException>(() => client.Auth.WithQueryKeyAsync()),
            await Assert.ThrowsAsync<ApiException>(() => client.Auth.WithBasicAsync()),
        };

        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pw-secret-3"));
        foreach (ApiException failure in failures)
        {
            string everything = failure.ToString() + failure.Message + failure.Body + string.Join(";", failure.Headers.SelectMany(h => h.Value));
            foreach (string secret in new[] { "tok-secret-1", "key-secret-2", "pw-secret-3", basic })
            {
                Assert.DoesNotContain(secret, everything);
            }

            Assert.Contains("[redacted]", failure.Body);
        }
    }

    private static async Task<List<string>> PartsOf(RecordedRequest request)
    {
        string boundary = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.Headers.ContentType.ToString()).Boundary.ToString().Trim('"');
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(request.Body)));
        var parts = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            string text = await new StreamReader(section.Body).ReadToEndAsync();
            parts.Add($"{section.ContentDisposition} | {section.ContentType} | {text}");
        }

        return parts;
    }

    private static Task Respond(HttpContext context, int status, string? json)
    {
        context.Response.StatusCode = status;
        if (json is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
