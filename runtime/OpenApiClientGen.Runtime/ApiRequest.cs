using System.Net.Http.Headers;

namespace OpenApiClientGen.Runtime;

/// <summary>One request being put together by a generated operation method: path, query, headers and body.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class ApiRequest
{
    // Made on first use: most calls send no query parameter, header or cookie of their own but Accept.
    private static readonly List<KeyValuePair<string, string>> NoPairs = new();
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<KeyValuePair<string, string>>? _cookies;
    private string _path;
    private byte[]? _jsonBody;
    private HttpContent? _body;

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
    /// <remarks>A JSON body becomes content only when it is first asked for, so that rewriting it costs no content.</remarks>
    public HttpContent? Body
    {
        get => _body ??= _jsonBody is { } json ? JsonContent(json) : null;
        private set
        {
            _body = value;
            _jsonBody = null;
        }
    }

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

    private void AddEncodedQuery(string encodedName, string encodedValue) => (_query ??= new()).Add(new KeyValuePair<string, string>(encodedName, encodedValue));

    /// <summary>Adds a header; null leaves it out. Values with line breaks are refused before anything is sent.</summary>
    public ApiRequest Header(string name, object? value)
    {
        if (value is null && string.Equals(name, IdempotencyKeyHeader, StringComparison.OrdinalIgnoreCase))
        {
            _idempotencyKeyDeclared = true;
        }

        if (value is not null)
        {
            (_headers ??= new(2)).Add(new KeyValuePair<string, string>(name, ParameterFormatter.HeaderValue(name, string.Join(",", ParameterFormatter.FormatEach(value)))));
        }

        return this;
    }

    /// <summary>Adds a cookie; null leaves it out.</summary>
    public ApiRequest Cookie(string name, object? value)
    {
        if (value is not null)
        {
            (_cookies ??= new()).Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(ParameterFormatter.Format(value))));
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
    /// Sends <paramref name="value"/> as an <c>application/json</c> body whose top-level member <paramref name="name"/>
    /// is <paramref name="memberValue"/>, in place of what the value held: a streaming method sends
    /// <c>"stream": true</c> and its plain twin <c>false</c>. A body that is no JSON object is sent as it is.
    /// </summary>
    public ApiRequest JsonBody<T>(T? value, JsonConverter<T> codec, string name, bool memberValue)
    {
        if (value is null)
        {
            return this;
        }

        SetJsonBody(JsonCodecs.SerializeRequest(value, codec, name, memberValue));
        return this;
    }

    /// <summary>Sends <c>Accept: <paramref name="mediaTypes"/></c>, the media types the operation reads.</summary>
    public ApiRequest Accept(string mediaTypes)
    {
        (_headers ??= new(2)).Add(new KeyValuePair<string, string>("Accept", ParameterFormatter.HeaderValue("Accept", mediaTypes)));
        return this;
    }

    /// <summary>The media type JSON calls accept when the operation declares no other.</summary>
    public const string JsonMediaType = "application/json";

    // A JSON or stream call accepts what it reads unless the operation said more (application/problem+json, say).
    // Returns the Accept value the request goes out with, which is what a wrong answer is measured against.
    internal string AcceptUnlessSet(string mediaType)
    {
        foreach (KeyValuePair<string, string> header in _headers ?? NoPairs)
        {
            if (string.Equals(header.Key, "Accept", StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        Accept(mediaType);
        return mediaType;
    }

    // The official SDKs send plain "application/json"; a charset parameter is redundant for JSON (RFC 8259).
    private void SetJsonBody(byte[] json)
    {
        _body = null;
        _jsonBody = json;
    }

    private static ByteArrayContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
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
        var message = new HttpRequestMessage(MethodOf(Method), CreateUri(Url(baseAddress, credentials, extraQuery))) { Content = Body ?? (_formContent ??= CreateFormContent()) };
        foreach (KeyValuePair<string, string> header in _headers ?? NoPairs)
        {
            AddHeader(message, header.Key, header.Value);
        }

        StringBuilder? cookies = null;
        foreach (KeyValuePair<string, string> cookie in _cookies ?? NoPairs)
        {
            AppendCookie(ref cookies, cookie.Key, cookie.Value);
        }

        for (int i = 0; i < credentials.Count; i++)
        {
            ApiCredential credential = credentials[i];
            switch (credential.Scheme.Kind)
            {
                case ApiSecurityKind.Bearer or ApiSecurityKind.Basic:
                    AddHeader(message, "Authorization", ParameterFormatter.HeaderValue(credential.Scheme.Name, credential.WireValue));
                    break;
                case ApiSecurityKind.ApiKeyHeader:
                    AddHeader(message, credential.Scheme.ParameterName, ParameterFormatter.HeaderValue(credential.Scheme.Name, credential.WireValue));
                    break;
                case ApiSecurityKind.ApiKeyCookie:
                    AppendCookie(ref cookies, credential.Scheme.ParameterName, Uri.EscapeDataString(credential.Value));
                    break;
            }
        }

        if (cookies is not null)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookies.ToString());
        }

        return message;
    }

    // The address: the base address's, then the path, then the query, with the credentials that go in the query.
    private string Url(Uri baseAddress, IReadOnlyList<ApiCredential> credentials, IEnumerable<KeyValuePair<string, string>>? extraQuery)
    {
        if (_nextLink is null && _query is null && extraQuery is null && !SendsQueryCredential(credentials))
        {
            // Most calls: the base address and the path, joined in one string.
            return JoinedPath(baseAddress.AbsoluteUri, _path);
        }

        StringBuilder url;
        if (_nextLink is null)
        {
            string root = baseAddress.AbsoluteUri;
            int rootLength = RootLength(root);

            // Sized for the path and the query, so that the builder does not grow.
            int capacity = rootLength + 1 + _path.Length;
            foreach (KeyValuePair<string, string> pair in _query ?? NoPairs)
            {
                capacity += pair.Key.Length + pair.Value.Length + 2;
            }

            url = new StringBuilder(capacity).Append(root, 0, rootLength);
            if (!_path.StartsWith("/", StringComparison.Ordinal))
            {
                url.Append('/');
            }

            url.Append(_path);
        }
        else
        {
            url = new StringBuilder(NextLinkUrl(baseAddress));
        }

        char separator = _nextLink is not null && url.ToString().IndexOf('?') >= 0 ? '&' : '?';
        // Plain loops: this runs on every call, and the credentials are the caller's own, in the spec's order.
        if (_nextLink is null)
        {
            foreach (KeyValuePair<string, string> pair in _query ?? NoPairs)
            {
                AppendQuery(url, ref separator, pair.Key, pair.Value);
            }
        }

        if (extraQuery is not null)
        {
            foreach (KeyValuePair<string, string> pair in extraQuery)
            {
                AppendQuery(url, ref separator, Uri.EscapeDataString(pair.Key), Uri.EscapeDataString(pair.Value));
            }
        }

        for (int i = 0; i < credentials.Count; i++)
        {
            if (credentials[i] is { Scheme.Kind: ApiSecurityKind.ApiKeyQuery } credential)
            {
                AppendQuery(url, ref separator, Uri.EscapeDataString(credential.Scheme.ParameterName), Uri.EscapeDataString(credential.Value));
            }
        }

        return url.ToString();
    }

    // The base address's length without its trailing slashes, which the path's own slash replaces.
    private static int RootLength(string root)
    {
        int length = root.Length;
        while (length > 0 && root[length - 1] == '/')
        {
            length--;
        }

        return length;
    }

    private static bool SendsQueryCredential(IReadOnlyList<ApiCredential> credentials)
    {
        for (int i = 0; i < credentials.Count; i++)
        {
            if (credentials[i].Scheme.Kind == ApiSecurityKind.ApiKeyQuery)
            {
                return true;
            }
        }

        return false;
    }

    // The root without its trailing slashes, one slash, and the path.
    private static string JoinedPath(string root, string path)
    {
        int rootLength = RootLength(root);
        string slash = path.StartsWith("/", StringComparison.Ordinal) ? "" : "/";
#if NET
        return string.Concat(root.AsSpan(0, rootLength), slash, path);
#else
        return string.Concat(root.Substring(0, rootLength), slash, path);
#endif
    }

    private static void AppendQuery(StringBuilder url, ref char separator, string encodedName, string encodedValue)
    {
        url.Append(separator).Append(encodedName).Append('=').Append(encodedValue);
        separator = '&';
    }

    // A header HttpRequestMessage does not take (Content-Type, say) goes on the content.
    private static void AddHeader(HttpRequestMessage message, string name, string value)
    {
        if (!message.Headers.TryAddWithoutValidation(name, value))
        {
            message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static void AppendCookie(ref StringBuilder? cookies, string name, string encodedValue) =>
        (cookies is null ? cookies = new StringBuilder() : cookies.Append("; ")).Append(name).Append('=').Append(encodedValue);

    // The shared instances for the methods APIs use, so a call makes no HttpMethod of its own.
    private static HttpMethod MethodOf(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        _ => new HttpMethod(method),
    };
}
