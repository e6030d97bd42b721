namespace OpenApiClientGen.Parsing;

/// <summary>What the media types of a document mean to the generator.</summary>
internal static class MediaTypes
{
    public const string EventStream = "text/event-stream";

    /// <summary>The type without its parameters, lower-cased: <c>Application/JSON; charset=utf-8</c> is <c>application/json</c>.</summary>
    public static string Essence(string? mediaType) => (mediaType ?? "").Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Whether a value of this media type is read and written as JSON: <c>application/json</c>, any <c>+json</c> type,
    /// and <c>*/*</c>. A document that says <c>*/*</c> and gives a schema (springdoc writes every response so) means
    /// JSON, as the only form a schema can describe; a request never asks for <c>*/*</c> (see the <c>Accept</c> rule).
    /// </summary>
    public static bool IsJson(string? mediaType)
    {
        string type = Essence(mediaType);
        return type == "application/json" || (type.EndsWith("+json", StringComparison.Ordinal) && !IsSequentialJson(type)) || type == "*/*";
    }

    /// <summary>
    /// Whether the body is a sequence of JSON values, one after another: OpenAPI 3.2's sequential media types
    /// (<c>application/jsonl</c>, <c>application/x-ndjson</c>, <c>application/json-seq</c>), and the
    /// <c>application/x-json-stream</c> and <c>application/stream+json</c> that servers use for newline-delimited JSON.
    /// </summary>
    public static bool IsSequentialJson(string? mediaType) =>
        Essence(mediaType) is "application/jsonl" or "application/x-ndjson" or "application/json-seq" or "application/x-json-stream" or "application/stream+json";

    public static bool IsEventStream(string mediaType) => Essence(mediaType) == EventStream;
}
