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
        CollectUntilFailureCoreAsync(items, null).WaitAsync(StreamServer.HangGuard);

    /// <summary>
    /// As <see cref="CollectUntilFailureAsync{T}(IAsyncEnumerable{T})"/>, and completes <see cref="Held.All"/> once the
    /// client holds <see cref="Held.Count"/> items: a server that drops the connection after them waits for it, since a
    /// reset can discard what the client's socket received but the client has not yet read.
    /// </summary>
    public static Task<(List<T> Items, Exception? Failure)> CollectUntilFailureAsync<T>(this IAsyncEnumerable<T> items, Held held) =>
        CollectUntilFailureCoreAsync(items, held).WaitAsync(StreamServer.HangGuard);

    private static async Task<List<T>> CollectCoreAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<(List<T> Items, Exception? Failure)> CollectUntilFailureCoreAsync<T>(IAsyncEnumerable<T> items, Held? held)
    {
        var list = new List<T>();
        try
        {
            await foreach (T item in items)
            {
                list.Add(item);
                if (list.Count == held?.Count)
                {
                    held.All.TrySetResult();
                }
            }
        }
        catch (Exception ex)
        {
            return (list, ex);
        }

        return (list, null);
    }
}

/// <summary>A count of items, and the signal that the client holds that many.</summary>
internal sealed class Held(int count)
{
    public int Count { get; } = count;

    public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until the client holds them, for a server about to drop the connection.</summary>
    public Task WaitAsync() => All.Task.WaitAsync(StreamServer.Quickly);
}
