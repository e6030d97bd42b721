using System;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// An exception's message reads as one sentence: a status without a name of its own is its number once, a success
/// whose body is not the JSON the call expects says so, with the content type the server sent, and an error status
/// ends with what the server said went wrong, taken from the error shapes the vendors document.
/// </summary>
public sealed class ApiExceptionMessageTests
{
    [Theory]
    [InlineData(529, null, "POST /v1/messages failed: the server answered 529.")]
    [InlineData(503, null, "POST /v1/messages failed: the server answered 503 ServiceUnavailable.")]
    [InlineData(529, "Overloaded", "POST /v1/messages failed: the server answered 529 Overloaded.")]
    public void A_status_is_named_once(int status, string? reason, string expected)
    {
        var ex = new ApiException((HttpStatusCode)status, reason, "{}", null, "POST /v1/messages");

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Without_an_operation_the_message_starts_with_the_server()
    {
        Assert.Equal("The server answered 529.", new ApiException((HttpStatusCode)529, "", null, null).Message);
    }

    [Fact]
    public async Task A_json_call_answered_with_events_says_which_content_type_came()
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/event-stream";
            return context.Response.WriteAsync("event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
        });
        using ApiConnection connection = server.Connect();

        var ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendForJsonResponseAsync(new ApiRequest("POST", "/v1/messages"), JsonCodecs.String, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("POST /v1/messages", ex.Operation);
        Assert.StartsWith("POST /v1/messages failed: the server answered 200 OK, but its body (text/event-stream) is not the expected String: ", ex.Message);
        Assert.StartsWith("event: message_start", ex.Body);
    }

    // The bodies are the vendors' documented error shapes (their documents' error schemas), answered over a socket.
    [Theory]
    [InlineData(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-abc***xyz.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}",
        "POST /v1/messages failed: the server answered 401 Unauthorized: Incorrect API key provided: sk-abc***xyz.")]
    [InlineData(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}",
        "POST /v1/messages failed: the server answered 429 Too Many Requests: Number of request tokens has exceeded your per-minute rate limit.")]
    [InlineData(422, "{\"error\":\"Input validation error: `inputs` must have less than 1024 tokens\",\"error_type\":\"validation\"}",
        "POST /v1/messages failed: the server answered 422 Unprocessable Entity: Input validation error: `inputs` must have less than 1024 tokens.")]
    [InlineData(422, "{\"detail\":[{\"loc\":[\"body\",\"inputs\",0,\"role\"],\"msg\":\"Field required\",\"type\":\"missing\"},{\"loc\":[\"body\",\"model\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}",
        "POST /v1/messages failed: the server answered 422 Unprocessable Entity: body.inputs.0.role: Field required (and 1 more).")]
    [InlineData(422, "{\"object\":\"error\",\"message\":{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"Field required\",\"type\":\"missing\"}]},\"type\":\"invalid_request_message_error\"}",
        "POST /v1/messages failed: the server answered 422 Unprocessable Entity: body.model: Field required.")]
    [InlineData(404, "{\"detail\":{\"message\":\"Run not found\",\"error_code\":null}}",
        "POST /v1/messages failed: the server answered 404 Not Found: Run not found.")]
    [InlineData(400, "{\"code\":\"400\",\"message\":\"Invalid model\\nsee the list\\tof models\"}",
        "POST /v1/messages failed: the server answered 400 Bad Request: Invalid model see the list of models.")]
    [InlineData(409, "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The conversation is already running.\"}",
        "POST /v1/messages failed: the server answered 409 Conflict: The conversation is already running.")]
    [InlineData(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}",
        "POST /v1/messages failed: the server answered 404 Not Found.")]
    [InlineData(502, "<html><body>Bad gateway</body></html>", "POST /v1/messages failed: the server answered 502 Bad Gateway.")]
    [InlineData(500, "{\"error\":{\"code\":500}}", "POST /v1/messages failed: the server answered 500 Internal Server Error.")]
    public async Task An_error_says_what_the_server_said(int status, string body, string expected)
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        });
        using ApiConnection connection = server.Connect();
        ApiErrorTable typed = ApiErrorTable.None.On("4XX", JsonCodecs.Element);

        ApiException untyped = await Assert.ThrowsAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("POST", "/v1/messages"), CancellationToken.None));

        Assert.Equal(expected, untyped.Message);
        Assert.Equal(body, untyped.Body);
        if (status < 500 && body.StartsWith('{'))
        {
            var error = await Assert.ThrowsAsync<ApiException<JsonElement>>(() => connection.SendForResponseAsync(new ApiRequest("POST", "/v1/messages").Errors(typed), CancellationToken.None));
            Assert.Equal(expected, error.Message);
        }
    }

    [Fact]
    public void A_long_message_is_cut_to_one_line()
    {
        var ex = new ApiException(HttpStatusCode.BadRequest, null, "{\"message\":\"" + new string('x', 1000) + "\"}", null, "POST /v1/messages");

        Assert.Equal("POST /v1/messages failed: the server answered 400 BadRequest: " + new string('x', 300) + "...", ex.Message);
    }

    [Fact]
    public async Task A_body_cut_at_the_limit_gives_no_message_of_its_own()
    {
        string body = "{\"message\":\"" + new string('x', 1000) + "\"}";
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body);
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { MaxErrorBodyLength = 100 });

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("POST", "/v1/messages"), CancellationToken.None));

        Assert.Equal("POST /v1/messages failed: the server answered 400 Bad Request.", ex.Message);
        Assert.EndsWith("[cut at 100 characters]", ex.Body);
    }

    [Fact]
    public async Task A_credential_the_server_echoes_in_its_message_is_redacted()
    {
        const string token = "sk-live-0123456789abcdef";
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"error\":{\"message\":\"Incorrect API key provided: " + context.Request.Headers.Authorization.ToString().Substring("Bearer ".Length) + "\"}}");
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { BearerToken = token });
        var request = new ApiRequest("POST", "/v1/messages").Security(new ApiSecurityScheme("bearer", ApiSecurityKind.Bearer));

        ApiException ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendForResponseAsync(request, CancellationToken.None));

        Assert.Equal("POST /v1/messages failed: the server answered 401 Unauthorized: Incorrect API key provided: [redacted].", ex.Message);
        Assert.DoesNotContain(token, ex.ToString());
    }

    [Fact]
    public void A_success_status_never_takes_a_message_from_its_body()
    {
        var ex = new ApiException(HttpStatusCode.OK, "OK", "{\"message\":\"all good\"}", null, "POST /v1/messages");

        Assert.Equal("POST /v1/messages failed: the server answered 200 OK.", ex.Message);
    }
}
