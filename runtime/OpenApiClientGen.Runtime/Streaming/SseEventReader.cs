namespace OpenApiClientGen.Runtime;

/// <summary>
/// Builds the <see cref="SseEventReader{TEvent}"/> of a streaming operation: how each server-sent event becomes one
/// item. A generated client builds each reader once, in a static field, and passes it to
/// <see cref="ApiConnection.StreamEventsAsync{TEvent}"/>.
/// </summary>
/// <remarks>
/// The four ways a spec can describe a stream, and the reader for each:
/// <list type="bullet">
/// <item><description>the data is the payload (OpenAPI 3.2 <c>itemSchema</c>, or a plain schema): <see cref="Json{T}"/>;</description></item>
/// <item><description>a frame schema with <c>event</c> and <c>data</c> members: <see cref="Frames{TFrame, TData}"/>, which fills the frame from the SSE fields;</description></item>
/// <item><description>a frame whose <c>data</c> is a string: <see cref="Text{TFrame}"/>;</description></item>
/// <item><description>the event name picks the payload type: <see cref="ByEventName{TEvent}"/> with one <see cref="SseEventReader{TEvent}.On{TData}"/> per name.</description></item>
/// </list>
/// Any of them ends at a sentinel such as <c>[DONE]</c> with <see cref="SseEventReader{TEvent}.EndAt"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SseEventReader
{
    /// <summary>Every event's data is JSON of <typeparamref name="T"/>, whatever the event's name; the items are the payloads.</summary>
    public static SseEventReader<T> Json<T>(JsonConverter<T> codec) => Frames(codec, static (_, data) => data);

    /// <summary>
    /// Every event's data is JSON of <typeparamref name="TData"/>, whatever the event's name; <paramref name="create"/>
    /// builds each item from it and the event's SSE fields (its name for an <c>event</c> member, its id, its retry).
    /// </summary>
    public static SseEventReader<TFrame> Frames<TFrame, TData>(JsonConverter<TData> data, Func<SseItemInfo, TData, TFrame> create) =>
        new(new SseJsonDecoder<TFrame, TData>(data, create));

    /// <summary>Every event's data is kept as text, whatever the event's name; <paramref name="create"/> builds each item from it.</summary>
    public static SseEventReader<TFrame> Text<TFrame>(Func<SseItemInfo, string, TFrame> create) => new(new SseTextDecoder<TFrame>(create));

    /// <summary>
    /// The event's name picks how its data is read: add each name with <see cref="SseEventReader{TEvent}.On{TData}"/>
    /// or <see cref="SseEventReader{TEvent}.OnText"/>. An event with any other name becomes the item
    /// <paramref name="unknown"/> builds from its name and its data text: it is neither dropped nor an error.
    /// </summary>
    public static SseEventReader<TEvent> ByEventName<TEvent>(Func<SseItemInfo, string, TEvent> unknown) => new(new SseTextDecoder<TEvent>(unknown));
}

