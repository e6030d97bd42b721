namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes the two methods of a paged list, next to its one-page method: <c>...PagesAsync</c>, which yields every
/// page, and <c>...All...Async</c>, which yields every item. Both hand the walk to the runtime's <c>ApiPages</c> with
/// lambdas that call the one-page method and read the page, so no reflection is needed.
/// </summary>
internal static class PaginationEmitter
{
    private const string Pages = CSharp.Runtime + "ApiPages";

    public static void Write(SourceWriter writer, ApiSpec api, OperationSpec operation, List<MethodParameter> parameters)
    {
        if (operation.Pagination is not { } pagination)
        {
            return;
        }

        string ns = api.Namespace;
        string pageType = CSharp.TypeName(operation.Response.Type!, ns);
        string itemType = CSharp.TypeName(pagination.ItemType, ns);
        List<MethodParameter> kept = parameters.Where(p => p.Name != pagination.PositionParameter).ToList();
        string signature = string.Join(", ", kept.Select(p => p.Declaration).Concat(new[] { OperationParameters.CancellationToken }));
        PageWalkNames names = pagination.Walk!;
        string position = names.Position;
        string token = names.Token;
        string page = names.Page;
        string items = $"{page} => {Access(page, false, pagination.Items)}";
        string generics = $"<{pageType}, {itemType}>";
        string fetch = $"({position}, {token}) => {operation.MethodName}({Arguments(parameters, pagination, PositionValue(pagination, position), token)})";

        writer.WriteLine();
        WriteDocs(writer, operation, pagination, kept, $"Every page of the list <c>{operation.MethodName}</c> returns, each fetched once the one before it has been read.");
        string declaration = $"public global::System.Collections.Generic.IAsyncEnumerable<{pageType}> {pagination.PagesMethodName}({signature})";
        if (pagination is NextLinkPaginationSpec nextLink)
        {
            // The first page is the operation's own call; each later one is a GET of the link the page before gave.
            string nextPage = names.NextPage!;
            string link = names.Link!;
            fetch = $"({position}, {token}) => {position} is null ? {operation.MethodName}({Arguments(parameters, pagination, "", token)}) : {nextPage}({position}, {token})";
            writer.OpenBlock(declaration);
            WriteWalk(writer, WalkArguments(pagination, fetch, items, page, itemCodec: null), $"return {Pages}.ByCursor{generics}(");
            writer.WriteLine();
            writer.OpenBlock($"async global::System.Threading.Tasks.Task<{pageType}> {nextPage}(string {link}, global::System.Threading.CancellationToken {token})");
            OperationEmitter.WriteRequest(writer, api, operation, parameters);
            writer.WriteLine($"request.NextLink({link});");
            writer.WriteLine($"return (await _connection.SendForJsonResponseAsync(request, {CSharp.Codec(operation.Response.Type!, ns, api.Names.Json)}, {token}).ConfigureAwait(false)).Value;");
            writer.CloseBlock();
            writer.CloseBlock();
        }
        else
        {
            writer.WriteLine(declaration + " =>");
            writer.Indent();
            WriteWalk(writer, WalkArguments(pagination, fetch, items, page, CSharp.Codec(pagination.ItemType, ns, api.Names.Json)), $"{Pages}.{Walk(pagination)}{generics}(");
            writer.Unindent();
        }

        writer.WriteLine();
        WriteDocs(writer, operation, pagination, kept, $"Every item of every page of the list <c>{operation.MethodName}</c> returns; each page is fetched once the items before it have been read.");
        writer.WriteLine($"public global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {pagination.ItemsMethodName}({signature}) =>");
        writer.Indent();
        string pagesCall = $"{pagination.PagesMethodName}({string.Join(", ", kept.Select(p => Identifiers.EscapeKeyword(p.Name)).Concat(new[] { "cancellationToken" }))})";
        writer.WriteLine($"{Pages}.Items{generics}({pagesCall}, {items});");
        writer.Unindent();
    }

    private static void WriteWalk(SourceWriter writer, IEnumerable<string> arguments, string call)
    {
        writer.WriteLine(call);
        writer.Indent();
        foreach (string argument in arguments)
        {
            writer.WriteLine(argument + ",");
        }

        writer.WriteLine("cancellationToken: cancellationToken);");
        writer.Unindent();
    }

    private static string Walk(PaginationSpec pagination) => pagination switch
    {
        CursorPaginationSpec or NextLinkPaginationSpec => "ByCursor",
        PositionPaginationSpec { IsOffset: true } => "ByOffset",
        _ => "ByPageNumber",
    };

