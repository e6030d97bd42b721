using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using OpenApiClientGen.Runtime.Tests.Mistral;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>What an app's OpenTelemetry providers see of generated clients' calls.</summary>
public sealed class TelemetryTests
{
    private static ApiClientOptions Quick() => new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };

    private static readonly ActivitySource Tests = new(nameof(TelemetryTests));

    // Other tests run at the same time and call the runtime too: a span counts only under this test's own parent.
    private static TracerProvider Tracing(List<Activity> spans) =>
        Sdk.CreateTracerProviderBuilder().AddSource(ApiTelemetry.Name, nameof(TelemetryTests)).AddInMemoryExporter(spans).Build();

    private static List<Activity> Under(Activity parent, List<Activity> spans) =>
        spans.Where(s => s.Source.Name == ApiTelemetry.Name && s.TraceId == parent.TraceId).ToList();

    [Fact]
    public async Task One_span_per_call_carries_the_route_template_the_status_and_the_retries_and_never_the_filled_in_path()
    {
        int requests = 0;
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref requests) == 1 ? 503 : 200;
            return context.Response.WriteAsync("ok");
        });
        var spans = new List<Activity>();
        Activity parent;
        using (TracerProvider tracing = Tracing(spans))
        using (ApiConnection connection = server.Connect(Quick()))
        {
            using (parent = Tests.StartActivity("test")!)
            {
                await connection.SendForTextResponseAsync(new ApiRequest("GET", "/pets/{petId}").Path("petId", "pet-4711"), CancellationToken.None);
            }

            tracing.ForceFlush();
        }

        Activity span = Assert.Single(Under(parent, spans));
        Assert.Equal(ApiTelemetry.Name, span.Source.Name);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET /pets/{petId}", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("oacg.retry_count"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value?.ToString()?.Contains("pet-4711") == true);
        Assert.Equal("GET /pets/pet-4711", server.LastRequestLine);
    }

    [Fact]
    public async Task A_failed_call_is_one_span_marked_as_an_error_with_its_status()
    {
        await using StreamServer server = await StreamServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var spans = new List<Activity>();
        Activity parent;
        using (TracerProvider tracing = Tracing(spans))
        using (ApiConnection connection = server.Connect(Quick()))
        {
            using (parent = Tests.StartActivity("test")!)
            {
                await Assert.ThrowsAnyAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("DELETE", "/missing/{id}").Path("id", 12345), CancellationToken.None));
            }

            tracing.ForceFlush();
        }

        Activity span = Assert.Single(Under(parent, spans));
        Assert.Equal("/missing/{id}", span.GetTagItem("url.template"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(0, span.GetTagItem("oacg.retry_count"));
    }

    [Fact]
    public async Task A_stream_is_one_span_with_its_event_count_time_to_first_event_and_how_it_ended()
    {
        var held = new Held(2);
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            await StreamServer.WriteSlowlyAsync(context, Transcripts.MistralFirstTwoEvents);
            await held.WaitAsync();
            context.Abort();
        });
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        Activity parent;
        using (TracerProvider tracing = Tracing(spans))
        using (MeterProvider meters = Sdk.CreateMeterProviderBuilder().AddMeter(ApiTelemetry.Name).AddInMemoryExporter(metrics).Build())
        using (ApiConnection connection = server.Connect(Quick()))
        {
            using (parent = Tests.StartActivity("test")!)
            {
                (var events, Exception? failure) = await new ConversationsClient(connection).StartStreamAsync(new ConversationStreamRequest()).CollectUntilFailureAsync(held);
                Assert.Equal(2, events.Count);
                Assert.IsType<ApiStreamException>(failure);
            }

            tracing.ForceFlush();
            meters.ForceFlush();
        }

        Activity span = Assert.Single(Under(parent, spans));
        Assert.Equal("/v1/conversations", span.GetTagItem("url.template"));
        Assert.Equal(2, span.GetTagItem("oacg.stream.items"));
        Assert.Equal("Disconnected", span.GetTagItem("oacg.stream.outcome"));
        Assert.True(span.GetTagItem("oacg.stream.first_item_ms") is double first && first >= 0);
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Contains(metrics, m => m.Name == "oacg.client.stream.items");
        Assert.Contains(metrics, m => m.Name == "oacg.client.stream.time_to_first_item");
        Assert.Contains(metrics, m => m.Name == "oacg.client.operation.duration");
    }
}
