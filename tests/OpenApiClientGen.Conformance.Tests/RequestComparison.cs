using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>Where two captured requests differ: method and path, query (as a set), the three headers, and the body as JSON.</summary>
public static class RequestComparison
{
    public static List<(string Field, string Detail)> Differences(CapturedRequest expected, CapturedRequest actual)
    {
        var result = new List<(string, string)>();
        if (expected.Method != actual.Method || expected.Path != actual.Path)
        {
            result.Add(("request", $"{expected.Method} {expected.Path} vs {actual.Method} {actual.Path}"));
        }

        if (!expected.Query.OrderBy(q => q, StringComparer.Ordinal).SequenceEqual(actual.Query.OrderBy(q => q, StringComparer.Ordinal)))
        {
            result.Add(("query", $"[{string.Join("&", expected.Query)}] vs [{string.Join("&", actual.Query)}]"));
        }

        Compare(result, "accept", expected.Accept, actual.Accept);
        Compare(result, "content-type", expected.ContentType, actual.ContentType);
        Compare(result, "authorization", expected.Authorization, actual.Authorization);
        BodyDifferences(result, "body", Parse(expected.Body), Parse(actual.Body), expected.Body.Length > 0, actual.Body.Length > 0);
        return result;
    }

    private static void Compare(List<(string, string)> result, string field, string? expected, string? actual)
    {
        if (!string.Equals(Normalize(expected), Normalize(actual), StringComparison.OrdinalIgnoreCase))
        {
            result.Add((field, $"'{expected}' vs '{actual}'"));
        }
    }

    // "a, b" and "a,b" are the same header list.
    private static string? Normalize(string? value) => value is null ? null : string.Join(",", value.Split(',').Select(v => v.Trim()));

    private static JsonNode? Parse(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }

    /// <summary>Member by member: an absent member, a null and a value are three different things.</summary>
    private static void BodyDifferences(List<(string, string)> result, string path, JsonNode? expected, JsonNode? actual, bool expectedPresent, bool actualPresent)
    {
        if (expectedPresent != actualPresent)
        {
            result.Add((path, expectedPresent ? "absent in ours" : "absent in the SDK's"));
            return;
        }

        if (expected is JsonObject left && actual is JsonObject right)
        {
            foreach (string name in left.Select(m => m.Key).Union(right.Select(m => m.Key)))
            {
                BodyDifferences(result, path + "." + name, left[name], right[name], left.ContainsKey(name), right.ContainsKey(name));
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            result.Add((path, $"{expected?.ToJsonString() ?? "null"} vs {actual?.ToJsonString() ?? "null"}"));
        }
    }
}
