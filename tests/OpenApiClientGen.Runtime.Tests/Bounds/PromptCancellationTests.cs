using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests.Bounds;

/// <summary>A cancelled token stops a stream at the next item, however many events have already been read.</summary>
public sealed class PromptCancellationTests
{
    [Fact]
    public async Task A_cancelled_stream_yields_no_further_item_even_with_events_buffered()
    {
        string events = string.Concat(Enumerable.Range(0, 100).Select(i => $"data: {i}\n\n"));
        using var connection = new ApiConnection(new HttpClient(new EventStreamResponse(events)), new ApiClientOptions { BaseAddress = new Uri("http://api.test/") }, null, ownsHttpClient: true);
        using var cancel = new CancellationTokenSource();

        int after = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            bool cancelled = false;
            await foreach (string _ in connection.StreamEventsAsync(new ApiRequest("GET", "/events"), SseEventReader.Text(static (_, data) => data), cancel.Token))
            {
                if (cancelled)
                {
                    after++;
                }

                cancel.Cancel();
                cancelled = true;
            }
        });

        Assert.Equal(0, after);
    }

    private sealed class EventStreamResponse(string events) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(events)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
