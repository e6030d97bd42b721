namespace OpenApiClientGen.Model;

internal sealed partial record OperationSpec
{
    /// <summary>How to walk the pages of a paged list; null for an operation that returns one page per call.</summary>
    public PaginationSpec? Pagination { get; init; }
}

/// <summary>
/// A paged list: the operation's JSON response is one page, and two more methods walk every page and every item.
/// The concrete record says how the next page is asked for. A member path that is empty is one the page does not have.
/// </summary>
internal abstract record PaginationSpec
{
    /// <summary>Where the rule came from, as the diagnostic names it: <c>x-speakeasy-pagination</c>, or <c>after/has_more</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>The response member that holds the page's items, from the page down.</summary>
    public EquatableArray<PageMemberSpec> Items { get; init; }

    public TypeRef ItemType { get; init; } = TypeRef.Any;

    /// <summary>The method that yields every page, such as <c>ListAgentsPagesAsync</c>; set once every operation has its name.</summary>
    public string PagesMethodName { get; init; } = "";

    /// <summary>The method that yields every item, such as <c>ListAllAgentsAsync</c>.</summary>
    public string ItemsMethodName { get; init; } = "";

    /// <summary>The C# name of the parameter the walk sets on each call; the paged methods do not take it.</summary>
    public abstract string PositionParameter { get; }
}

/// <summary>
/// Each page names the cursor of the next: a member of the page (<see cref="NextCursor"/>), or, in OpenAI's lists,
/// <c>last_id</c> or the last item's <c>id</c> while <c>has_more</c> is true.
/// </summary>
/// <param name="NextCursor">The page's member that holds the next cursor.</param>
/// <param name="HasMore">A boolean member of the page that is false on the last one.</param>
/// <param name="ItemId">The item's string member whose value on the last item is the next cursor when <see cref="NextCursor"/> gives none.</param>
internal sealed record CursorPaginationSpec(
    string CursorParameter,
    EquatableArray<PageMemberSpec> NextCursor,
    EquatableArray<PageMemberSpec> HasMore,
    EquatableArray<PageMemberSpec> ItemId) : PaginationSpec
{
    public override string PositionParameter => CursorParameter;
}

/// <summary>Pages asked for by number (<see cref="IsOffset"/> false) or by the offset of their first item.</summary>
/// <param name="PositionType">The C# type of the position parameter (<c>int</c> or <c>long</c>), which the walk's <c>long</c> is cast to.</param>
/// <param name="FirstPage">The number of the first page: the parameter's default or minimum, else 1; 0 for offsets.</param>
/// <param name="SizeParameter">The parameter that sets how many items a page holds, passed on from the caller.</param>
internal sealed record PositionPaginationSpec(
    string Parameter,
    string PositionType,
    bool IsOffset,
    long FirstPage,
    string? SizeParameter,
    EquatableArray<PageMemberSpec> TotalPages,
    EquatableArray<PageMemberSpec> TotalItems,
    EquatableArray<PageMemberSpec> HasMore) : PaginationSpec
{
    public override string PositionParameter => Parameter;
}

/// <summary>
/// <c>x-ms-pageable</c>: each page names the URL of the next in a member (<c>nextLink</c>); that URL is fetched with
/// the first call's headers, in place of its path and query.
/// </summary>
/// <param name="NextLinkIsUri">The member is a <c>Uri</c> (<c>format: uri</c>) rather than a string.</param>
internal sealed record NextLinkPaginationSpec(EquatableArray<PageMemberSpec> NextLink, bool NextLinkIsUri) : PaginationSpec
{
    public override string PositionParameter => "";
}

/// <summary>One step from a model to one of its members, as generated code spells the access.</summary>
/// <param name="Name">The member's C# name.</param>
/// <param name="Presence">Whether the member may be null (<see cref="Presence.WhenNotNull"/>) or is an <c>Optional&lt;T&gt;</c>.</param>
internal sealed record PageMemberSpec(string Name, Presence Presence, bool HoldsNull);
