using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>
/// Whether two JSON values say the same thing: the same members with equivalent values in any order, numbers equal as
/// numbers (<c>1.0</c> is <c>1</c>), and date-times equal as instants (<c>Z</c> is <c>+00:00</c>).
/// </summary>
public static class JsonEquivalence
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual, out string difference) => Compare(expected, actual, "$", out difference);

    private static bool Compare(JsonNode? expected, JsonNode? actual, string path, out string difference)
    {
        difference = "";
        switch (expected, actual)
        {
            case (null, null):
                return true;
            case (JsonObject left, JsonObject right):
                foreach (string name in left.Select(p => p.Key).Union(right.Select(p => p.Key)))
                {
                    if (!left.ContainsKey(name) || !right.ContainsKey(name))
                    {
                        difference = $"{path}.{name} is {(left.ContainsKey(name) ? "missing after the round trip" : "added by the round trip")}";
                        return false;
                    }

                    if (!Compare(left[name], right[name], path + "." + name, out difference))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray left, JsonArray right):
                if (left.Count != right.Count)
                {
                    difference = $"{path} has {left.Count} items, then {right.Count}";
                    return false;
                }

                for (int i = 0; i < left.Count; i++)
                {
                    if (!Compare(left[i], right[i], path + "[" + i + "]", out difference))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonValue left, JsonValue right) when SameValue(left, right):
                return true;
            default:
                difference = $"{path}: {expected?.ToJsonString() ?? "null"} became {actual?.ToJsonString() ?? "null"}";
                return false;
        }
    }

    private static bool SameValue(JsonValue left, JsonValue right)
    {
        JsonValueKind kind = left.GetValueKind();
        if (kind != right.GetValueKind())
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                string a = left.ToJsonString(), b = right.ToJsonString();
                return a == b
                    || (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal y) && x == y)
                    || (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) && p == q);
            case JsonValueKind.String:
                string s = left.GetValue<string>(), t = right.GetValue<string>();
                return s == t
                    || (s.Contains('T') && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset m)
                        && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset n) && m == n);
            default:
                return left.ToJsonString() == right.ToJsonString();
        }
    }
}
