namespace OpenApiClientGen.Runtime;

/// <summary>
/// The SSE fields of one event besides its data: its name, id, retry interval and position in the stream.
/// Event readers hand it to the generated factory that builds each item, so an item can keep what it needs.
/// </summary>
/// <remarks>
/// A value type, so that an item carries it inline: events whose fields match the previous event's (most of a stream)
/// share those fields, and an event then costs no allocation for them. The default value describes no event: an item
/// built by hand rather than read from a stream holds it, with <see cref="IsFromStream"/> false.
/// </remarks>
public readonly struct SseItemInfo : IEquatable<SseItemInfo>
{
    private readonly SseEventFields? _fields;

    /// <summary>Describes one event.</summary>
    /// <param name="eventType">The event's name; <c>message</c> when the server named none.</param>
    /// <param name="eventId">The event's own <c>id</c> field, or null when it had none.</param>
    /// <param name="lastEventId">The last <c>id</c> the stream set so far, which a reconnect would send as <c>Last-Event-ID</c>.</param>
    /// <param name="reconnectionInterval">The event's <c>retry</c> field, or null when it had none.</param>
    /// <param name="index">The event's 0-based position in the stream.</param>
    public SseItemInfo(string eventType, string? eventId, string lastEventId, TimeSpan? reconnectionInterval, int index)
        : this(new SseEventFields(eventType ?? throw new ArgumentNullException(nameof(eventType)), eventId, lastEventId ?? "", reconnectionInterval), index)
    {
    }

    internal SseItemInfo(SseEventFields fields, int index)
    {
        _fields = fields;
        Index = index;
    }

    /// <summary>Whether the item was read from a stream; false for the default value, which describes no event.</summary>
    public bool IsFromStream => _fields is not null;

    /// <summary>The event's name, compared exactly; <c>message</c> when the server sent no <c>event</c> field.</summary>
    public string EventType => _fields?.EventType ?? SseEventFields.DefaultEventType;

    /// <summary>The event's own <c>id</c> field, or null when it had none.</summary>
    public string? EventId => _fields?.EventId;

    /// <summary>
    /// The last <c>id</c> the stream set, on this event or an earlier one (empty when none did): what a client that
    /// reconnects sends as <c>Last-Event-ID</c>.
    /// </summary>
    public string LastEventId => _fields?.LastEventId ?? "";

    /// <summary>The event's <c>retry</c> field: how long the server asks a client to wait before reconnecting.</summary>
    public TimeSpan? ReconnectionInterval => _fields?.ReconnectionInterval;

    /// <summary>The event's 0-based position in the stream, counting every event that carried data.</summary>
    public int Index { get; }

    /// <inheritdoc/>
    public override string ToString() => IsFromStream ? $"event {Index} ('{EventType}')" : "no event";

    /// <summary>Whether both describe the same event: the same fields at the same position, or both no event.</summary>
    public bool Equals(SseItemInfo other) =>
        Index == other.Index
        && IsFromStream == other.IsFromStream
        && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
        && string.Equals(EventId, other.EventId, StringComparison.Ordinal)
        && string.Equals(LastEventId, other.LastEventId, StringComparison.Ordinal)
        && ReconnectionInterval == other.ReconnectionInterval;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SseItemInfo other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Index * 397) ^ StringComparer.Ordinal.GetHashCode(EventType);

    /// <summary>Whether both describe the same event.</summary>
    public static bool operator ==(SseItemInfo left, SseItemInfo right) => left.Equals(right);

    /// <summary>Whether they describe different events.</summary>
    public static bool operator !=(SseItemInfo left, SseItemInfo right) => !left.Equals(right);
}

/// <summary>The fields an event shares with the events around it: its name, id, last id and retry interval.</summary>
internal sealed class SseEventFields(string eventType, string? eventId, string lastEventId, TimeSpan? reconnectionInterval)
{
    public const string DefaultEventType = "message";

    public string EventType { get; } = eventType;

    public string? EventId { get; } = eventId;

    public string LastEventId { get; } = lastEventId;

    public TimeSpan? ReconnectionInterval { get; } = reconnectionInterval;

    /// <summary>These fields when they are the ones given, so the next event can share them; new fields otherwise.</summary>
    public static SseEventFields Reuse(SseEventFields? previous, string eventType, string? eventId, string lastEventId, TimeSpan? reconnectionInterval) =>
        previous is not null
        && string.Equals(previous.EventType, eventType, StringComparison.Ordinal)
        && string.Equals(previous.EventId, eventId, StringComparison.Ordinal)
        && string.Equals(previous.LastEventId, lastEventId, StringComparison.Ordinal)
        && previous.ReconnectionInterval == reconnectionInterval
            ? previous
            : new SseEventFields(eventType, eventId, lastEventId, reconnectionInterval);
}
