namespace OpenApiClientGen.Runtime;

/// <summary>
/// The SSE fields of one event besides its data: its name, id, retry interval and position in the stream.
/// Event readers hand it to the generated factory that builds each item, so an item can keep what it needs.
/// </summary>
public sealed class SseItemInfo
{
    /// <summary>Describes one event.</summary>
    /// <param name="eventType">The event's name; <c>message</c> when the server named none.</param>
    /// <param name="eventId">The event's own <c>id</c> field, or null when it had none.</param>
    /// <param name="lastEventId">The last <c>id</c> the stream set so far, which a reconnect would send as <c>Last-Event-ID</c>.</param>
    /// <param name="reconnectionInterval">The event's <c>retry</c> field, or null when it had none.</param>
    /// <param name="index">The event's 0-based position in the stream.</param>
    public SseItemInfo(string eventType, string? eventId, string lastEventId, TimeSpan? reconnectionInterval, int index)
    {
        EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
        EventId = eventId;
        LastEventId = lastEventId ?? "";
        ReconnectionInterval = reconnectionInterval;
        Index = index;
    }

    /// <summary>The event's name, compared exactly; <c>message</c> when the server sent no <c>event</c> field.</summary>
    public string EventType { get; }

    /// <summary>The event's own <c>id</c> field, or null when it had none.</summary>
    public string? EventId { get; }

    /// <summary>
    /// The last <c>id</c> the stream set, on this event or an earlier one (empty when none did): what a client that
    /// reconnects sends as <c>Last-Event-ID</c>.
    /// </summary>
    public string LastEventId { get; }

    /// <summary>The event's <c>retry</c> field: how long the server asks a client to wait before reconnecting.</summary>
    public TimeSpan? ReconnectionInterval { get; }

    /// <summary>The event's 0-based position in the stream, counting every event that carried data.</summary>
    public int Index { get; }

    /// <inheritdoc/>
    public override string ToString() => $"event {Index} ('{EventType}')";
}
