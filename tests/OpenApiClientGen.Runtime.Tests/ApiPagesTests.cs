using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>The page walks the generated paged methods hand their lambdas to, without a server.</summary>
public sealed class ApiPagesTests
{
    [Fact]
    public async Task Offsets_advance_by_the_items_read_and_stop_at_the_total()
    {
        var asked = new List<long>();
        IAsyncEnumerable<int[]> pages = ApiPages.ByOffset<int[], int>(
            (offset, _) =>
            {
                asked.Add(offset);
                return Task.FromResult(Enumerable.Range((int)offset, 3).ToArray());
            },
            page => page,
            limit: null,
            totalItems: _ => 9);

        List<int> items = await ToListAsync(ApiPages.Items(pages, page => page));

        Assert.Equal(new long[] { 0, 3, 6 }, asked);
        Assert.Equal(Enumerable.Range(0, 9), items);
    }

    [Fact]
    public async Task Without_a_page_size_a_page_shorter_than_the_first_is_the_last()
    {
        var asked = new List<long>();
        IAsyncEnumerable<int[]> pages = ApiPages.ByPageNumber<int[], int>(
            0,
            (page, _) =>
            {
                asked.Add(page);
                return Task.FromResult(page < 2 ? new[] { 1, 2, 3 } : new[] { 4 });
            },
            page => page,
            pageSize: null);

        Assert.Equal(3, (await ToListAsync(pages)).Count);
        Assert.Equal(new long[] { 0, 1, 2 }, asked);
    }

    [Fact]
    public async Task A_cursor_walk_ends_on_an_empty_page_even_when_it_names_a_cursor()
    {
        int fetches = 0;
        IAsyncEnumerable<string[]> pages = ApiPages.ByCursor<string[], string>(
            (cursor, _) =>
            {
                fetches++;
                return Task.FromResult(cursor is null ? new[] { "a" } : Array.Empty<string>());
            },
            page => page,
            page => "next-" + fetches);

        Assert.Equal(2, (await ToListAsync(pages)).Count);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_walk_starts_fetches_nothing()
    {
        int fetches = 0;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        IAsyncEnumerable<string[]> pages = ApiPages.ByCursor<string[], string>(
            (_, _) =>
            {
                fetches++;
                return Task.FromResult(new[] { "a" });
            },
            page => page,
            _ => null,
            cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToListAsync(pages));
        Assert.Equal(0, fetches);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var result = new List<T>();
        await foreach (T item in items)
        {
            result.Add(item);
        }

        return result;
    }
}
