namespace OpenApiClientGen.Model;

/// <summary>
/// A paged list: the operation's JSON response is one page, and two more methods walk every page and every item.
/// The concrete record says how the next page is asked for. A member path that is empty is one the page does not have.
/// </summary>
internal abstract record PaginationSpec
{
    private protected PaginationSpec()
    {
    }

    /// <summary>Where the rule came from, as the diagnostic names it: <c>x-speakeasy-pagination</c>, or <c>after/has_more</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The response member that holds the page's items, from the page down.</summary>
    public required EquatableArray<PageMemberSpec> Items { get; init; }

    public required TypeRef ItemType { get; init; }

    /// <summary>The method that yields every page, such as <c>ListAgentsPagesAsync</c>; set once every operation has its name.</summary>
    public string PagesMethodName { get; init; } = "";

    /// <summary>The method that yields every item, such as <c>ListAllAgentsAsync</c>.</summary>
    public string ItemsMethodName { get; init; } = "";

    /// <summary>The names of the lambdas' parameters and locals of the paged methods; set with the method names.</summary>
    public PageWalkNames? Walk { get; init; }

    /// <summary>The C# name of the parameter the walk sets on each call; the paged methods do not take it.</summary>
    public abstract string PositionParameter { get; }
}

/// <summary>
/// Each page names the cursor of the next: a member of the page (<see cref="NextCursor"/>), or, in OpenAI's lists,
/// <c>last_id</c> or the last item's <c>id</c> while <c>has_more</c> is true.
/// </summary>
internal sealed record CursorPaginationSpec : PaginationSpec
{
    public required string CursorParameter { get; init; }

    /// <summary>The page's member that holds the next cursor.</summary>
    public required EquatableArray<PageMemberSpec> NextCursor { get; init; }

    /// <summary>A boolean member of the page that is false on the last one.</summary>
    public required EquatableArray<PageMemberSpec> HasMore { get; init; }

    /// <summary>The item's string member whose value on the last item is the next cursor when <see cref="NextCursor"/> gives none.</summary>
    public required EquatableArray<PageMemberSpec> ItemId { get; init; }

    public override string PositionParameter => CursorParameter;
}

/// <summary>Pages asked for by number (<see cref="IsOffset"/> false) or by the offset of their first item.</summary>
internal sealed record PositionPaginationSpec : PaginationSpec
{
    public required string Parameter { get; init; }

    /// <summary>The C# type of the position parameter (<c>int</c> or <c>long</c>), which the walk's <c>long</c> is cast to.</summary>
    public required string PositionType { get; init; }

    public required bool IsOffset { get; init; }

    /// <summary>The number of the first page: the parameter's default or minimum, else 1; 0 for offsets.</summary>
    public required long FirstPage { get; init; }

    /// <summary>The parameter that sets how many items a page holds, passed on from the caller.</summary>
    public required string? SizeParameter { get; init; }

    public required EquatableArray<PageMemberSpec> TotalPages { get; init; }

    public required EquatableArray<PageMemberSpec> TotalItems { get; init; }

    public required EquatableArray<PageMemberSpec> HasMore { get; init; }

    public override string PositionParameter => Parameter;
}

/// <summary>
/// <c>x-ms-pageable</c>: each page names the URL of the next in a member (<c>nextLink</c>); that URL is fetched with
/// the first call's headers, in place of its path and query.
/// </summary>
internal sealed record NextLinkPaginationSpec : PaginationSpec
{
    public required EquatableArray<PageMemberSpec> NextLink { get; init; }

    /// <summary>The member is a <c>Uri</c> (<c>format: uri</c>) rather than a string.</summary>
    public required bool NextLinkIsUri { get; init; }

    public override string PositionParameter => "";
}

/// <summary>One step from a model to one of its members, as generated code spells the access.</summary>
internal sealed record PageMemberSpec
{
    /// <summary>The member's C# name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether the member may be null (<see cref="Presence.WhenNotNull"/>) or is an <c>Optional&lt;T&gt;</c>.</summary>
    public required Presence Presence { get; init; }

    public required bool HoldsNull { get; init; }
}

/// <summary>The names inside the paged methods, chosen so that none is one of the method's parameters.</summary>
internal sealed record PageWalkNames
{
    /// <summary>The cursor, link or page position the fetch lambda is given.</summary>
    public required string Position { get; init; }

    /// <summary>The fetch lambda's cancellation token.</summary>
    public required string Token { get; init; }

    /// <summary>The page the reading lambdas are given.</summary>
    public required string Page { get; init; }

    /// <summary>The local function that fetches a later page from its link; null unless the pages are linked.</summary>
    public required string? NextPage { get; init; }

    /// <summary>The link parameter of <see cref="NextPage"/>.</summary>
    public required string? Link { get; init; }
}
