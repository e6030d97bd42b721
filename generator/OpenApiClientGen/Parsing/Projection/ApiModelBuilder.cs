using System.Net.Http;
using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>Builds the equatable <see cref="ApiSpec"/> from a parsed OpenAPI document.</summary>
internal sealed class ApiModelBuilder
{

    /// <summary>The most operations a document without groups has for its methods to stay on the client itself.</summary>
    private const int FlatDocumentLimit = 20;

    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY" };

    private readonly SpecOptions _options;
    private readonly OpenApiDocument _document;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SchemaTypeBuilder _types;
    private readonly List<GroupSpec> _groups;
    private readonly OperationDetailsBuilder _details;
    private readonly StreamModelBuilder _streams;
    private readonly SequentialStreamBuilder _sequentialStreams;
    private readonly PaginationBuilder _pagination;
    private readonly bool _documentHasGroups;
    private readonly int _operationCount;
    private readonly ClientNames _names;

    public ApiModelBuilder(SpecOptions options, OpenApiDocument document, List<DiagnosticInfo> diagnostics, TargetFeatures features)
    {
        _options = options;
        _document = document;
        _diagnostics = diagnostics;
        _names = DefaultNames.Of(options, document.Info?.Title);
        _documentHasGroups = Operations().Any(o => ExplicitGroup(o.Operation) is not null);
        _operationCount = options.DocumentOperationCount > 0 ? options.DocumentOperationCount : Operations().Count();
        _groups = CollectGroups();
        var reserved = _names.Reserved.Concat(_groups.Select(g => g.ClassName)).ToList();
        _types = new SchemaTypeBuilder(reserved, features, options.ShareIdenticalTypes);
        _details = new OperationDetailsBuilder(document, _types);
        _streams = new StreamModelBuilder(document, _types, diagnostics, options.FilePath);
        _sequentialStreams = new SequentialStreamBuilder(_types);
        _pagination = new PaginationBuilder(_types, diagnostics, options.FilePath);
    }

    public ApiSpec Build()
    {
        _types.DeclareComponents(_document.Components?.Schemas);
        EquatableArray<OperationSpec> operations = BuildOperations();
        _types.DeclareUnreferencedUnions(_document.Components?.Schemas);
        _diagnostics.AddRange(_types.NameClashes.Select(c => DiagnosticInfo.Create(
            DiagnosticDescriptors.NameCollision.Id,
            c.Pointer is null ? SpecLocation.AtFileStart(_options.FilePath) : SpecLocation.AtPointer(_options.FilePath, c.Pointer),
            c.First, c.Second, c.CSharpName, c.Generated)));
        _diagnostics.AddRange(_types.UnsupportedConstructs.Select(u => DiagnosticInfo.Create(
            DiagnosticDescriptors.UnsupportedConstruct.Id,
            u.Pointer is null ? SpecLocation.AtFileStart(_options.FilePath) : SpecLocation.AtPointer(_options.FilePath, u.Pointer),
            u.Construct)));
        return new ApiSpec
        {
            Names = _names,
            Title = _document.Info?.Title ?? _names.Client,
            Description = _document.Info?.Description,
            DefaultBaseUrl = DefaultServerUrl(),
            Types = WithTableNames(_types.Declarations.OrderBy(t => t.Name, StringComparer.Ordinal).ToList()).ToEquatableArray(),
            Groups = _groups.ToEquatableArray(),
            Operations = operations,
            SecuritySchemes = _details.SecuritySchemes,
            ChatClient = ChatClientBuilder.Build(_document, operations.ToList(), _types.Declarations.ToList(), _diagnostics, _options.FilePath),
        };
    }

    /// <summary>Names the JSON class's member and variant lists after their types, past every type and class name.</summary>
    private List<TypeDeclaration> WithTableNames(List<TypeDeclaration> types)
    {
        // Reserved in order, once: the names depend on the sorted order, so the list is built here, not lazily.
        var names = new UniqueNameScope(types.Select(t => t.Name).Concat(_names.Reserved));
        return types.Select(type => type switch
        {
            ObjectTypeSpec model => model with { TableName = names.Reserve(model.Name + "Members") },
            UnionTypeSpec union => union with { TableName = names.Reserve(union.Name + "Variants") },
            _ => type,
        }).ToList();
    }

