using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Conversations.Emulators;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// The emulators answer as the real services do, so a client that forgets the stream flag or <c>Accept</c> fails here
/// as it would against the vendor: the body's <c>stream</c> flag and the request's <c>Accept</c> pick JSON or events.
/// Raw requests, not the generated clients, so the rule is checked on its own.
/// </summary>
public sealed class EmulatorNegotiationTests
{
    [Theory]
    [InlineData(true, null, "text/event-stream")]
    [InlineData(false, null, "application/json")]
    [InlineData(null, null, "application/json")]
    [InlineData(true, "*/*", "text/event-stream")]
    [InlineData(true, "text/event-stream", "text/event-stream")]
    [InlineData(false, "text/event-stream", "text/event-stream")]
    [InlineData(true, "application/json", "application/json")]
    [InlineData(false, "application/json, text/event-stream", "application/json")]
    [InlineData(true, "application/json, text/event-stream", "text/event-stream")]
    public async Task Mistral_start_answers_by_the_stream_flag_and_accept(bool? stream, string? accept, string expected)
    {
        await using MistralEmulator emulator = await MistralEmulator.StartAsync();
        emulator.TokenDelay = TimeSpan.Zero;
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        string flag = stream is { } value ? $",\"stream\":{(value ? "true" : "false")}" : "";
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/conversations")
        {
            Content = new StringContent($"{{\"inputs\":\"Hello\",\"model\":\"mistral-small-latest\"{flag}}}", Encoding.UTF8, "application/json"),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        if (expected == "text/event-stream")
        {
            Assert.StartsWith("event: ", body);
        }
        else
        {
            Assert.StartsWith("{", body);
        }
    }
}
