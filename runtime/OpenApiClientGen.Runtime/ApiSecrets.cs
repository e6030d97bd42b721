using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenApiClientGen.Runtime;

/// <summary>Takes the credentials a request carried out of what an exception keeps, in case the server echoes them back.</summary>
internal static class ApiSecrets
{
    private const string Redacted = "[redacted]";

    public static string Scrub(string text, IReadOnlyList<string> secrets)
    {
        foreach (string secret in secrets)
        {
            if (secret.Length > 0)
            {
                text = text.Replace(secret, Redacted);
            }
        }

        return text;
    }

    public static IReadOnlyDictionary<string, IEnumerable<string>> Scrub(IReadOnlyDictionary<string, IEnumerable<string>> headers, IReadOnlyList<string> secrets) =>
        secrets.Count == 0
            ? headers
            : headers.ToDictionary(h => h.Key, h => (IEnumerable<string>)h.Value.Select(v => Scrub(v, secrets)).ToArray(), StringComparer.OrdinalIgnoreCase);
}
