namespace OpenApiClientGen.Runtime;

/// <summary>
/// What the lead bytes of UTF-8 text say before it is decoded: how many UTF-16 characters it becomes and how many
/// bytes a cut-off last character still lacks. Used where a body is bounded in characters but read as bytes.
/// </summary>
internal static class Utf8Counts
{
    /// <summary>The UTF-16 characters one byte starts: 2 for a 4-byte sequence, 0 for a continuation byte, else 1.</summary>
    public static int Width(byte b) => (b & 0xC0) == 0x80 ? 0 : b is >= 0xF0 and <= 0xF4 ? 2 : 1;

    /// <summary>How many UTF-16 characters <paramref name="utf8"/> decodes to, counted by its lead bytes.</summary>
    public static int Utf16Length(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
        {
            count += Width(b);
        }

        return count;
    }

    /// <summary>Where the first <paramref name="maxChars"/> characters end; a sequence that would pass them is left out.</summary>
    public static int PrefixBytes(ReadOnlySpan<byte> utf8, int maxChars)
    {
        int chars = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            int width = Width(utf8[i]);
            if (chars + width > maxChars)
            {
                return i;
            }

            chars += width;
        }

        return utf8.Length;
    }

    /// <summary>How many bytes the last sequence of <paramref name="utf8"/> still lacks; 0 when it is whole or is none.</summary>
    public static int MissingBytes(ReadOnlySpan<byte> utf8)
    {
        for (int back = 1; back <= Math.Min(4, utf8.Length); back++)
        {
            byte b = utf8[utf8.Length - back];
            if ((b & 0xC0) != 0x80)
            {
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return Math.Max(0, needed - back);
            }
        }

        return 0;
    }
}
