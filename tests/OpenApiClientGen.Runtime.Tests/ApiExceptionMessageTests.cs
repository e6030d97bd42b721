using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// An exception's message reads as one sentence: a status without a name of its own is its number once, and a success
/// whose body is not the JSON the call expects says so, with the content type the server sent.
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
}
