using OpenApiClientGen.Parsing;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The one rule for which media types the generator reads and writes as JSON.</summary>
public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/vnd.github.v3+json", true)]
    [InlineData("*/*", true)]
    [InlineData("application/jsonl", false)]
    [InlineData("application/x-ndjson", false)]
    [InlineData("application/json-seq", false)]
    [InlineData("application/stream+json", false)]
    [InlineData("text/plain", false)]
    [InlineData("text/event-stream", false)]
    [InlineData(null, false)]
    public void Json_media_types_are_json_and_any_type_reads_as_json(string? mediaType, bool json) =>
        Assert.Equal(json, MediaTypes.IsJson(mediaType));

    [Theory]
    [InlineData("application/jsonl", true)]
    [InlineData("application/x-ndjson", true)]
    [InlineData("application/json-seq", true)]
    [InlineData("application/x-json-stream", true)]
    [InlineData("Application/Stream+JSON; charset=utf-8", true)]
    [InlineData("application/json", false)]
    [InlineData("application/problem+json", false)]
    [InlineData("text/event-stream", false)]
    public void Sequential_json_is_one_json_value_after_another(string mediaType, bool sequential) =>
        Assert.Equal(sequential, MediaTypes.IsSequentialJson(mediaType));
}
