using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OpenApiClientGen.Runtime.Tests.Infrastructure;

internal static class AsyncEnumerables
{
    /// <summary>Reads every item, failing the test if that takes longer than <see cref="StreamServer.HangGuard"/>.</summary>
    public static Task<List<T>> CollectAsync<T>(this IAsyncEnumerable<T> items) => CollectCoreAsync(items).WaitAsync(StreamServer.HangGuard);

    /// <summary>Reads items until the stream throws; returns what arrived and the exception (null when it ended normally).</summary>
    public static Task<(List<T> Items, Exception? Failure)> CollectUntilFailureAsync<T>(this IAsyncEnumerable<T> items) =>
        CollectUntilFailureCoreAsync(items).WaitAsync(StreamServer.HangGuard);

    private static async Task<List<T>> CollectCoreAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<(List<T> Items, Exception? Failure)> CollectUntilFailureCoreAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        try
        {
            await foreach (T item in items)
            {
                list.Add(item);
            }
        }
        catch (Exception ex)
        {
            return (list, ex);
        }

        return (list, null);
    }
}
