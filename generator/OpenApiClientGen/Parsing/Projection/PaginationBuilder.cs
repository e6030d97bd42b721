using System.Globalization;
using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Recognizes paged lists: those a spec declares with <c>x-speakeasy-pagination</c>, <c>x-ms-pageable</c> or
/// <c>x-fern-pagination</c>, and two undeclared shapes that GET lists commonly have: OpenAI's cursor
/// (<c>after</c>, <c>has_more</c>, <c>data</c>) and page numbers (<c>page</c> with <c>page_size</c> or <c>limit</c>).
/// </summary>
/// <remarks>
/// Conservative on purpose: a declaration is read only when every part of it maps onto the operation's parameters
/// and the page's members, and anything else (a JSONPath beyond <c>$.a.b</c>, an input in the body) leaves the
/// operation one page per call, with info OACG0025 saying why. Undeclared shapes need every member they name.
/// </remarks>
internal sealed class PaginationBuilder
{
    private const string SpeakeasyName = "x-speakeasy-pagination";
    private const string AzureName = "x-ms-pageable";
    private const string FernName = "x-fern-pagination";

    private static readonly string[] PageSizeNames = { "page_size", "pageSize", "limit" };
    private static readonly string[] ItemsNames = { "data", "items", "results" };
    private static readonly string[] TotalPagesNames = { "total_pages", "totalPages" };
    private static readonly string[] TotalItemsNames = { "total", "total_count", "totalCount", "total_items", "totalItems" };
    private static readonly string[] HasMoreNames = { "has_more", "hasMore" };
    private static readonly string[] PageInfoNames = { "pagination", "meta" };

    private readonly SchemaTypeBuilder _types;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly string _filePath;

    public PaginationBuilder(SchemaTypeBuilder types, List<DiagnosticInfo> diagnostics, string filePath)
    {
        _types = types;
        _diagnostics = diagnostics;
        _filePath = filePath;
    }

    /// <summary>How <paramref name="built"/> pages, or null when it returns one page per call.</summary>
    /// <param name="built">The operation's JSON method, with its parameters and response type.</param>
    /// <param name="pointer">The operation's JSON pointer, where a declaration that is not read is reported.</param>
    public PaginationSpec? Build(OpenApiOperation operation, IOpenApiPathItem pathItem, OperationSpec built, string pointer)
    {
        string? declared = new[] { SpeakeasyName, AzureName, FernName }.FirstOrDefault(name => operation.Extensions?.ContainsKey(name) == true);
        ObjectTypeSpec? page = built.Stream is null && built.Response is { Kind: ResponseKind.Json, Type: { Kind: TypeKind.Declared } type }
            ? _types.DeclaredObject(type.Name)
            : null;
        if (declared is not null)
        {
            JsonNode? settings = (operation.Extensions![declared] as JsonNodeExtension)?.Node;
            var reading = new Reading(_types, built, page, pathItem, operation);
            PaginationSpec? spec = page is null
                ? reading.Decline("its success response is not a JSON object")
                : declared switch
                {
                    SpeakeasyName => reading.Speakeasy(settings),
                    AzureName => reading.Azure(settings),
                    _ => reading.Fern(settings),
                };
            if (spec is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.PagedList.Id,
                    SpecLocation.AtPointer(_filePath, pointer),
                    operation.OperationId ?? built.MethodName,
                    $"declares {declared}, which is not read ({reading.Reason}); it returns one page per call"));
            }

