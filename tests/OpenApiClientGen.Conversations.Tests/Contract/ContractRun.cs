using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>
/// Calls operations of a generated client against Prism and keeps what went wrong: a request Prism found violations
/// in, a response our types could not read, or a call that never reached Prism.
/// </summary>
public sealed class ContractRun
{
    private readonly List<string> _problems = [];
    private readonly List<string> _checked = [];

    /// <param name="baseAddress">Prism's address.</param>
    /// <param name="route">A handler that changes where a request goes before it is recorded, if any.</param>
    public ContractRun(Uri baseAddress, DelegatingHandler? route = null)
    {
        if (route is not null)
        {
            route.InnerHandler = Recorder;
        }

        Http = new HttpClient((HttpMessageHandler?)route ?? Recorder) { BaseAddress = baseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "contract-test-key");
    }

    public ViolationRecorder Recorder { get; } = new();

    public HttpClient Http { get; }

    public IReadOnlyList<string> Problems => _problems;

    public IReadOnlyList<string> Checked => _checked;

    /// <summary>Calls an operation whose response Prism mocks; the call itself reads the mock into our types.</summary>
    public async Task CallAsync(string operation, Func<Task> call)
    {
        int before = Recorder.Exchanges.Count;
        try
        {
            await call();
        }
        catch (Exception error)
        {
            _problems.Add($"{operation}: {error.GetType().Name}: {error.Message}");
        }

        Inspect(operation, before);
    }

    /// <summary>
    /// Calls a stream operation and reads it to the end. Prism validates the request but cannot write an event stream
    /// from the document: it answers 500 with its own problem type, or a body that is not an event stream, and both are
    /// accepted; the request is what this checks.
    /// </summary>
    public async Task CallStreamAsync<T>(string operation, Func<IAsyncEnumerable<T>> call)
    {
        int before = Recorder.Exchanges.Count;
        try
        {
            await foreach (T _ in call())
            {
            }
        }
        catch (ApiException error) when ((int)error.StatusCode == 500 && (error.Body ?? "").Contains("stoplight.io/prism/errors#", StringComparison.Ordinal))
        {
        }
        catch (ApiStreamException error) when (error.Failure is ApiStreamFailure.Truncated or ApiStreamFailure.MalformedEvent)
        {
        }
        catch (Exception error)
        {
            _problems.Add($"{operation}: {error.GetType().Name}: {error.Message}");
        }

        Inspect(operation, before);
    }

    /// <summary>
    /// Sends a request the document does not allow and says whether Prism reported it, so that a run with no violations
    /// means the requests were right, not that Prism stopped looking.
    /// </summary>
    public async Task<bool> PrismReportsViolationAsync(string path, string jsonBody)
    {
        using var content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await Http.PostAsync(path.TrimStart('/'), content);
        return Recorder.Last.Violations is not null;
    }

    private void Inspect(string operation, int before)
    {
        PrismExchange? exchange = Recorder.Exchanges.Skip(before).LastOrDefault();
        if (exchange is null)
        {
            _problems.Add($"{operation}: no request reached Prism");
            return;
        }

        if (exchange.Violations is not null)
        {
            _problems.Add($"{operation}: {exchange.Request} -> {exchange.Status}, sl-violations: {exchange.Violations} (body {exchange.RequestBody})");
            return;
        }

        _checked.Add(operation);
    }
}
