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

    [Fact]
    public async Task Every_prefix_of_a_stream_with_mixed_line_ends_is_complete_or_truncated_as_its_lines_say()
    {
        // LF, CR and CRLF line ends, comments, an empty data line, and blank lines made of each kind of line end.
        byte[] stream = Encoding.UTF8.GetBytes("data: a\n\nevent: b\rdata: b\r\r: note\r\ndata: c\r\ndata:\r\n\r\ndata: d\n\r\n:x\n\rid: 7\r\n\n");
        for (int length = 1; length <= stream.Length; length++)
        {
            byte[] prefix = stream[..length];
            bool open = EndsInsideEvent(prefix);
            foreach (IEnumerable<byte[]> pieces in new[] { new[] { prefix }, PiecewiseStream.Cut(prefix, length / 2), prefix.Select(b => new[] { b }) })
            {
                ApiStreamException? failure = null;
                try
                {
                    await ReadAsync(pieces);
                }
                catch (ApiStreamException ex)
                {
                    failure = ex;
                }

                Assert.True(open == (failure?.Failure == ApiStreamFailure.Truncated), $"prefix of {length} bytes: expected {(open ? "truncated" : "complete")}");
            }
        }
    }

    // The rule, byte by byte: an event is open once a line that is not a comment has begun, until an empty line.
    private static bool EndsInsideEvent(byte[] bytes)
    {
        bool open = false;
        bool atLineStart = true;
        bool comment = false;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'\n' && i > 0 && bytes[i - 1] == (byte)'\r')
            {
                continue;
            }

            if (b is (byte)'\r' or (byte)'\n')
            {
                open = !atLineStart && open;
                atLineStart = true;
                comment = false;
                continue;
            }

            if (atLineStart)
            {
                comment = b == (byte)':';
                atLineStart = false;
            }

            open |= !comment;
        }

        return open;
    }

    private static async Task<List<string>> ReadAsync(IEnumerable<byte[]> pieces)
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(pieces);
        return await connection.StreamEventsAsync(new ApiRequest("POST", "/v1/conversations"), Describe, default).CollectAsync();
    }
}
