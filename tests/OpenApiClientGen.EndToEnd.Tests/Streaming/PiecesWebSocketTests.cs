using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Pieces;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>The client generated from specs/pieces.yaml reads the x-websocket identifiers stream as typed messages.</summary>
public sealed class PiecesWebSocketTests
{
    private static readonly string[] Updates =
    {
        """{"iterable":[{"conversation":{"id":"conv-1"}}]}""",
        """{"iterable":[{"conversation":{"id":"conv-2"}},{"conversation":{"id":"conv-1"},"deleted":true}]}""",
        """{"iterable":[{"conversation":{"id":"conv-3"}}]}""",
    };

    [Fact]
    public async Task Identifier_updates_arrive_as_typed_messages_until_the_server_closes()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            foreach (string update in Updates)
            {
                // Each message in small frames, as a busy server's writes arrive.
                byte[] bytes = Encoding.UTF8.GetBytes(update);
                for (int offset = 0; offset < bytes.Length; offset += 10)
                {
                    int count = Math.Min(10, bytes.Length - offset);
                    await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count == bytes.Length, context.RequestAborted);
                    await Task.Delay(1, context.RequestAborted);
                }
            }

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
        });
        using var client = new PiecesClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });

        List<StreamedIdentifiers> messages = await client.Conversations.StreamIdentifiersAsync().CollectAsync();

        Assert.Equal("GET /conversations/stream/identifiers", server.LastRequestLine);
        Assert.Equal(
            new[] { "conv-1", "conv-2,conv-1", "conv-3" },
            messages.Select(m => string.Join(",", m.Iterable.Select(i => i.Conversation!.Id))));
        Assert.Equal(true, messages[1].Iterable[1].Deleted);
    }

    [Fact]
    public async Task Cancelling_closes_the_socket()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes(Updates[0]), WebSocketMessageType.Text, true, context.RequestAborted);
            var buffer = new byte[16];
            try
            {
                while ((await socket.ReceiveAsync(buffer, context.RequestAborted)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        });
        using var client = new PiecesClient(new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress });
        using var cancellation = new CancellationTokenSource();
        var received = new List<StreamedIdentifiers>();

        Task reading = Task.Run(async () =>
        {
            await foreach (StreamedIdentifiers message in client.Conversations.StreamIdentifiersAsync(cancellation.Token))
            {
                received.Add(message);
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(StreamServer.HangGuard));
        Assert.Single(received);
        await server.ClientGone.WaitAsync(StreamServer.Quickly);
    }
}
