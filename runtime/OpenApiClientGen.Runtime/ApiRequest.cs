using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OpenApiClientGen.Runtime;

/// <summary>One request being put together by a generated operation method: path, query, headers and body.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiRequest
{
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<KeyValuePair<string, string>> _cookies = new();
    private string _path;
    private byte[]? _jsonBody;

    /// <summary>Starts a request for <paramref name="method"/> on <paramref name="pathTemplate"/>, such as <c>/pets/{petId}</c>.</summary>
    public ApiRequest(string method, string pathTemplate)
    {
        Method = method;
        PathTemplate = pathTemplate;
        _path = pathTemplate;
    }

    /// <summary>
    /// Starts a request for the operation <paramref name="operationId"/>, <paramref name="method"/> on
    /// <paramref name="pathTemplate"/>. The operationId names the call's span (<c>oacg.operation.id</c>).
    /// </summary>
    public ApiRequest(string method, string pathTemplate, string? operationId)
        : this(method, pathTemplate)
    {
        OperationId = operationId;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path as the spec writes it, with parameters unfilled.</summary>
    public string PathTemplate { get; }

    /// <summary>The spec's <c>operationId</c>, or null when the spec gives none.</summary>
    public string? OperationId { get; }

    /// <summary>The operation, as <c>METHOD /path/{param}</c>, for messages.</summary>
    public string Operation => Method + " " + PathTemplate;

    /// <summary>The request body, if any.</summary>
    public HttpContent? Body { get; private set; }

    /// <summary>Fills the <c>{name}</c> segment. The value is percent-encoded, so it can never change the path's shape.</summary>
    public ApiRequest Path(string name, object? value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"The path parameter '{name}' of {Operation} needs a value.");
        }

        string formatted = ParameterFormatter.Format(value);
        if (formatted.Length == 0)
        {
            // An empty segment would send the request to another resource: DELETE /items/ instead of /items/{id}.
            throw new ArgumentException($"The path parameter '{name}' of {Operation} must not be empty.", name);
        }

        _path = _path.Replace("{" + name + "}", ParameterFormatter.EscapePathSegment(formatted));
        return this;
    }

    /// <summary>Adds a query parameter; null leaves it out, and a list repeats the name for each item.</summary>
    public ApiRequest Query(string name, object? value)
    {
        foreach (string item in ParameterFormatter.FormatEach(value))
        {
            AddQuery(name, item);
        }

        return this;
    }

    // Names and values are stored percent-encoded, so that styles can join items with delimiters that stay literal.
    private void AddQuery(string name, string value) => AddEncodedQuery(Uri.EscapeDataString(name), Uri.EscapeDataString(value));

    private void AddEncodedQuery(string encodedName, string encodedValue) => _query.Add(new KeyValuePair<string, string>(encodedName, encodedValue));

    /// <summary>Adds a header; null leaves it out. Values with line breaks are refused before anything is sent.</summary>
    public ApiRequest Header(string name, object? value)
    {
        if (value is null && string.Equals(name, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase))
        {
            _idempotencyKeyDeclared = true;
        }

        if (value is not null)
        {
            _headers.Add(new KeyValuePair<string, string>(name, ParameterFormatter.HeaderValue(name, string.Join(",", ParameterFormatter.FormatEach(value)))));
        }

        return this;
    }

    /// <summary>Adds a cookie; null leaves it out.</summary>
    public ApiRequest Cookie(string name, object? value)
    {
        if (value is not null)
        {
            _cookies.Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(ParameterFormatter.Format(value))));
        }

        return this;
    }

    /// <summary>Sends <paramref name="value"/> as an <c>application/json</c> body, written by <paramref name="codec"/>.</summary>
    public ApiRequest JsonBody<T>(T? value, JsonConverter<T> codec)
    {
        if (value is null)
        {
            return this;
        }

        SetJsonBody(JsonCodecs.SerializeRequest(value, codec));
        return this;
    }

    /// <summary>
    /// Writes <paramref name="value"/> as the top-level member <paramref name="name"/> of the JSON object body, replacing
    /// what the caller set: a streaming method sends <c>"stream": true</c> and its plain twin <c>false</c>. Without a
    /// JSON object body nothing changes.
    /// </summary>
    public ApiRequest JsonMember(string name, bool value)
    {
        if (_jsonBody is not null && JsonNode.Parse(_jsonBody) is JsonObject body)
        {
            body[name] = value;
            SetJsonBody(Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        return this;
    }

    /// <summary>Sends <c>Accept: <paramref name="mediaTypes"/></c>, the media types the operation reads.</summary>
    public ApiRequest Accept(string mediaTypes)
    {
        _headers.Add(new KeyValuePair<string, string>("Accept", ParameterFormatter.HeaderValue("Accept", mediaTypes)));
        return this;
    }

    /// <summary>The media type JSON calls accept when the operation declares no other.</summary>
    public const string JsonMediaType = "application/json";

    // A JSON or stream call accepts what it reads unless the operation said more (application/problem+json, say).
    internal void AcceptUnlessSet(string mediaType)
    {
        if (!_headers.Any(h => string.Equals(h.Key, "Accept", StringComparison.OrdinalIgnoreCase)))
        {
            Accept(mediaType);
        }
    }

    // The official SDKs send plain "application/json"; a charset parameter is redundant for JSON (RFC 8259).
    private void SetJsonBody(byte[] json)
    {
        _jsonBody = json;
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Body = content;
    }

    /// <summary>Sends <paramref name="content"/> as the body, as it is.</summary>
    public ApiRequest Content(HttpContent? content)
    {
        Body = content;
        return this;
    }

    // Every parameter is escaped already; Uri must not unescape "%2E%2E" and fold it into a parent-directory step.
    private static Uri CreateUri(string url)
    {
#if NET
        return new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        return new Uri(url, UriKind.Absolute);
#endif
    }

    /// <summary>Builds the message against <paramref name="baseAddress"/>, keeping any path the base address has.</summary>
    public HttpRequestMessage ToHttpRequestMessage(Uri baseAddress) => ToHttpRequestMessage(baseAddress, Array.Empty<ApiCredential>());

    /// <summary>Builds the message with <paramref name="credentials"/> in their headers, query parameters or cookies.</summary>
    internal HttpRequestMessage ToHttpRequestMessage(Uri baseAddress, IReadOnlyList<ApiCredential> credentials, IEnumerable<KeyValuePair<string, string>>? extraQuery = null)
    {
        var url = new StringBuilder(_nextLink is null ? baseAddress.AbsoluteUri.TrimEnd('/') : NextLinkUrl(baseAddress));
        if (_nextLink is null)
        {
            url.Append(_path.StartsWith("/", StringComparison.Ordinal) ? _path : "/" + _path);
        }

        char separator = _nextLink is not null && url.ToString().IndexOf('?') >= 0 ? '&' : '?';
        IEnumerable<KeyValuePair<string, string>> extra = (extraQuery ?? Enumerable.Empty<KeyValuePair<string, string>>())
            .Select(pair => new KeyValuePair<string, string>(Uri.EscapeDataString(pair.Key), Uri.EscapeDataString(pair.Value)));
        IEnumerable<KeyValuePair<string, string>> query = _nextLink is null ? _query : Enumerable.Empty<KeyValuePair<string, string>>();
        foreach (KeyValuePair<string, string> pair in query.Concat(extra).Concat(CredentialQuery(credentials)))
        {
            url.Append(separator).Append(pair.Key).Append('=').Append(pair.Value);
            separator = '&';
        }

        var message = new HttpRequestMessage(new HttpMethod(Method), CreateUri(url.ToString())) { Content = Body ?? (_formContent ??= CreateFormContent()) };
        foreach (KeyValuePair<string, string> header in _headers.Concat(CredentialHeaders(credentials)))
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        List<KeyValuePair<string, string>> cookies = _cookies.Concat(CredentialCookies(credentials)).ToList();
        if (cookies.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(pair => pair.Key + "=" + pair.Value)));
        }

        return message;
    }
}
