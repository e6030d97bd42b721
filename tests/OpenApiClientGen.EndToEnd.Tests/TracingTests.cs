using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Secured;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>The spans an app's tracer provider sees of generated clients' calls: one per call, named by the spec.</summary>
public sealed class TracingTests
{
    private static readonly ActivitySource Tests = new(nameof(TracingTests));

    [Fact]
    public async Task Each_call_of_a_generated_client_is_one_span_with_its_operationId_and_route_template()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, request) =>
        {
            if (request.Path == "/events")
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: {\"name\":\"a\"}\n\ndata: {\"name\":\"b\"}\n\n");
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\":\"Lamp\"}");
        });
        var spans = new List<Activity>();
        Activity parent;
        using (TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddSource(ApiTelemetry.Name, nameof(TracingTests)).AddInMemoryExporter(spans).Build())
        using (var client = new SecuredClient(new SecuredClientOptions { BaseAddress = server.BaseAddress, ApiKey = "key" }))
        {
            using (parent = Tests.StartActivity("test")!)
            {
                await client.Items.GetItemAsync("item-4711");
                await client.Items.GetItemAsync("item-4712");
                await foreach (Item _ in client.Events.StreamEventsAsync())
                {
                }
            }

            tracing.ForceFlush();
        }

        // Other tests call the runtime at the same time: only spans under this test's parent count.
        List<Activity> calls = spans.Where(s => s.Source.Name == ApiTelemetry.Name && s.TraceId == parent.TraceId).ToList();
        Assert.Equal(new[] { "getItem", "getItem", "streamEvents" }, calls.Select(s => s.GetTagItem("oacg.operation.id")));
        Assert.Equal(new[] { "/items/{id}", "/items/{id}", "/events" }, calls.Select(s => s.GetTagItem("url.template")));
        Assert.Equal("GET /items/{id}", calls[0].DisplayName);
        Assert.Equal(2, calls[2].GetTagItem("oacg.stream.items"));
        Assert.DoesNotContain(calls, span => span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains("item-47") == true));
    }

    [Fact]
    public async Task With_no_listener_a_call_starts_no_activity()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"name\":\"Lamp\"}");
        });
        var seen = new SeenActivity(new SocketsHttpHandler());
        using var client = new SecuredClient(new HttpClient(seen) { BaseAddress = server.BaseAddress }, new SecuredClientOptions { ApiKey = "key" });

        Item item = await client.Items.GetItemAsync("1");

        Assert.Equal("Lamp", item.Name);
        Assert.True(seen.Sent);
        Assert.Null(seen.Current);
    }

    /// <summary>Notes the activity current when the request reaches the handler: the runtime's span, if it started one.</summary>
    private sealed class SeenActivity(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public bool Sent { get; private set; }

        public Activity? Current { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = true;
            Current = Activity.Current;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
