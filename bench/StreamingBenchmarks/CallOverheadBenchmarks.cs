using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenApiClientGen.Runtime;
using Sequential;

namespace StreamingBenchmarks;

/// <summary>
/// What the retry and tracing machinery costs a call that succeeds at once: the generated <c>CompleteAsync</c> of
/// tests/Specs/sequential.yaml (a POST with a JSON body, answered with a small JSON body from memory), with
/// <c>MaxRetries = 0</c> and nothing listening (the baseline), with the default two retries and nothing listening,
/// and with the retries and a listener that records every span of the runtime's <see cref="ActivitySource"/>.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("{\"text\":\"Hello there.\"}");

    private SequentialClient _withoutRetries = null!;
    private SequentialClient _withRetries = null!;
    private ActivityListener? _listener;

    [GlobalSetup(Targets = new[] { nameof(NoRetriesNoListener), nameof(RetriesNoListener) })]
    public void Setup()
    {
        var baseAddress = new Uri("http://in-memory.test/");
        _withoutRetries = new SequentialClient(new HttpClient(new AnswerHandler()) { BaseAddress = baseAddress }, new SequentialClientOptions { MaxRetries = 0 });
        _withRetries = new SequentialClient(new HttpClient(new AnswerHandler()) { BaseAddress = baseAddress }, new SequentialClientOptions());
    }

    [GlobalSetup(Target = nameof(RetriesAndTracing))]
    public void SetupWithListener()
    {
        Setup();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiTelemetry.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(Baseline = true)]
    public Task<Completion> NoRetriesNoListener() => _withoutRetries.CompleteAsync("Say hello");

    [Benchmark]
    public Task<Completion> RetriesNoListener() => _withRetries.CompleteAsync("Say hello");

    [Benchmark]
    public Task<Completion> RetriesAndTracing() => _withRetries.CompleteAsync("Say hello");

    /// <summary>Answers every request at once with the same small JSON body, without a network.</summary>
    private sealed class AnswerHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Answer);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
