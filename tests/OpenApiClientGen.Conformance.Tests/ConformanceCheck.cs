using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>One call made through an official SDK and through a generated client, with the request each sent.</summary>
public sealed record ComparedCall(string Name, CapturedRequest Sdk, CapturedRequest Ours);

/// <summary>
/// A difference that is allowed, and why: in call <paramref name="Call"/>, <paramref name="Field"/> (<c>body.stream</c>,
/// <c>header.user-agent</c>) differs as <paramref name="Detail"/> says. For a body member one side leaves out, the
/// detail names the side and the value the other sends (<c>absent in ours; the SDK sends true</c>), so an allowance
/// never covers another value.
/// </summary>
public sealed record AllowedDifference(string Call, string Field, string Detail, string Reason);

/// <summary>
/// The request comparison of <see cref="RequestComparison"/> plus every other header by name, except the headers the
/// caller leaves out with a reason (a name may end in <c>*</c> for a prefix); then each difference is either allowed
/// or reported.
/// </summary>
public static class ConformanceCheck
{
    private static readonly string[] ComparedByName = { "accept", "content-type", "authorization" };

    /// <summary>
    /// Differences no allowance explains, and allowances no difference needs, with a table of every call for the test's
    /// output.
    /// </summary>
    public static (List<string> Unexplained, string Table) Compare(
        IReadOnlyList<ComparedCall> calls,
        IReadOnlyList<AllowedDifference> allowed,
        IReadOnlyDictionary<string, string> headersNotCompared)
    {
        var unexplained = new List<string>();
        var table = new StringBuilder("| call | method + path | query | Accept | Content-Type | Authorization | other headers | body | allowed differences |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (ComparedCall call in calls)
        {
            List<(string Field, string Detail)> differences = Differences(call.Sdk, call.Ours, headersNotCompared);
            var explained = new List<AllowedDifference>();
            foreach ((string field, string detail) in differences)
            {
                AllowedDifference? allowance = allowed.FirstOrDefault(a => a.Call == call.Name && a.Field == field && a.Detail == detail);
                if (allowance is null)
                {
                    unexplained.Add($"{call.Name}: {field}: {detail}");
                }
                else
                {
                    explained.Add(allowance);
                }
            }

            // An allowance for a difference that is gone is stale; the list only says what still differs.
            unexplained.AddRange(allowed.Where(a => a.Call == call.Name && !explained.Contains(a))
                .Select(a => $"{call.Name}: {a.Field}: allowed as \"{a.Detail}\", but the requests no longer differ so"));

            string Cell(string field) => differences.Any(d => d.Field == field || d.Field.StartsWith(field + ".", StringComparison.Ordinal)) ? "differs" : "same";
            table.Append($"| {call.Name} | {Cell("request")} | {Cell("query")} | {Cell("accept")} | {Cell("content-type")} | {Cell("authorization")} | {Cell("header")} | {Cell("body")} | {string.Join("; ", explained.Select(a => $"{a.Field}: {a.Detail}"))} |\n");
        }

        foreach (ComparedCall call in calls)
        {
            table.Append($"\n{call.Name}, the SDK's body: {call.Sdk.Body}\n{call.Name}, our body:      {call.Ours.Body}\n");
        }

        return (unexplained, table.ToString());
    }

    private static List<(string Field, string Detail)> Differences(CapturedRequest sdk, CapturedRequest ours, IReadOnlyDictionary<string, string> headersNotCompared)
    {
        List<(string Field, string Detail)> result = RequestComparison.Differences(sdk, ours)
            .Select(d => (d.Field, Describe(d.Field, d.Detail, sdk, ours)))
            .ToList();
        foreach (string name in sdk.Headers.Keys.Union(ours.Headers.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            if (ComparedByName.Contains(name) || headersNotCompared.Keys.Any(pattern => Matches(pattern, name)))
            {
                continue;
            }

            string? left = sdk.Headers.TryGetValue(name, out string? l) ? l : null;
            string? right = ours.Headers.TryGetValue(name, out string? r) ? r : null;
            if (left != right)
            {
                result.Add(("header." + name, left is null ? $"absent in the SDK's; ours sends '{right}'" : right is null ? $"absent in ours; the SDK sends '{left}'" : $"'{left}' vs '{right}'"));
            }
        }

        return result;
    }

    // A name ending in * stands for every header that starts with what comes before it: x-stainless-*.
    private static bool Matches(string pattern, string name) =>
        pattern.EndsWith('*') ? name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal) : pattern == name;

    // "absent in ours" alone would let an allowance cover any value; name the value the other side sends.
    private static string Describe(string field, string detail, CapturedRequest sdk, CapturedRequest ours) => detail switch
    {
        "absent in ours" when field.StartsWith("body.", StringComparison.Ordinal) => "absent in ours; the SDK sends " + Member(sdk.Body, field),
        "absent in the SDK's" when field.StartsWith("body.", StringComparison.Ordinal) => "absent in the SDK's; ours sends " + Member(ours.Body, field),
        _ => detail,
    };

    private static string Member(string body, string field)
    {
        JsonNode? node = JsonNode.Parse(body);
        foreach (string name in field.Split('.').Skip(1))
        {
            node = node?[name];
        }

        return node?.ToJsonString() ?? "null";
    }
}