            return spec;
        }

        if (page is null || built.HttpMethod != "GET")
        {
            return null;
        }

        var undeclared = new Reading(_types, built, page, pathItem, operation);
        return undeclared.OpenAICursor() ?? undeclared.PageNumbers();
    }

    /// <summary>Info OACG0025 for an operation read as a paged list, once its methods have their names.</summary>
    public void Report(OpenApiOperation operation, OperationSpec paged, string pointer)
    {
        PaginationSpec pagination = paged.Pagination!;
        string kind = pagination switch
        {
            CursorPaginationSpec => "by cursor",
            NextLinkPaginationSpec => "by next link",
            PositionPaginationSpec { IsOffset: true } => "by offset",
            _ => "by page number",
        };
        _diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.PagedList.Id,
            SpecLocation.AtPointer(_filePath, pointer),
            operation.OperationId ?? paged.MethodName,
            $"is a list paged {kind} ({pagination.Source}): {pagination.ItemsMethodName} yields every item and {pagination.PagesMethodName} every page"));
    }

    /// <summary>
    /// The names of the two paged methods of <paramref name="methodName"/>. The page method adds <c>Pages</c>
    /// (<c>ListAgentsPagesAsync</c>). The item method puts <c>All</c> after a leading List, Get, Search, Find, Fetch or
    /// Query (<c>ListAllAgentsAsync</c>, <c>ListAllAsync</c>), adds <c>Items</c> where <c>All</c> is there already
    /// (<c>GetAllItemsAsync</c>), and adds <c>All</c> otherwise (<c>HistoryAllAsync</c>). A list named for its pages
    /// (<c>ListPagesAsync</c>) gives <c>ListAllAsync</c> and <c>ListAllPagesAsync</c>. A name that is taken is numbered.
    /// </summary>
    public static (string Items, string Pages) MethodNames(string methodName, UniqueNameScope names)
    {
        string name = methodName.Substring(0, methodName.Length - "Async".Length);
        // A list that says it returns pages (Mistral's `ListPages`, GET /v1/agents/pages) is named from what the pages hold.
        bool saysPages = name.Length > "Pages".Length && name.EndsWith("Pages", StringComparison.Ordinal);
        string stem = saysPages ? name.Substring(0, name.Length - "Pages".Length) : name;
        string verb = new[] { "List", "Get", "Search", "Find", "Fetch", "Query" }.FirstOrDefault(v => StartsWithWord(stem, v)) ?? "";
        string rest = stem.Substring(verb.Length);
        string items = verb.Length == 0 ? stem + "All" : StartsWithWord(rest, "All") ? stem + "Items" : verb + "All" + rest;
        // Its page form would repeat the list's own name, so it says All as well: ListAllPages.
        string pages = saysPages ? items + "Pages" : stem + "Pages";
        return (names.ReserveStem(items, "Async") + "Async", names.ReserveStem(pages, "Async") + "Async");
    }

    private static bool StartsWithWord(string name, string word) =>
        name.StartsWith(word, StringComparison.Ordinal) && (name.Length == word.Length || !char.IsLower(name[word.Length]));

    /// <summary>Reads one operation's pagination; <see cref="Reason"/> says why when it gives null.</summary>
    private sealed class Reading
    {
        private readonly OperationSpec _built;
        private readonly ObjectTypeSpec? _page;
        private readonly IOpenApiPathItem _pathItem;
        private readonly OpenApiOperation _operation;
        private readonly SchemaTypeBuilder _types;

        public Reading(SchemaTypeBuilder types, OperationSpec built, ObjectTypeSpec? page, IOpenApiPathItem pathItem, OpenApiOperation operation)
        {
            _types = types;
            _built = built;
            _page = page;
            _pathItem = pathItem;
            _operation = operation;
        }

        public string Reason { get; private set; } = "";

        public PaginationSpec? Decline(string reason)
        {
            Reason = reason;
            return null;
        }

        // x-speakeasy-pagination: {type: cursor | offsetLimit, inputs: [{name, in, type}], outputs: {results, nextCursor, numPages}}
        public PaginationSpec? Speakeasy(JsonNode? settings)
        {
            if (settings is not JsonObject pagination)
            {
                return Decline("it is not an object");
            }

            string? type = Text(pagination["type"]);
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonObject? input in (pagination["inputs"] as JsonArray ?? new JsonArray()).Select(i => i as JsonObject))
            {
                string? name = Text(input?["name"]), role = Text(input?["type"]), place = Text(input?["in"]);
                if (name is null || role is null)
                {
                    return Decline("an input has no name or type");
                }

                if (place != "parameters")
                {
                    return Decline($"input '{name}' is in '{place}'; only inputs in parameters are read");
                }

                inputs[role] = name;
            }

            JsonObject outputs = pagination["outputs"] as JsonObject ?? new JsonObject();
            if (Text(outputs["results"]) is not { } results)
            {
                return Decline("outputs.results is missing");
            }

            switch (type)
            {
                case "cursor":
                    if (!inputs.TryGetValue("cursor", out string? cursor) || Text(outputs["nextCursor"]) is not { } next)
                    {
                        return Decline("a cursor list needs a cursor input and outputs.nextCursor");
                    }

                    return Cursor(SpeakeasyName, cursor, results, next);
                case "offsetLimit":
                    bool byPage = inputs.TryGetValue("page", out string? position);
                    if (!byPage && !inputs.TryGetValue("offset", out position))
                    {
                        return Decline("an offsetLimit list needs a page or offset input");
                    }

                    inputs.TryGetValue("limit", out string? limit);
                    return Position(SpeakeasyName, position!, !byPage, limit, results, Text(outputs["numPages"]), null, null);
                default:
                    return Decline($"type '{type}' is not one of cursor and offsetLimit");
            }
        }

        // x-ms-pageable: {nextLinkName, itemName = "value"}; the next page is the URL in the nextLink member.
        public PaginationSpec? Azure(JsonNode? settings)
        {
            if (settings is not JsonObject pageable)
            {
                return Decline("it is not an object");
            }

            if (Text(pageable["nextLinkName"]) is not { } nextLinkName)
            {
                return Decline("nextLinkName is null, so the list is one page");
            }

            // Both are member names, not paths: Azure's "odata.nextLink" is one member with a dot in its name.
            string itemName = Text(pageable["itemName"]) ?? "value";
            if (Follow(new[] { itemName }, itemName, t => t.Kind == TypeKind.Array, "a list") is not { } items ||
                Follow(new[] { nextLinkName }, nextLinkName, t => IsString(t) || IsUri(t), "a string") is not { } nextLink)
            {
                return null;
            }

            return new NextLinkPaginationSpec
            {
                NextLink = nextLink.Steps,
                NextLinkIsUri = IsUri(nextLink.Type),
                Source = AzureName,
                Items = items.Steps,
                ItemType = items.Type.Element!,
            };
        }

        // x-fern-pagination: {cursor: $request.x, next_cursor: $response.y, results: $response.z}, or {offset, results, step?, has-next-page?}.
        public PaginationSpec? Fern(JsonNode? settings)
        {
            if (settings is not JsonObject pagination)
            {
                return Decline("it is not an object, or refers to the document's own setting");
            }

            string[] known = { "cursor", "next_cursor", "results", "offset", "step", "has-next-page" };
            if (pagination.Select(p => p.Key).FirstOrDefault(k => Array.IndexOf(known, k) < 0) is { } unknown)
            {
                return Decline($"'{unknown}' is not read");
            }

            if (Text(pagination["results"]) is not { } results)
            {
                return Decline("results is missing");
            }

            if (Text(pagination["cursor"]) is { } cursor)
            {
                if (Request(cursor) is not { } cursorName || Text(pagination["next_cursor"]) is not { } next)
                {
                    return Decline($"a cursor list needs cursor '$request.<parameter>' and next_cursor, not '{cursor}'");
                }

                return Cursor(FernName, cursorName, results, next);
            }

            if (Text(pagination["offset"]) is not { } offset || Request(offset) is not { } offsetName)
            {
                return Decline("it needs cursor or offset as '$request.<parameter>'");
            }

            // Fern counts pages by one, or by `step` items when it names the page-size parameter.
            string? step = Text(pagination["step"]);
            if (step is not null && Request(step) is null)
            {
                return Decline($"step '{step}' is not '$request.<parameter>'");
            }

            return Position(FernName, offsetName, step is not null, step is null ? null : Request(step), results, null, null, Text(pagination["has-next-page"]));
        }

        // OpenAI: `after` is the last id seen; `has_more` says whether there is more; `last_id`, when present, names it.
        public PaginationSpec? OpenAICursor()
        {
            if (Parameter("after") is not { Location: Model.ParameterLocation.Query } ||
                Member(new[] { "has_more" }) is not { } hasMore || !IsBoolean(hasMore.Type) ||
                Member(new[] { "data" }) is not { Type.Kind: TypeKind.Array })
            {
                return null;
            }

            string next = Member(new[] { "last_id" }) is { } lastId && IsString(lastId.Type) ? "$.last_id" : "";
            return Cursor("after/has_more", "after", "$.data", next.Length > 0 ? next : null, "$.has_more");
        }

        // `page` with a page size, and the items in `data`, `items` or `results`.
        public PaginationSpec? PageNumbers()
        {
            if (Parameter("page") is not { Location: Model.ParameterLocation.Query } ||
                PageSizeNames.Select(Parameter).FirstOrDefault(p => p is { Location: Model.ParameterLocation.Query } && IsInteger(p.Type)) is not { } size ||
                Member(ItemsNames) is not { Type.Kind: TypeKind.Array } items)
            {
                return null;
            }

            // The totals sit on the page, or in a `pagination` or `meta` member of it (PipesHub's `pagination.totalPages`).
            string? PathTo(string[] names) =>
                Member(names) is { } member ? "$." + member.JsonName
                : Member(PageInfoNames) is { Type.Kind: TypeKind.Declared } info && _types.DeclaredObject(info.Type.Name) is { } model
                    && names.Select(n => model.Properties.FirstOrDefault(p => p.JsonName == n)).FirstOrDefault(p => p is not null) is { } nested
                    ? "$." + info.JsonName + "." + nested.JsonName
                    : null;
            return Position("page/" + size.WireName, "page", isOffset: false, size.WireName, "$." + items.JsonName, PathTo(TotalPagesNames), PathTo(TotalItemsNames), PathTo(HasMoreNames));
        }

        private PaginationSpec? Cursor(string source, string cursorName, string results, string? next, string? hasMore = null)
        {
            if (Parameter(cursorName) is not { } cursor || !IsString(cursor.Type) || cursor.IsRequired)
            {
                return Decline($"the cursor '{cursorName}' is not an optional string parameter");
            }

            if (Items(results) is not { } items)
            {
                return null;
            }

            if (!TryDeclaredPath(next, IsString, "a string", out EquatableArray<PageMemberSpec> nextCursor))
            {
                return null;
            }

            // OpenAI's lists page after the last item's id, which `last_id` repeats where the page has it.
            EquatableArray<PageMemberSpec> itemId = hasMore is not null && ItemIdOf(items.ItemType) is { } id ? id : EquatableArray<PageMemberSpec>.Empty;
            if (nextCursor.IsEmpty && itemId.IsEmpty)
            {
                return Decline("the items have no string id to page after");
            }

            EquatableArray<PageMemberSpec> more = EquatableArray<PageMemberSpec>.Empty;
            if (hasMore is not null && Path(hasMore, IsBoolean, "a boolean") is { } moreSteps)
            {
                more = moreSteps.Steps;
            }

            return new CursorPaginationSpec
            {
                CursorParameter = cursor.Name,
                NextCursor = nextCursor,
                HasMore = more,
                ItemId = itemId,
                Source = source,
                Items = items.Steps,
                ItemType = items.ItemType,
            };
        }

        private PaginationSpec? Position(string source, string positionName, bool isOffset, string? sizeName, string results, string? totalPages, string? totalItems, string? hasMore)
        {
            if (Parameter(positionName) is not { } position || !IsInteger(position.Type))
            {
                return Decline($"'{positionName}' is not an integer parameter");
            }

            ParameterSpec? size = sizeName is null ? null : Parameter(sizeName);
            if (sizeName is not null && (size is null || !IsInteger(size.Type)))
            {
                return Decline($"'{sizeName}' is not an integer parameter");
            }

            if (Items(results) is not { } items)
            {
                return null;
            }

            if (!TryDeclaredPath(totalPages, IsInteger, "an integer", out EquatableArray<PageMemberSpec> pages)
                || !TryDeclaredPath(hasMore, IsBoolean, "a boolean", out EquatableArray<PageMemberSpec> more))
            {
                return null;
            }

            EquatableArray<PageMemberSpec> total = totalItems is not null && Path(totalItems, IsInteger, "an integer") is { } totalPath
                ? totalPath.Steps
                : EquatableArray<PageMemberSpec>.Empty;

            long first = isOffset ? 0 : FirstPage(position.WireName);
            return new PositionPaginationSpec
            {
                Parameter = position.Name,
                PositionType = position.Type.Name,
                IsOffset = isOffset,
                FirstPage = first,
                SizeParameter = size?.Name,
                TotalPages = pages,
                TotalItems = total,
                HasMore = more,
                Source = source,
                Items = items.Steps,
                ItemType = items.ItemType,
            };
        }

        /// <summary>The page's items at <paramref name="results"/>, which must be a list.</summary>
        private (EquatableArray<PageMemberSpec> Steps, TypeRef ItemType)? Items(string results)
        {
            if (Path(results, t => t.Kind == TypeKind.Array, "a list") is not { } path)
            {
                return null;
            }

            return (path.Steps, path.Type.Element!);
        }

        private EquatableArray<PageMemberSpec>? ItemIdOf(TypeRef item) =>
            item.Kind == TypeKind.Declared && _types.DeclaredObject(item.Name) is { } model
                && model.Properties.FirstOrDefault(p => p.JsonName == "id") is { } id && IsString(id.Type)
                ? new[] { Step(id) }.ToEquatableArray()
                : null;

        /// <summary>
        /// Follows a JSONPath of the simple form <c>$.a.b</c> (or Fern's <c>$response.a.b</c>) through the page's
        /// members to one that <paramref name="fits"/>.
        /// </summary>
        /// <summary>
        /// The steps to <paramref name="jsonPath"/>, or none when no path is given; false when the path is given but
        /// does not resolve to <paramref name="expected"/>, which <see cref="Path"/> has said already.
        /// </summary>
        private bool TryDeclaredPath(string? jsonPath, Func<TypeRef, bool> fits, string expected, out EquatableArray<PageMemberSpec> steps)
        {
            steps = EquatableArray<PageMemberSpec>.Empty;
            if (jsonPath is null)
            {
                return true;
            }

            if (Path(jsonPath, fits, expected) is not { } path)
            {
                return false;
            }

            steps = path.Steps;
            return true;
        }

        private (EquatableArray<PageMemberSpec> Steps, TypeRef Type)? Path(string jsonPath, Func<TypeRef, bool> fits, string expected)
        {
            string? rest = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath.Substring(2)
                : jsonPath.StartsWith("$response.", StringComparison.Ordinal) ? jsonPath.Substring("$response.".Length)
                : null;
            string[] names = rest?.Split('.') ?? Array.Empty<string>();
            if (names.Length == 0 || names.Any(n => n.Length == 0 || n.IndexOfAny(new[] { '[', ']', '*', '(', '?', '@', '\'', '"', ' ' }) >= 0))
            {
                Decline($"'{jsonPath}' is not a path of the form '$.a.b'");
                return null;
            }

            return Follow(names, jsonPath, fits, expected);
        }

        /// <summary>Follows <paramref name="names"/> from the page through its members to one that <paramref name="fits"/>.</summary>
        private (EquatableArray<PageMemberSpec> Steps, TypeRef Type)? Follow(string[] names, string jsonPath, Func<TypeRef, bool> fits, string expected)
        {
            var steps = new List<PageMemberSpec>();
            ObjectTypeSpec? model = _page;
            TypeRef? type = null;
            foreach (string name in names)
            {
                PropertySpec? member = model?.Properties.FirstOrDefault(p => p.JsonName == name);
                if (member is null)
                {
                    Decline($"the page has no member at '{jsonPath}'");
                    return null;
                }

                steps.Add(Step(member));
                type = member.Type;
                model = type.Kind == TypeKind.Declared ? _types.DeclaredObject(type.Name) : null;
            }

            if (type is null || !fits(type))
            {
                Decline($"'{jsonPath}' is not {expected}");
                return null;
            }

            return (steps.ToEquatableArray(), type!);
        }

        private PropertySpec? Member(IEnumerable<string> names) =>
            names.Select(n => _page!.Properties.FirstOrDefault(p => p.JsonName == n)).FirstOrDefault(p => p is not null);

        private ParameterSpec? Parameter(string wireName) => _built.Parameters.FirstOrDefault(p => p.WireName == wireName && p.Location != Model.ParameterLocation.Path);

        /// <summary>The parameter's default, else its minimum, else 1: Mistral counts pages from 0, PipesHub from 1.</summary>
        private long FirstPage(string wireName)
        {
            IOpenApiParameter? parameter = (_operation.Parameters ?? new List<IOpenApiParameter>()).Concat(_pathItem.Parameters ?? new List<IOpenApiParameter>())
                .FirstOrDefault(p => p?.Name == wireName);
            IOpenApiSchema? schema = parameter?.Schema;
            string? fallback = schema?.Default?.ToJsonString();
            return long.TryParse(fallback, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value
                : long.TryParse(schema?.Minimum, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? value
                : 1;
        }

        private static string? Request(string expression) =>
            expression.StartsWith("$request.", StringComparison.Ordinal) && expression.IndexOf('.', "$request.".Length) < 0 && expression.Length > "$request.".Length
                ? expression.Substring("$request.".Length)
                : null;

        private static PageMemberSpec Step(PropertySpec member) => new() { Name = member.Name, Presence = member.Presence, HoldsNull = member.HoldsNull };

        private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

        private static bool IsString(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name == "string";

        private static bool IsUri(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name == "global::System.Uri";

        private static bool IsBoolean(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name == "bool";

        private static bool IsInteger(TypeRef type) => type.Kind == TypeKind.Primitive && type.Name is "int" or "long";
    }
}
