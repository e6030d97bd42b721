using System.Runtime.CompilerServices;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Walks the pages of a paged list for the generated <c>...PagesAsync</c> and <c>...All...Async</c> methods, which
/// pass in how to fetch one page and where its items and its next cursor are.
/// </summary>
/// <remarks>
/// Each page is fetched only when the previous one has been consumed, and the token is checked before every fetch,
/// so cancelling between pages sends nothing more. The walk ends on an empty page. A server that hands back a cursor
/// it has handed out before would loop forever; that is an <see cref="InvalidOperationException"/> rather than a
/// list that silently ends early or never ends.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiPages
{
    /// <summary>
    /// Pages by cursor: the first page is fetched with a null cursor, each later one with the cursor the previous
    /// page gave, until a page gives none (null or empty) or has no items.
    /// </summary>
    public static async IAsyncEnumerable<TPage> ByCursor<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextCursor,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        for (int index = 0; ; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            yield return page;
            if (Count(items(page)) == 0 || nextCursor(page) is not { Length: > 0 } next)
            {
                yield break;
            }

            if (!seen.Add(next))
            {
                throw new InvalidOperationException(
                    $"Page {index + 1} of the list gave a cursor that an earlier page gave already; the walk stops here rather than loop.");
            }

            cursor = next;
        }
    }

    /// <summary>
    /// Pages by page number, from <paramref name="firstPage"/> on, until a page has no items, has fewer than
    /// <paramref name="pageSize"/> (or, when the caller set no size, fewer than the first page had), or is the last
    /// page that <paramref name="totalPages"/>, <paramref name="totalItems"/> or <paramref name="hasMore"/> say there is.
    /// </summary>
    public static IAsyncEnumerable<TPage> ByPageNumber<TPage, TItem>(
        long firstPage,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long? pageSize,
        Func<TPage, long?>? totalPages = null,
        Func<TPage, long?>? totalItems = null,
        Func<TPage, bool?>? hasMore = null,
        CancellationToken cancellationToken = default) =>
        ByPosition(firstPage, (_, _) => 1, fetch, items, pageSize, totalPages, totalItems, hasMore, cancellationToken);

    /// <summary>
    /// Pages by item offset, from 0 on, each page starting after the items read so far, with the same ends as
    /// <see cref="ByPageNumber"/>.
    /// </summary>
    public static IAsyncEnumerable<TPage> ByOffset<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long? limit,
        Func<TPage, long?>? totalItems = null,
        Func<TPage, bool?>? hasMore = null,
        CancellationToken cancellationToken = default) =>
        ByPosition(0, (_, count) => count, fetch, items, limit, null, totalItems, hasMore, cancellationToken);

    /// <summary>Every item of every page, in order.</summary>
    public static async IAsyncEnumerable<TItem> Items<TPage, TItem>(
        IAsyncEnumerable<TPage> pages,
        Func<TPage, IEnumerable<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (TPage page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (TItem item in items(page) ?? Enumerable.Empty<TItem>())
            {
                yield return item;
            }
        }
    }

    /// <summary>The last item of a page, whose id is the next cursor of OpenAI-style lists; default for an empty page.</summary>
    public static TItem? Last<TItem>(IList<TItem>? items) => items is { Count: > 0 } ? items[items.Count - 1] : default;

    private static async IAsyncEnumerable<TPage> ByPosition<TPage, TItem>(
        long first,
        Func<long, int, long> step,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long? pageSize,
        Func<TPage, long?>? totalPages,
        Func<TPage, long?>? totalItems,
        Func<TPage, bool?>? hasMore,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = first;
        long? fullPage = pageSize is > 0 ? pageSize : null;
        long read = 0;
        for (long pagesRead = 1; ; pagesRead++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetch(position, cancellationToken).ConfigureAwait(false);
            int count = Count(items(page));
            read += count;
            yield return page;
            // Without a size from the caller, the first page shows how many the server puts on one.
            fullPage ??= count;
            if (count == 0
                || count < fullPage
                || totalPages?.Invoke(page) is { } pages && pagesRead >= pages
                || totalItems?.Invoke(page) is { } total && read >= total
                || hasMore?.Invoke(page) == false)
            {
                yield break;
            }

            position += step(position, count);
        }
    }

    private static int Count<TItem>(IEnumerable<TItem>? items) => items switch
    {
        null => 0,
        ICollection<TItem> collection => collection.Count,
        IReadOnlyCollection<TItem> collection => collection.Count,
        _ => items.Count(),
    };
}
