using System.Collections;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Net.Http.Headers;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// A successful response's headers and content headers as one case-insensitive dictionary, made the first time it is
/// read. Most callers take only the body, so a call does not pay for a dictionary that no one looks at.
/// </summary>
internal sealed class ResponseHeaders : IReadOnlyDictionary<string, IEnumerable<string>>
{
    private readonly HttpResponseHeaders _headers;
    private readonly HttpContentHeaders? _contentHeaders;
    private Dictionary<string, IEnumerable<string>>? _all;

    // The collections outlive the response's disposal, which frees only its body.
    public ResponseHeaders(HttpResponseMessage response)
    {
        _headers = response.Headers;
        _contentHeaders = response.Content?.Headers;
    }

    public int Count => All.Count;

    public IEnumerable<string> Keys => All.Keys;

    public IEnumerable<IEnumerable<string>> Values => All.Values;

    public IEnumerable<string> this[string key] => All[key];

    public bool ContainsKey(string key) => All.ContainsKey(key);

#if NET
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IEnumerable<string> value) => All.TryGetValue(key, out value);
#else
    public bool TryGetValue(string key, out IEnumerable<string> value) => All.TryGetValue(key, out value!);
#endif

    public IEnumerator<KeyValuePair<string, IEnumerable<string>>> GetEnumerator() => All.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, IEnumerable<string>> All
    {
        get
        {
            if (Volatile.Read(ref _all) is { } all)
            {
                return all;
            }

            var made = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            Add(made, _headers);
            if (_contentHeaders is not null)
            {
                Add(made, _contentHeaders);
            }

            return Interlocked.CompareExchange(ref _all, made, null) ?? made;
        }
    }

    private static void Add(Dictionary<string, IEnumerable<string>> into, HttpHeaders headers)
    {
        foreach (KeyValuePair<string, IEnumerable<string>> header in headers)
        {
            into[header.Key] = into.TryGetValue(header.Key, out IEnumerable<string>? earlier) ? earlier.Concat(header.Value).ToList() : header.Value.ToList();
        }
    }
}
