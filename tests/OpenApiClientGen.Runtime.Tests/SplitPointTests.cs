using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>The network may cut a stream anywhere, even inside a CRLF or a UTF-8 character: the events must not change.</summary>
public sealed class SplitPointTests
{
    private static readonly SseEventReader<string> Describe =
        SseEventReader.Text(static (sse, data) => $"{sse.Index}|{sse.EventType}|{sse.EventId}|{sse.LastEventId}|{sse.ReconnectionInterval}|{data}");

    // A byte order mark first, as some servers send.
    private static readonly byte[] Transcript = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Transcripts.Mistral)).ToArray();

    [Fact]
    public async Task A_transcript_cut_at_any_byte_gives_the_same_events()
    {
        List<string> whole = await ReadAsync(new[] { Transcript });
        Assert.Equal(6, whole.Count);
        Assert.StartsWith("0|conversation.response.started|evt-1|evt-1|00:00:03|{\"type\"", whole[0]);
        Assert.Contains("\"content\":\", wörld ✓\"}", whole[2]);
        Assert.Equal("3|conversation.response.heartbeat||evt-2||{\"phase\":\"warming\"}", whole[3]);
        Assert.Contains("\"created_at\":\"2025-06-01T10:00:02Z\",\n\"name\":\"get_weather\"", whole[4]);

        for (int cut = 1; cut < Transcript.Length; cut++)
        {
            Assert.Equal(whole, await ReadAsync(PiecewiseStream.Cut(Transcript, cut)));
        }

        Assert.Equal(whole, await ReadAsync(Transcript.Select(b => new[] { b })));
    }

    [Fact]
    public async Task A_transcript_missing_its_last_empty_line_is_truncated_wherever_it_is_cut()
    {
        byte[] truncated = Transcript[..^2];
        Assert.Equal("}}\r\n", Encoding.UTF8.GetString(truncated[^4..]));

        for (int cut = 1; cut < truncated.Length; cut++)
        {
            ApiStreamException ex = await Assert.ThrowsAsync<ApiStreamException>(() => ReadAsync(PiecewiseStream.Cut(truncated, cut)));
            Assert.Equal((ApiStreamFailure.Truncated, 5), (ex.Failure, ex.EventIndex));
        }
    }

    private static async Task<List<string>> ReadAsync(IEnumerable<byte[]> pieces)
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(pieces);
        return await connection.StreamEventsAsync(new ApiRequest("POST", "/v1/conversations"), Describe, default).CollectAsync();
    }
}