    /// <param name="itemCodec">Lets a walk by position tell a page the server answers again, whatever page it is asked for.</param>
    private static IEnumerable<string> WalkArguments(PaginationSpec pagination, string fetch, string items, string page, string? itemCodec)
    {
        switch (pagination)
        {
            case CursorPaginationSpec cursor:
                yield return fetch;
                yield return items;
                yield return $"{page} => {NextCursor(cursor, page)}";
                break;
            case NextLinkPaginationSpec next:
                yield return fetch;
                yield return items;
                yield return $"{page} => {Access(page, false, next.NextLink)}{(next.NextLinkIsUri ? "?.OriginalString" : "")}";
                break;
            case PositionPaginationSpec position:
                if (!position.IsOffset)
                {
                    yield return position.FirstPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                yield return fetch;
                yield return items;
                yield return position.SizeParameter is { } size ? Identifiers.EscapeKeyword(size) : "null";
                if (!position.IsOffset && !position.TotalPages.IsEmpty)
                {
                    yield return $"totalPages: {page} => {Access(page, false, position.TotalPages)}";
                }

                if (!position.TotalItems.IsEmpty)
                {
                    yield return $"totalItems: {page} => {Access(page, false, position.TotalItems)}";
                }

                if (!position.HasMore.IsEmpty)
                {
                    yield return $"hasMore: {page} => {Access(page, false, position.HasMore)}";
                }

                if (itemCodec is not null)
                {
                    yield return $"itemCodec: {itemCodec}";
                }

                break;
        }
    }

    /// <summary>The next cursor: the page's member, else the last item's id; null once <c>has_more</c> is false.</summary>
    private static string NextCursor(CursorPaginationSpec cursor, string page)
    {
        var choices = new List<string>();
        if (!cursor.NextCursor.IsEmpty)
        {
            choices.Add(Access(page, false, cursor.NextCursor));
        }

        if (!cursor.ItemId.IsEmpty)
        {
            choices.Add(Access($"{Pages}.Last({Access(page, false, cursor.Items)})", true, cursor.ItemId));
        }

        string next = string.Join(" ?? ", choices);
        return cursor.HasMore.IsEmpty ? next : $"{Access(page, false, cursor.HasMore)} == true ? {next} : null";
    }

    /// <summary>
    /// The C# that reads a member path: <c>?.</c> past anything that may be null, and an <c>Optional&lt;T&gt;</c>
    /// member read as its value or null.
    /// </summary>
    private static string Access(string root, bool rootMayBeNull, EquatableArray<PageMemberSpec> steps)
    {
        string expression = root;
        bool mayBeNull = rootMayBeNull;
        foreach (PageMemberSpec step in steps)
        {
            expression += (mayBeNull ? "?." : ".") + step.Name;
            if (step.Presence == Presence.WhenSet)
            {
                expression += ".GetValueOrDefault()";
            }

            mayBeNull |= step.HoldsNull;
        }

        return expression;
    }

    /// <summary>The walk's position as the parameter takes it: the cursor as it is, a page number or offset cast to <c>int</c> where the parameter is one.</summary>
    private static string PositionValue(PaginationSpec pagination, string position) =>
        pagination is PositionPaginationSpec { PositionType: "int" } ? $"checked((int){position})" : position;

    private static string Arguments(List<MethodParameter> parameters, PaginationSpec pagination, string positionValue, string token) =>
        string.Join(", ", parameters
            .Select(p => $"{Identifiers.EscapeKeyword(p.Name)}: {(p.Name == pagination.PositionParameter ? positionValue : Identifiers.EscapeKeyword(p.Name))}")
            .Concat(new[] { $"cancellationToken: {token}" }));

    private static void WriteDocs(SourceWriter writer, OperationSpec operation, PaginationSpec pagination, IEnumerable<MethodParameter> parameters, string summary)
    {
        SpecText.WriteDocXml(writer, "summary", summary);
        foreach (MethodParameter parameter in parameters)
        {
            SpecText.WriteDocXml(writer, "param", parameter.DocXml, $" name=\"{parameter.Name}\"");
        }

        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the walk; it is checked before each page is fetched.</param>");
        writer.WriteLine($"/// <exception cref=\"{CSharp.Runtime}ApiException\">A page came back with a failure status.</exception>");
        if (pagination is CursorPaginationSpec or NextLinkPaginationSpec)
        {
            writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">The server gave a cursor it had given before.</exception>");
        }

        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This operation is deprecated.\")]");
        }
    }
}
