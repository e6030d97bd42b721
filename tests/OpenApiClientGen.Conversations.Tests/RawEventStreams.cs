using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Threading.Tasks;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// Reads a stream operation's raw <c>text/event-stream</c> body into its events. Stream operations return
/// <c>Task&lt;Stream&gt;</c> until the generator emits typed stream methods; then these tests enumerate those instead.
/// </summary>
internal static class RawEventStreams
{
    public static async Task<List<SseItem<string>>> ReadAllAsync(Task<Stream> body)
    {
        var items = new List<SseItem<string>>();
        await using Stream stream = await body;
        await foreach (SseItem<string> item in SseParser.Create(stream).EnumerateAsync())
        {
            items.Add(item);
        }

        return items;
    }
}
