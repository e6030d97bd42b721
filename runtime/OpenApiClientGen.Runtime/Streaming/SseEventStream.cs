using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace OpenApiClientGen.Runtime;

/// <summary>Sends a streaming request and reads its <c>text/event-stream</c> body, one item per event, as it arrives.</summary>
/// <remarks>
/// The response is read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, so <see cref="HttpClient.Timeout"/>
/// bounds only the wait for the response headers, never the length of a healthy stream; a stream that goes quiet is
/// bounded by <see cref="ApiClientOptions.StreamIdleTimeout"/> instead.
/// <para>
/// Leaving the enumeration early, cancelling it, reaching the sentinel or failing all dispose the response at once.
/// What happens to the connection then is the handler's choice: a cancelled or timed-out read makes
/// <c>SocketsHttpHandler</c> close it at once, while a response disposed between reads is drained for reuse, for
/// at most <c>SocketsHttpHandler.ResponseDrainTimeout</c> (2 seconds by default) before the connection is closed.
/// </para>
/// </remarks>
internal static class SseEventStream
{
    public static async IAsyncEnumerable<TEvent> ReadAsync<TEvent>(
        ApiConnection connection,
        ApiRequest request,
        SseEventReader<TEvent> reader,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string operation = request.Operation;
        TimeSpan? idleTimeout = connection.Options.StreamIdleTimeout;
        using HttpResponseMessage response = await connection.SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        using var reads = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var body = new SseBoundaryStream(await OpenAsync(response.Content, cancellationToken).ConfigureAwait(false), idleTimeout is null ? null : reads, idleTimeout ?? Timeout.InfiniteTimeSpan);
        SseParser<ParsedEvent<TEvent>> parser = SseParser.Create(body, (eventType, data) => ParsedEvent<TEvent>.Parse(reader, eventType, data));
        IAsyncEnumerator<SseItem<ParsedEvent<TEvent>>> items = parser.EnumerateAsync(reads.Token).GetAsyncEnumerator(reads.Token);
        int index = 0;
        try
        {
            while (await NextAsync().ConfigureAwait(false))
            {
                SseItem<ParsedEvent<TEvent>> item = items.Current;
                ParsedEvent<TEvent> parsed = item.Data;
                if (parsed.IsSentinel)
                {
                    yield break;
                }

                var info = new SseItemInfo(item.EventType, item.EventId, parser.LastEventId, item.ReconnectionInterval, index);
                if (parsed.Failure is not null)
                {
                    throw Malformed(info, parsed.Decoder, parsed.Failure, parsed.FailedData);
                }

                yield return Create(info, parsed);
                index++;
            }

            if (body.EndsInsideEvent)
            {
                throw Failure(ApiStreamFailure.Truncated, $"the server closed the stream in the middle of event {index}, before the empty line that completes it.");
            }

            if (reader.Sentinel is not null)
            {
                throw Failure(ApiStreamFailure.Truncated, $"the server closed the stream after {ApiStreamException.Count(index, "event")} without sending '{reader.Sentinel}', which marks its end.");
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }

        async ValueTask<bool> NextAsync()
        {
            try
            {
                return await items.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException)
            {
                // The caller's own cancellation is no failure of the stream: it surfaces as itself.
                cancellationToken.ThrowIfCancellationRequested();
                if (body.IdleTimedOut)
                {
                    throw Failure(ApiStreamFailure.IdleTimeout, $"the server sent nothing for {idleTimeout} after {ApiStreamException.Count(index, "event")}, so the stream was given up.", ex);
                }

                if (ex is IOException)
                {
                    throw Failure(ApiStreamFailure.Disconnected, $"the connection broke after {ApiStreamException.Count(index, "event")}: {ex.Message}", ex);
                }

                throw;
            }
        }

        // A text event's item may read JSON from the text itself (a contentSchema payload), so building it can fail too.
        TEvent Create(SseItemInfo info, ParsedEvent<TEvent> parsed)
        {
            try
            {
                return parsed.Decoder.Create(info, parsed.Payload);
            }
            catch (JsonException ex)
            {
                throw Malformed(info, parsed.Decoder, ex, parsed.Payload as string ?? "");
            }
        }

        ApiStreamException Malformed(SseItemInfo info, SseEventDecoder<TEvent> decoder, JsonException failure, string? data) =>
            new(
                operation,
                ApiStreamFailure.MalformedEvent,
                $"{operation}: event {info.Index} ('{info.EventType}') is not valid {decoder.PayloadName} JSON: {failure.Message}",
                info.Index,
                info.EventType,
                response.StatusCode,
                ApiException.Truncate(data ?? "", connection.Options.MaxErrorBodyLength),
                failure);

        ApiStreamException Failure(ApiStreamFailure failure, string what, Exception? inner = null) =>
            new(operation, failure, operation + ": " + what, index, null, response.StatusCode, null, inner);
    }

    private static async Task<Stream> OpenAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET
        return await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
    }
}

/// <summary>
/// One event as the parser hands it over: its data already read by the decoder its name picks, or the failure and
/// the data text when the data is malformed, or the sentinel.
/// </summary>
internal readonly struct ParsedEvent<TEvent>
{
    private ParsedEvent(SseEventDecoder<TEvent> decoder, object? payload, JsonException? failure, string? failedData, bool isSentinel)
    {
        Decoder = decoder;
        Payload = payload;
        Failure = failure;
        FailedData = failedData;
        IsSentinel = isSentinel;
    }

    public SseEventDecoder<TEvent> Decoder { get; }

    public object? Payload { get; }

    public JsonException? Failure { get; }

    public string? FailedData { get; }

    public bool IsSentinel { get; }

    // Runs inside the parser, while it still holds the data; nothing may throw from here, or the event's position is lost.
    public static ParsedEvent<TEvent> Parse(SseEventReader<TEvent> reader, string eventType, ReadOnlySpan<byte> data)
    {
        SseEventDecoder<TEvent> decoder = reader.DecoderFor(eventType);
        if (reader.IsSentinel(data))
        {
            return new ParsedEvent<TEvent>(decoder, null, null, null, isSentinel: true);
        }

        try
        {
            return new ParsedEvent<TEvent>(decoder, decoder.Parse(data), null, null, isSentinel: false);
        }
        catch (JsonException ex)
        {
            return new ParsedEvent<TEvent>(decoder, null, ex, JsonCodecs.Utf8ToString(data), isSentinel: false);
        }
    }
}
