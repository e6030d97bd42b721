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
    public async Task An_offset_walk_against_a_server_that_ignores_the_offset_stops_at_the_repeated_page()
    {
        var asked = new List<long>();
        IAsyncEnumerable<int[]> pages = ApiPages.ByOffset<int[], int>(
            (offset, _) =>
            {
                asked.Add(offset);
                // Without the check the walk would never end: past a few pages this fails the test instead of hanging it.
                return asked.Count > 5 ? throw new TimeoutException("still walking") : Task.FromResult(new[] { 1, 2, 3 });
            },
            page => page,
            limit: 3,
            itemCodec: JsonCodecs.Int32);

        var seen = new List<int[]>();
        ApiPageRepeatedException error = await Assert.ThrowsAsync<ApiPageRepeatedException>(async () =>
        {
            await foreach (int[] page in pages)
            {
                seen.Add(page);
            }
        });

        Assert.Equal(2, error.Page);
        Assert.Single(seen);
        Assert.Equal(new long[] { 0, 3 }, asked);
    }

    [Fact]
    public async Task Pages_that_differ_are_walked_to_the_end_with_the_repeat_check_on()
    {
        IAsyncEnumerable<int[]> pages = ApiPages.ByPageNumber<int[], int>(
            1,
            (page, _) => Task.FromResult(page < 3 ? new[] { (int)page, (int)page } : Array.Empty<int>()),
            page => page,
            pageSize: 2,
            itemCodec: JsonCodecs.Int32);

        Assert.Equal(3, (await ToListAsync(pages)).Count);
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
