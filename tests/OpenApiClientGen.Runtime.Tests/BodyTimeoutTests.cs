using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// HttpClient times only the wait for the headers of a response it hands over before its body, as the runtime asks it
/// to: a body that stops arriving must still end the call, within the HttpClient's timeout.
/// </summary>
public sealed class BodyTimeoutTests
{
    private static async Task StallAfterPartOfTheBodyAsync(HttpContext context, int status)
    {
        if (context.Request.Path == "/warm")
        {
            context.Response.StatusCode = 204;
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        await context.Response.WriteAsync("{\"id\":");
        await context.Response.Body.FlushAsync();
        await StreamServer.WaitForClientToLeaveAsync(context);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    public async Task A_body_that_stops_arriving_times_out_as_HttpClient_times_out(int status)
    {
        await using StreamServer server = await StreamServer.StartAsync(context => StallAfterPartOfTheBodyAsync(context, status));
        using ApiConnection connection = server.Connect(new ApiClientOptions { MaxRetries = 0 }, http => http.Timeout = TimeSpan.FromSeconds(2));
        // A first call that answers at once opens the connection, so the timeout below can only be spent on the body.
        (await connection.SendCheckedAsync(new ApiRequest("GET", "/warm"), HttpCompletionOption.ResponseContentRead, CancellationToken.None)).Dispose();

        Task<ApiResponse<JsonElement>> call = connection.SendForJsonResponseAsync(new ApiRequest("GET", "/slow"), JsonCodecs.Element, CancellationToken.None);

        TaskCanceledException ex = await Assert.ThrowsAsync<TaskCanceledException>(() => call.WaitAsync(StreamServer.HangGuard));
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.True(ex.Message.Contains("HttpClient's Timeout"), ex.ToString());
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }
}