/// <summary>
/// How the events of one streaming operation become items of <typeparamref name="TEvent"/>. Immutable: each method
/// returns a new reader, so one instance can be shared by every call of the operation.
/// </summary>
/// <typeparam name="TEvent">The item type the operation's stream yields.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SseEventReader<TEvent>
{
    private readonly Dictionary<string, SseEventDecoder<TEvent>> _byName;
    private readonly SseEventDecoder<TEvent> _otherwise;
    private readonly byte[]? _sentinel;

    internal SseEventReader(SseEventDecoder<TEvent> otherwise)
        : this(new Dictionary<string, SseEventDecoder<TEvent>>(StringComparer.Ordinal), otherwise, null)
    {
    }

    private SseEventReader(Dictionary<string, SseEventDecoder<TEvent>> byName, SseEventDecoder<TEvent> otherwise, string? sentinel, bool sentinelRequired = true)
    {
        _byName = byName;
        _otherwise = otherwise;
        Sentinel = sentinel;
        SentinelRequired = sentinel is not null && sentinelRequired;
        _sentinel = sentinel is null ? null : Encoding.UTF8.GetBytes(sentinel);
    }

    /// <summary>The data that ends the stream, such as <c>[DONE]</c>, or null when the stream ends when the server closes it.</summary>
    public string? Sentinel { get; }

    /// <summary>True when a stream closed before <see cref="Sentinel"/> is an error (<see cref="EndAt"/>); false for <see cref="EndAtIfSent"/>.</summary>
    public bool SentinelRequired { get; }

    /// <summary>
    /// Reads the data of events named <paramref name="eventName"/> (exactly, case included) as JSON of
    /// <typeparamref name="TData"/>; <paramref name="create"/> builds the item.
    /// </summary>
    public SseEventReader<TEvent> On<TData>(string eventName, JsonConverter<TData> codec, Func<SseItemInfo, TData, TEvent> create) =>
        With(eventName, new SseJsonDecoder<TEvent, TData>(codec ?? throw new ArgumentNullException(nameof(codec)), create));

    /// <summary>Keeps the data of events named <paramref name="eventName"/> (exactly) as text; <paramref name="create"/> builds the item.</summary>
    public SseEventReader<TEvent> OnText(string eventName, Func<SseItemInfo, string, TEvent> create) =>
        With(eventName, new SseTextDecoder<TEvent>(create));

    /// <summary>
    /// Ends the stream at the event whose data is exactly <paramref name="sentinel"/> (such as <c>[DONE]</c>), which is
    /// not an item. A stream the server closes before the sentinel is then an <see cref="ApiStreamException"/>.
    /// </summary>
    public SseEventReader<TEvent> EndAt(string sentinel)
    {
        if (string.IsNullOrEmpty(sentinel))
        {
            throw new ArgumentException("A sentinel needs at least one character.", nameof(sentinel));
        }

        return new SseEventReader<TEvent>(_byName, _otherwise, sentinel);
    }

    /// <summary>
    /// Ends the stream at the event whose data is exactly <paramref name="sentinel"/> when the server sends one; a
    /// stream the server closes without it ends normally too. Generated clients read <c>[DONE]</c> this way by default.
    /// </summary>
    public SseEventReader<TEvent> EndAtIfSent(string sentinel)
    {
        if (string.IsNullOrEmpty(sentinel))
        {
            throw new ArgumentException("A sentinel needs at least one character.", nameof(sentinel));
        }

        return new SseEventReader<TEvent>(_byName, _otherwise, sentinel, sentinelRequired: false);
    }

    internal SseEventDecoder<TEvent> DecoderFor(string eventType) =>
        _byName.TryGetValue(eventType, out SseEventDecoder<TEvent>? decoder) ? decoder : _otherwise;

    internal bool IsSentinel(ReadOnlySpan<byte> data) => _sentinel is not null && data.SequenceEqual(_sentinel);

    private SseEventReader<TEvent> With(string eventName, SseEventDecoder<TEvent> decoder)
    {
        if (eventName is null)
        {
            throw new ArgumentNullException(nameof(eventName));
        }

        if (_byName.ContainsKey(eventName))
        {
            throw new ArgumentException($"The event '{eventName}' already has a reader.", nameof(eventName));
        }

        return new SseEventReader<TEvent>(new Dictionary<string, SseEventDecoder<TEvent>>(_byName, StringComparer.Ordinal) { [eventName] = decoder }, _otherwise, Sentinel, SentinelRequired);
    }
}

/// <summary>
/// Turns one event's data into an item, in two steps: <see cref="Parse"/> reads the data while the parser still holds
/// it (so it is never copied), and <see cref="Create"/> builds the item once the event's id and retry are known.
/// </summary>
internal abstract class SseEventDecoder<TEvent>
{
    /// <summary>The type the data is read as, for messages.</summary>
    public abstract string PayloadName { get; }

    /// <summary>Reads the data; a <see cref="System.Text.Json.JsonException"/> says it is malformed.</summary>
    public abstract object? Parse(ReadOnlySpan<byte> data);

    /// <summary>Builds the item from what <see cref="Parse"/> returned.</summary>
    public abstract TEvent Create(SseItemInfo info, object? payload);
}

internal sealed class SseJsonDecoder<TEvent, TData> : SseEventDecoder<TEvent>
{
    private readonly JsonConverter<TData> _codec;
    private readonly Func<SseItemInfo, TData, TEvent> _create;

    public SseJsonDecoder(JsonConverter<TData> codec, Func<SseItemInfo, TData, TEvent> create)
    {
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        _create = create ?? throw new ArgumentNullException(nameof(create));
    }

    public override string PayloadName => typeof(TData).Name;

    public override object? Parse(ReadOnlySpan<byte> data) => JsonCodecs.Deserialize(data, _codec);

    public override TEvent Create(SseItemInfo info, object? payload) => _create(info, (TData)payload!);
}

internal sealed class SseTextDecoder<TEvent> : SseEventDecoder<TEvent>
{
    private readonly Func<SseItemInfo, string, TEvent> _create;

    public SseTextDecoder(Func<SseItemInfo, string, TEvent> create) => _create = create ?? throw new ArgumentNullException(nameof(create));

    public override string PayloadName => "text";

    public override object? Parse(ReadOnlySpan<byte> data) => JsonCodecs.Utf8ToString(data);

    public override TEvent Create(SseItemInfo info, object? payload) => _create(info, (string)payload!);
}
