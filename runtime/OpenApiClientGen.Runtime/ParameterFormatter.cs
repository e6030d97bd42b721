using System.Collections;
using System.Globalization;

namespace OpenApiClientGen.Runtime;

/// <summary>Writes parameter values the way OpenAPI's default styles expect: invariant culture, ISO 8601 dates, lower-case booleans.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterFormatter
{
    /// <summary>Formats one value as text.</summary>
    public static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset moment => moment.ToString("o", CultureInfo.InvariantCulture),
        DateTime moment => moment.ToString("o", CultureInfo.InvariantCulture),
        JsonElement element => element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Formats a value, or each item of a list; null gives nothing.</summary>
    public static IEnumerable<string> FormatEach(object? value)
    {
        if (value is null)
        {
            yield break;
        }

        if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                if (item is not null)
                {
                    yield return Format(item);
                }
            }

            yield break;
        }

        yield return Format(value);
    }

    /// <summary>
    /// Percent-encodes everything but RFC 3986's unreserved characters, and dots too when the whole segment is
    /// <c>.</c> or <c>..</c>, so that no value can add, remove or climb out of a path segment.
    /// </summary>
    public static string EscapePathSegment(string value)
    {
        if (value is "." or "..")
        {
#if NET
            return value.Replace(".", "%2E");
#else
            // Without a way to stop Uri folding dot segments, refuse rather than send a request to another path.
            throw new ArgumentException($"'{value}' cannot be sent as a path segment on this platform.", nameof(value));
#endif
        }

        var builder = new StringBuilder(value.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Refuses header values that could end the header and start another.</summary>
    public static string HeaderValue(string name, string value)
    {
        if (value.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException($"The value of header '{name}' contains a line break, which could inject another header; it was not sent.", name);
        }

        return value;
    }
}
