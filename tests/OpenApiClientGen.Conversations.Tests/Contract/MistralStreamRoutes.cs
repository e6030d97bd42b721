using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Conversations.Tests.Contract;

/// <summary>
/// Mistral's document tells a stream operation from its JSON twin with a fragment in the path key
/// (<c>/v1/conversations#stream</c>). The URL on the wire is the same, so Prism routes both to the JSON operation and
/// never checks a request against the stream operation's own schema. To check it anyway, a copy of the document in
/// the temp folder moves each <c>#stream</c> key to a path of its own under <see cref="Prefix"/>, and
/// <see cref="Handler"/> sends every request whose body says <c>"stream": true</c> there.
/// </summary>
public static class MistralStreamRoutes
{
    public const string Prefix = "/__stream";

    public static string WriteRoutedCopy(string documentPath)
    {
        string text = File.ReadAllText(documentPath);
        string routed = Regex.Replace(text, @"^  (/[^\s#]*)#stream:", "  " + Prefix + "$1:", RegexOptions.Multiline);
        string directory = Path.Combine(Path.GetTempPath(), "openapiclientgen-contract");
        Directory.CreateDirectory(directory);
        string copy = Path.Combine(directory, "mistral-stream-routes.yaml");
        File.WriteAllText(copy, routed);
        return copy;
    }

    public sealed class Handler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.Content is not null)
            {
                using JsonDocument body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
                if (body.RootElement.TryGetProperty("stream", out JsonElement stream) && stream.ValueKind == JsonValueKind.True)
                {
                    var uri = new UriBuilder(request.RequestUri!) { Path = Prefix + request.RequestUri!.AbsolutePath };
                    request.RequestUri = uri.Uri;
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