    /// <summary>Every group path and its parents (<c>Beta</c> for <c>Beta.Conversations</c>), each with a class name.</summary>
    private List<GroupSpec> CollectGroups()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string pathKey, _, OpenApiOperation operation) in Operations())
        {
            string group = GroupOf(operation, pathKey);
            for (; group.Length > 0; group = group.LastIndexOf('.') < 0 ? "" : group.Substring(0, group.LastIndexOf('.')))
            {
                paths.Add(group);
            }
        }

        var classNames = MemberNames.GroupClasses(_names);
        return paths.Select(path => new GroupSpec { Path = path, ClassName = classNames.Reserve(path.Replace(".", "") + "Client") }).ToList();
    }

    private string? DefaultServerUrl()
    {
        OpenApiServer? server = _document.Servers?.FirstOrDefault();
        if (server?.Url is null)
        {
            return null;
        }

        string url = server.Url;
        foreach (KeyValuePair<string, OpenApiServerVariable> variable in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? "");
        }

        return url;
    }

    /// <summary>Every operation in document order, with its path key and HTTP method.</summary>
    private IEnumerable<(string PathKey, string Method, OpenApiOperation Operation)> Operations() =>
        (_document.Paths ?? new OpenApiPaths())
            .Where(path => path.Value.Operations is not null)
            .SelectMany(path => path.Value.Operations!.Select(entry => (path.Key, entry.Key.Method.ToUpperInvariant(), entry.Value)));

    /// <summary>
    /// Each operation's method name (without <c>Async</c>), by operation: the first of its candidates that no other
    /// operation of its group wants at the same step. Operations that collide all step to a longer form together, so
    /// neither keeps a name that says less than the other's; only names that stay equal to the end are numbered later.
    /// </summary>
    private Dictionary<(string PathKey, string Method), (string Method, string Types)> MethodNames()
    {
        var operations = Operations().Select(o => (
            Key: (o.PathKey, o.Method),
            o.Operation.OperationId,
            Group: GroupOf(o.Operation, o.PathKey),
            Candidates: OperationNames.Candidates(
                Extension(o.Operation, "x-speakeasy-name-override") ?? Extension(o.Operation, "x-fern-sdk-method-name"),
                o.Operation.OperationId,
                o.Method,
                StripFragment(o.PathKey),
                GroupOf(o.Operation, o.PathKey)))).ToList();
        int[] step = new int[operations.Count];
        string NameAt(int i) => operations[i].Candidates[Math.Min(step[i], operations[i].Candidates.Count - 1)];
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (IGrouping<(string, string), int> same in Enumerable.Range(0, operations.Count).GroupBy(i => (operations[i].Group, NameAt(i))).Where(g => g.Count() > 1))
            {
                foreach (int i in same.Where(i => step[i] < operations[i].Candidates.Count - 1))
                {
                    step[i]++;
                    changed = true;
                }
            }
        }

        // Types keep the words of the whole operationId: `Create` would make a `CreateRequest` in every group. Only the
        // machine's additions go, where what is left still names one operation and begins no component's name.
        var stems = operations.Select(o => OperationNames.TypeStem(o.OperationId, o.Key.Method, StripFragment(o.Key.PathKey))).ToList();
        var shared = new HashSet<string>(stems.OfType<string>().GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key), StringComparer.OrdinalIgnoreCase);
        var components = (_document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()).Select(Identifiers.ToPascalCase).ToList();
        var names = new Dictionary<(string, string), (string, string)>();
        for (int i = 0; i < operations.Count; i++)
        {
            string whole = operations[i].Candidates[operations[i].Candidates.Count - 1];
            string? stem = stems[i];
            bool usable = stem is not null && !shared.Contains(stem) && !components.Any(c => c.StartsWith(stem, StringComparison.OrdinalIgnoreCase));
            names[operations[i].Key] = (NameAt(i), usable ? stem! : whole);
        }

        return names;
    }

    private EquatableArray<OperationSpec> BuildOperations()
    {
        var result = new List<OperationSpec>();
        Dictionary<(string PathKey, string Method), (string Method, string Types)> preferredNames = MethodNames();
        var methodNames = new Dictionary<string, UniqueNameScope>(StringComparer.Ordinal);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var paged = new List<(OperationSpec Method, OpenApiOperation Operation, string Pointer)>();
        foreach (KeyValuePair<string, IOpenApiPathItem> path in _document.Paths ?? new OpenApiPaths())
        {
            if (path.Value.Operations is null)
            {
                continue;
            }

            // Names are handed out in document order (the reader keeps it), so that of two operations with one
            // operationId the first keeps the name; the methods are still emitted in the usual order of HTTP methods.
            var methodsOfPath = new List<(int Order, List<OperationSpec> Methods)>();
            foreach (KeyValuePair<HttpMethod, OpenApiOperation> entry in path.Value.Operations)
            {
                string method = entry.Key.Method.ToUpperInvariant();
                OpenApiOperation operation = entry.Value;
                string pointer = "/paths/" + SpecTextLocator.Escape(path.Key) + "/" + method.ToLowerInvariant();
                string group = GroupOf(operation, path.Key);
                (string preferredName, string typeName) = preferredNames[(path.Key, method)];
                if (!methodNames.TryGetValue(group, out UniqueNameScope? scope))
                {
                    methodNames[group] = scope = MemberNames.Methods();
                }

                string baseName = scope.ReserveStem(preferredName, "Async", "WithResponseAsync");
                string methodName = baseName + "Async";
                string typeContext = typeName + baseName.Substring(preferredName.Length);
                if (operation.OperationId is { } operationId && !operationIds.Add(operationId))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperationId.Id, SpecLocation.AtPointer(_options.FilePath, pointer + "/operationId"), operationId, methodName));
                }

                var methods = new List<OperationSpec>();
                methodsOfPath.Add((Array.IndexOf(MethodOrder, method), methods));
                OperationSpec built = BuildOperation(group, methodName, typeContext, method, StripFragment(path.Key), path.Value, operation) with { FixedQuery = FixedQuery(path.Key) };
                TypeRef? jsonSuccess = built.Response is { Kind: ResponseKind.Json, Type: { } type } && SuccessHasJsonSchema(operation.Responses) ? type : null;
                StreamSpec? stream = _streams.Build(operation, pointer, typeContext, jsonSuccess);
                bool bodyStreams = HasStreamMember(built.Body);
                if (stream is null)
                {
                    methods.AddRange(_sequentialStreams.Split(built, operation, scope, baseName, typeContext, bodyStreams, AcceptOf(operation.Responses, built.Response.Kind)));
                    if (methods[0].Stream is null && _pagination.Build(operation, path.Value, methods[0], pointer) is { } pagination)
                    {
                        methods[0] = methods[0] with { Pagination = pagination };
                        paged.Add((methods[0], operation, pointer));
                    }
                }
                else if (stream is EventStreamSpec && SuccessOffersJson(operation.Responses))
                {
                    // The success response offers JSON and an event stream: one method reads each, and each says which it wants.
                    methods.Add(built with { Accept = AcceptOf(operation.Responses, ResponseKind.Json), StreamFlag = bodyStreams ? false : null });
                    string streamName = scope.Reserve(baseName + "StreamAsync");
                    methods.Add(built with { MethodName = streamName, Stream = stream, Accept = MediaTypes.EventStream, StreamFlag = bodyStreams ? true : null });
                }
                else
                {
                    methods.Add(built with
                    {
                        Stream = stream,
                        Accept = stream is EventStreamSpec ? MediaTypes.EventStream : null,
                        StreamFlag = bodyStreams && stream is EventStreamSpec ? true : null,
                    });
                }
            }

            result.AddRange(methodsOfPath.OrderBy(m => m.Order).SelectMany(m => m.Methods));
        }

        // The paged methods are named once every operation has its name, so that they never take one an operation wanted.
        foreach ((OperationSpec method, OpenApiOperation operation, string pointer) in paged)
        {
            (string items, string pages) = PaginationBuilder.MethodNames(method.MethodName, methodNames[method.GroupPath]);
            OperationSpec named = method with { Pagination = method.Pagination! with { ItemsMethodName = items, PagesMethodName = pages } };
            result[result.IndexOf(method)] = named;
            _pagination.Report(operation, named, pointer);
        }

        List<TypeDeclaration> types = _types.Declarations.ToList();
        return MemberNames.ErrorTables(result.Select(o => MemberNames.Name(o, _groups, types))).ToEquatableArray();
    }

    private OperationSpec BuildOperation(string group, string methodName, string context, string httpMethod, string path, IOpenApiPathItem pathItem, OpenApiOperation operation)
    {
        var parameterNames = MemberNames.Parameters();
        var parameters = new List<ParameterSpec>();
        foreach (IOpenApiParameter parameter in MergeParameters(pathItem.Parameters, operation.Parameters))
        {
            if (parameter.Name is null || parameter.In is null)
            {
                continue;
            }

            Model.ParameterLocation location = parameter.In.Value switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => Model.ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => Model.ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => Model.ParameterLocation.Cookie,
                _ => Model.ParameterLocation.Query,
            };
            IOpenApiSchema? schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            TypeRef type = _types.Resolve(schema, context + Identifiers.ToPascalCase(parameter.Name));
            parameters.Add(OperationDetailsBuilder.WithStyle(
                new ParameterSpec
                {
                    WireName = parameter.Name,
                    Name = parameterNames.Reserve(Identifiers.ToCamelCase(parameter.Name)),
                    Location = location,
                    Type = type,
                    IsRequired = parameter.Required || location == Model.ParameterLocation.Path,
                    Description = parameter.Description,
                },
                parameter));
        }

        return new OperationSpec
        {
            GroupPath = group,
            MethodName = methodName,
            HttpMethod = httpMethod,
            Path = path,
            Summary = operation.Summary,
            Description = operation.Description,
            IsDeprecated = operation.Deprecated,
            Parameters = parameters.OrderBy(p => p.IsRequired ? 0 : 1).ToEquatableArray(),
            Body = _details.BuildBody(operation.RequestBody, context, parameters.Select(p => p.Name), Extension(operation, "x-codegen-request-body-name")),
            Response = BuildResponse(operation.Responses, context),
            OperationId = operation.OperationId,
            Errors = _details.ErrorsOf(operation.Responses, context),
            Security = _details.SecurityOf(operation),
        };
    }

    private ResponseSpec BuildResponse(OpenApiResponses? responses, string context)
    {
        if (responses is null)
        {
            return ResponseSpec.None;
        }

        KeyValuePair<string, IOpenApiResponse> success = SuccessResponses.Of(responses)
            .Concat(responses.Where(r => r.Key == "default"))
            .FirstOrDefault();
        if (success.Value?.Content is not { Count: > 0 } content)
        {
            return ResponseSpec.None with { Description = success.Value?.Description };
        }

        KeyValuePair<string, IOpenApiMediaType> json = content.FirstOrDefault(c => MediaTypes.IsJson(c.Key));
        if (json.Key is not null)
        {
            return new ResponseSpec { Kind = ResponseKind.Json, Type = _types.Resolve(json.Value?.Schema, context + "Response"), Description = success.Value.Description };
        }

        bool text = content.Keys.Any(k => k.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !k.Equals(MediaTypes.EventStream, StringComparison.OrdinalIgnoreCase));
        return new ResponseSpec { Kind = text ? ResponseKind.Text : ResponseKind.Binary, Type = null, Description = success.Value.Description };
    }

    /// <summary>True when the body is a JSON object with a boolean <c>stream</c> member the schema leaves open.</summary>
    // A JSON body's member or a form body's field (OpenAI's transcriptions) named `stream`, boolean and not fixed.
    private bool HasStreamMember(RequestBodySpec? body) =>
        body is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Declared } type }
            ? _types.Declaration(type.Name) is ObjectTypeSpec model
                && model.Properties.Any(p => p.JsonName == "stream" && p.FixedBoolean is null && IsBoolean(p.Type))
            : body is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } && body.Fields.Any(f => f.IsStreamFlag);

    private static bool IsBoolean(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name == "bool";

    private static bool SuccessOffersJson(OpenApiResponses? responses) =>
        SuccessResponses.Of(responses).Any(r => r.Value.Content?.Keys.Any(MediaTypes.IsJson) == true);

    private static bool SuccessHasJsonSchema(OpenApiResponses? responses) =>
        SuccessResponses.Of(responses).Any(r => r.Value.Content?.Any(c => MediaTypes.IsJson(c.Key) && c.Value?.Schema is not null) == true);

    /// <summary>
    /// The <c>Accept</c> header of a call that reads <paramref name="kind"/>, as the official SDKs build it: the JSON
    /// media types the responses declare (<c>application/json</c> first, then <c>application/problem+json</c> and the
    /// like), or the success response's own types for text and binary bodies.
    /// </summary>
    private static string? AcceptOf(OpenApiResponses? responses, ResponseKind kind)
    {
        IEnumerable<string> declared = (responses ?? new OpenApiResponses())
            .Where(r => r.Value?.Content is not null)
            .SelectMany(r => r.Value.Content!.Keys)
            .Select(MediaTypes.Essence);
        List<string> json = declared.Where(k => k != "*/*" && MediaTypes.IsJson(k)).Distinct(StringComparer.Ordinal)
            .OrderBy(k => k == "application/json" ? 0 : 1).ToList();
        if (kind is ResponseKind.Text or ResponseKind.Binary)
        {
            List<string> own = SuccessResponses.Of(responses).SelectMany(r => r.Value.Content?.Keys ?? Enumerable.Empty<string>())
                .Select(k => k.Split(';')[0].Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return own.Count == 0 ? null : string.Join(", ", own.Concat(json).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        if (kind == ResponseKind.Json && json.Count == 0)
        {
            json.Add("application/json");
        }

        return json.Count == 0 ? null : string.Join(", ", json);
    }

    private static IEnumerable<IOpenApiParameter> MergeParameters(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel)
    {
        var merged = new List<IOpenApiParameter>(operationLevel ?? Array.Empty<IOpenApiParameter>());
        foreach (IOpenApiParameter shared in pathLevel ?? Array.Empty<IOpenApiParameter>())
        {
            if (!merged.Any(p => p.Name == shared.Name && p.In == shared.In))
            {
                merged.Add(shared);
            }
        }

        return merged;
    }

    /// <summary>
    /// The operation's dotted group: the one it names, or in a document that names none, its path's first segment.
    /// </summary>
    private string GroupOf(OpenApiOperation operation, string pathKey)
    {
        if (ExplicitGroup(operation) is { } group)
        {
            return string.Join(".", group.Split('.').Select(Identifiers.ToPascalCase));
        }

        // A small document reads best flat; a large one without groups (Anthropic's 97 operations) splits by path.
        return _documentHasGroups || _operationCount <= FlatDocumentLimit ? "" : OperationNames.PathGroup(StripFragment(pathKey));
    }

    private static string? ExplicitGroup(OpenApiOperation operation)
    {
        string? group = Extension(operation, "x-speakeasy-group") ?? Extension(operation, "x-fern-sdk-group-name") ?? operation.Tags?.FirstOrDefault()?.Name;
        return string.IsNullOrWhiteSpace(group) ? null : group;
    }

    private static string? Extension(OpenApiOperation operation, string name) => Extension(operation.Extensions, name);

    /// <summary>The text of a string extension; null when it is absent, blank or not a string.</summary>
    internal static string? Extension(IDictionary<string, IOpenApiExtension>? extensions, string name) =>
        extensions is not null && extensions.TryGetValue(name, out IOpenApiExtension? extension)
            && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    // Speakeasy puts "#stream" in path keys to tell two POSTs to the same URL apart; the fragment is never sent.
    // A query in the key (Anthropic's "/v1/models?beta=true") is not part of the path either: it is sent as parameters.
    private static string StripFragment(string path)
    {
        int hash = path.IndexOf('#');
        path = hash < 0 ? path : path.Substring(0, hash);
        int query = path.IndexOf('?');
        return query < 0 ? path : path.Substring(0, query);
    }

    /// <summary>The name/value pairs of the query a path key carries, sent on every call of its operations.</summary>
    private static EquatableArray<string> FixedQuery(string pathKey)
    {
        int hash = pathKey.IndexOf('#');
        string path = hash < 0 ? pathKey : pathKey.Substring(0, hash);
        int query = path.IndexOf('?');
        if (query < 0)
        {
            return EquatableArray<string>.Empty;
        }

        return path.Substring(query + 1).Split('&').Where(p => p.Length > 0)
            .Select(p => p.IndexOf('=') < 0 ? p + "=" : p)
            .Select(p => Uri.UnescapeDataString(p.Replace('+', ' ')))
            .ToEquatableArray();
    }
}
