using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Text;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>
/// The runtime reads event streams with a parser of its own. These streams, made of every construct the event-stream
/// rules name, must give the same events, ids, retry intervals and names as <c>System.Net.ServerSentEvents</c>.
/// </summary>
public sealed class SseParserAgreementTests
{
    private static readonly SseEventReader<string> Describe =
        SseEventReader.Text(static (sse, data) => Line(sse.EventType, data, sse.EventId, sse.LastEventId, sse.ReconnectionInterval));

    private static readonly string[] LineEnds = { "\n", "\r", "\r\n" };

    // What a line can be: each field with odd values, no space or two after the colon, no colon, comments, unknown
    // fields, a NUL in an id, retries that are and are not numbers, and text that is not ASCII.
    private static readonly string[] Lines =
    {
        "data: {\"a\":1}", "data:x", "data:  two spaces", "data", "data:", "data: ü ✓ 𝄞", "data::colon",
        "event: delta", "event:delta", "event", "event: ", "event: späť",
        "id: 7", "id:", "id", "id: a\0b", "id: évt-9",
        "retry: 3000", "retry: 12a", "retry:", "retry: -1", "retry: 0",
        ": comment", ":", "unknown: field", "DATA: upper case", " data: leading space", "dat", "data : spaced name",
    };

    [Fact]
    public async Task Streams_made_of_every_construct_give_the_same_events_as_System_Net_ServerSentEvents()
    {
        var random = new Random(20261203);
        int compared = 0;
        for (int stream = 0; stream < 400; stream++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(RandomStream(random));
            if (random.Next(8) == 0)
            {
                bytes = Encoding.UTF8.GetPreamble().Concat(bytes).ToArray();
            }

            List<string> expected = ReadWithSseParser(bytes);
            string shown = Encoding.UTF8.GetString(bytes).Replace("\r", "\\r").Replace("\n", "\\n\n");
            foreach (IEnumerable<byte[]> pieces in new[] { new[] { bytes }, PiecewiseStream.Cut(bytes, random.Next(1, bytes.Length)), bytes.Select(b => new[] { b }) })
            {
                List<string> actual = await ReadAsync(pieces);
                Assert.True(expected.SequenceEqual(actual), $"{shown}\nexpected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}");
            }

            compared += expected.Count;
        }

        // The streams must be worth comparing: most of them carry events.
        Assert.True(compared > 500, $"only {compared} events compared");
    }

    private static string RandomStream(Random random)
    {
        var text = new StringBuilder();
        int lines = random.Next(1, 30);
        for (int i = 0; i < lines; i++)
        {
            // About one line in four is empty, which ends an event.
            if (random.Next(4) > 0)
            {
                text.Append(Lines[random.Next(Lines.Length)]);
            }

            text.Append(LineEnds[random.Next(LineEnds.Length)]);
        }

        // Always ends at an empty line, so that no stream is cut inside an event.
        return text.Append("\n\n").ToString();
    }

    private static List<string> ReadWithSseParser(byte[] bytes)
    {
        var events = new List<string>();
        SseParser<string> parser = SseParser.Create(new MemoryStream(bytes), static (_, data) => Encoding.UTF8.GetString(data));
        foreach (SseItem<string> item in parser.Enumerate())
        {
            events.Add(Line(item.EventType, item.Data, item.EventId, parser.LastEventId, item.ReconnectionInterval));
        }

        return events;
    }

    private static string Line(string eventType, string data, string? eventId, string lastEventId, TimeSpan? retry) =>
        $"{eventType}|{data}|{eventId ?? "(none)"}|{lastEventId}|{retry}";

    private static async Task<List<string>> ReadAsync(IEnumerable<byte[]> pieces)
    {
        using ApiConnection connection = InMemoryEventStreamHandler.Connect(pieces);
        return await connection.StreamEventsAsync(new ApiRequest("GET", "/events"), Describe, default).CollectAsync();
    }
}
