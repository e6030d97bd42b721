using System;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>
/// A success whose body breaks off is an <see cref="ApiBodyIncompleteException"/> with the status and the connection's
/// own report, whichever way the body is read; it is not sent again, since the server answered.
/// </summary>
public sealed class CutBodyTests
{
    public static TheoryData<string> Reads => new() { "json", "text", "none" };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_body_shorter_than_its_declared_length_is_a_typed_error_and_is_not_sent_again(string read)
    {
        int requests = 0;
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":\"" + new string('a', 90)));
            await context.Response.Body.FlushAsync();

            // A reset that overtakes the bytes before it would drop them unread: the client gets them first.
            await Task.Delay(200);
            context.Abort();
        });
        using ApiConnection connection = server.Connect(new ApiClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var request = new ApiRequest("POST", "/things").TextBody("{}", "application/json");

        Task call = read switch
        {
            "json" => connection.SendForJsonResponseAsync(request, JsonCodecs.String, CancellationToken.None),
            "text" => connection.SendForTextResponseAsync(request, CancellationToken.None),
            _ => connection.SendForResponseAsync(request, CancellationToken.None),
        };
        var error = await Assert.ThrowsAsync<ApiBodyIncompleteException>(() => call);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("body ended before it was whole", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.Equal(1, Volatile.Read(ref requests));
    }
}
