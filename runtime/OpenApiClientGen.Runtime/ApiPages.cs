using System.Runtime.CompilerServices;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Walks the pages of a paged list for the generated <c>...PagesAsync</c> and <c>...All...Async</c> methods, which
/// pass in how to fetch one page and where its items and its next cursor are.
/// </summary>
/// <remarks>
/// Each page is fetched only when the previous one has been consumed, and the token is checked before every fetch,
/// so cancelling between pages sends nothing more. The walk ends on an empty page. A server that hands back a cursor
/// it has handed out before, or that ignores the page number and answers the same page again, would loop forever;
/// that is an <see cref="ApiPageRepeatedException"/> rather than a list that silently ends early or never ends.
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
                throw new ApiPageRepeatedException(index + 1,
                    $"Page {index + 1} of the list gave a cursor that an earlier page gave already; the walk stops here rather than loop.");
            }

            cursor = next;
        }
    }

    /// <summary>
    /// Pages by page number, from <paramref name="firstPage"/> on, until a page has no items, has fewer than
    /// <paramref name="pageSize"/> (or, when the caller set no size, fewer than the first page had), or is the last
    /// page that <paramref name="totalPages"/>, <paramref name="totalItems"/> or <paramref name="hasMore"/> say there is.
    /// With <paramref name="itemCodec"/>, a page that gives no total and whose items are, as JSON, those of the page
    /// before is an <see cref="ApiPageRepeatedException"/>: the server ignores the page number, and the walk would
    /// never end.
    /// </summary>
    public static IAsyncEnumerable<TPage> ByPageNumber<TPage, TItem>(
        long firstPage,
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long? pageSize,
        Func<TPage, long?>? totalPages = null,
        Func<TPage, long?>? totalItems = null,
        Func<TPage, bool?>? hasMore = null,
        JsonConverter<TItem>? itemCodec = null,
        CancellationToken cancellationToken = default) =>
        ByPosition(firstPage, (_, _) => 1, fetch, items, pageSize, totalPages, totalItems, hasMore, itemCodec, cancellationToken);

    /// <summary>
    /// Pages by item offset, from 0 on, each page starting after the items read so far, with the same ends as
    /// <see cref="ByPageNumber"/>, and the same check against a server that answers the same page again.
    /// </summary>
    public static IAsyncEnumerable<TPage> ByOffset<TPage, TItem>(
        Func<long, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        long? limit,
        Func<TPage, long?>? totalItems = null,
        Func<TPage, bool?>? hasMore = null,
        JsonConverter<TItem>? itemCodec = null,
        CancellationToken cancellationToken = default) =>
        ByPosition(0, (_, count) => count, fetch, items, limit, null, totalItems, hasMore, itemCodec, cancellationToken);

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
        JsonConverter<TItem>? itemCodec,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = first;
        long? fullPage = pageSize is > 0 ? pageSize : null;
        long read = 0;
        JsonConverter<IList<TItem>>? listCodec = itemCodec is null ? null : JsonCodecs.List(itemCodec);
        byte[]? previous = null;
        for (long pagesRead = 1; ; pagesRead++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TPage page = await fetch(position, cancellationToken).ConfigureAwait(false);
            IEnumerable<TItem>? pageItems = items(page);
            int count = Count(pageItems);
            // A total on the page ends the walk where it says; without one, a page again, item for item, is the
            // server answering the same page whatever it is asked, and nothing else would end the walk.
            if (listCodec is not null && count > 0 && totalPages?.Invoke(page) is null && totalItems?.Invoke(page) is null)
            {
                byte[] json = JsonCodecs.SerializeToUtf8Bytes(pageItems as IList<TItem> ?? pageItems!.ToList(), listCodec);
                if (previous is not null && json.AsSpan().SequenceEqual(previous))
                {
                    throw new ApiPageRepeatedException(pagesRead,
                        $"Page {pagesRead} of the list holds the same items as the page before it: the server does not move on to the page it is asked for, so the walk stops here rather than loop.");
                }

                previous = json;
            }

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
