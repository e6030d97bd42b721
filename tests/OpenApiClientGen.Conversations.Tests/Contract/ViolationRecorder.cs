using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>One exchange with Prism: the request line, the status, and the violations Prism found in the request.</summary>
public sealed record PrismExchange(string Request, int Status, string? Violations, string? RequestBody);

/// <summary>Sits between a generated client and Prism and keeps every exchange, with the violations Prism reported.</summary>
public sealed class ViolationRecorder : DelegatingHandler
{
    public ViolationRecorder()
        : base(new HttpClientHandler())
    {
    }

    public ConcurrentQueue<PrismExchange> Exchanges { get; } = new();

    public PrismExchange Last => Exchanges.Last();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        string? violations = response.Headers.TryGetValues("sl-violations", out IEnumerable<string>? values) ? string.Join(" ", values) : null;

        // When the document has no 4xx answer to mock, Prism reports the violations in its own problem body instead.
        if (violations is null && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            string problem = await response.Content.ReadAsStringAsync(cancellationToken);
            if (problem.Contains("\"validation\"", System.StringComparison.Ordinal))
            {
                violations = problem;
            }

            response.Content = new StringContent(problem, System.Text.Encoding.UTF8, "application/problem+json");
        }

        Exchanges.Enqueue(new PrismExchange($"{request.Method} {request.RequestUri!.PathAndQuery}", (int)response.StatusCode, violations, body));
        return response;
    }
}
