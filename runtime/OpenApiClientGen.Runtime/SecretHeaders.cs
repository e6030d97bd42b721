using System.Net.Http.Headers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// The headers that carry credentials whoever set them: the client's security schemes,
/// <see cref="ApiClientOptions.DefaultHeaders"/>, a call's <see cref="ApiCallOptions.Headers"/> or the
/// <see cref="HttpClient"/>'s own default headers. Their values are redacted in an exception's headers, scrubbed from
/// what comes back, and keep a request's redirects on its origin.
/// </summary>
internal static class SecretHeaders
{
    // The names a request sends; Set-Cookie, which only a response carries, is redacted all the same.
    private static readonly string[] RequestNames = { "Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key", "Api-Key" };

    private static readonly HashSet<string> NameSet =
        new(RequestNames.Append("Set-Cookie"), StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string name) => NameSet.Contains(name);

    /// <summary>
    /// The credential values a request carries as plain headers, set by the caller rather than by a security scheme, or
    /// null when it carries none (the usual case, which allocates nothing).
    /// </summary>
    public static List<string>? CarriedBy(
        IDictionary<string, string> defaultHeaders, IDictionary<string, string>? callHeaders, HttpRequestHeaders? clientHeaders)
    {
        List<string>? found = null;
        if (defaultHeaders.Count > 0)
        {
            foreach (KeyValuePair<string, string> header in defaultHeaders)
            {
                Add(ref found, header.Key, header.Value);
            }
        }

        if (callHeaders is { Count: > 0 })
        {
            foreach (KeyValuePair<string, string> header in callHeaders)
            {
                Add(ref found, header.Key, header.Value);
            }
        }

        if (clientHeaders is not null)
        {
            foreach (string name in RequestNames)
            {
                if (clientHeaders.TryGetValues(name, out IEnumerable<string>? values))
                {
                    foreach (string value in values)
                    {
                        Add(ref found, name, value);
                    }
                }
            }
        }

        return found;
    }

    // The value as sent, and after its scheme ("Bearer t0ken" is also "t0ken"), so that an echo of either is scrubbed.
    private static void Add(ref List<string>? found, string name, string value)
    {
        if (!Contains(name) || string.IsNullOrEmpty(value))
        {
            return;
        }

        found ??= new List<string>();
        found.Add(value);
        int space = value.IndexOf(' ');
        if (space > 0 && space < value.Length - 1)
        {
            found.Add(value.Substring(space + 1).Trim());
        }
    }
}
