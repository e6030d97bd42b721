using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>What each call sends when the credentials change between calls, as a rotating provider makes them.</summary>
public sealed class CredentialTests
{
    private static readonly ApiSecurityScheme Bearer = new("token", ApiSecurityKind.Bearer);
    private static readonly ApiSecurityScheme Key = new("key", ApiSecurityKind.ApiKeyHeader, "X-Key");

    [Fact]
    public async Task Every_call_sends_the_credentials_resolved_for_it_though_calls_with_the_same_ones_share_them()
    {
        // Per call, what the provider gives for the bearer token and the key; null configures none.
        var given = new (string? Token, string? Key)[]
        {
            ("a", "k1"), ("a", "k1"), ("b", "k1"), ("b", null), (null, "k2"), ("a", "k2"), ("a", "k2"),
        };
        int call = 0;
        var options = new ApiClientOptions
        {
            CredentialProvider = (scheme, _) => new ValueTask<string?>(scheme == Bearer ? given[call].Token : given[call].Key),
        };
        var handler = new RecordingHandler();
        using var connection = new ApiConnection(new HttpClient(handler), options, "https://api.example.com/", ownsHttpClient: true);

        for (; call < given.Length; call++)
        {
            ApiRequest request = call == 4 ? new ApiRequest("GET", "/x").Security(Key) : new ApiRequest("GET", "/x").Security(Bearer, Key);
            using HttpResponseMessage response = await connection.SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
        }

        Assert.Equal(
            new[] { "Bearer a|k1", "Bearer a|k1", "Bearer b|k1", "Bearer b|-", "-|k2", "Bearer a|k2", "Bearer a|k2" },
            handler.Sent);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Sent { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string authorization = request.Headers.Authorization?.ToString() ?? "-";
            string key = request.Headers.TryGetValues("X-Key", out IEnumerable<string>? values) ? string.Join(",", values) : "-";
            Sent.Add(authorization + "|" + key);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request });
        }
    }
}
