namespace OpenApiClientGen.Runtime;

/// <summary>
/// The outcomes of the untagged unions read so far within the outermost union being read on this thread. When a union
/// tries a variant and gives up on it, the next variant reads the same nested values again; a nested union whose
/// outcome is remembered answers at once instead of trying its own variants anew, so each value is judged once.
/// </summary>
/// <remarks>
/// Codecs read synchronously from one <see cref="Utf8JsonReader"/>, so a value is named by its codec and the reader's
/// <see cref="Utf8JsonReader.BytesConsumed"/> at its first token. Outcomes are kept only while some variant being read
/// would be followed by another if it failed, since only then can a value be read twice; they are dropped when the
/// outermost union returns.
/// </remarks>
internal static class UnionReadings
{
    [ThreadStatic]
    private static int t_depth;

    [ThreadStatic]
    private static int t_retriable;

    [ThreadStatic]
    private static Dictionary<(object Codec, long Start), (object? Value, string? Failure)>? t_outcomes;

    /// <summary>Marks a union read as under way until the scope is disposed.</summary>
    public static Scope Enter()
    {
        t_depth++;
        return default;
    }

    /// <summary>The outcome an earlier attempt reached for this codec at this position: a value, or the failure's message.</summary>
    public static bool TryRecall(object codec, long start, out object? value, out string? failure)
    {
        if (t_outcomes is not null && t_outcomes.TryGetValue((codec, start), out (object? Value, string? Failure) outcome))
        {
            (value, failure) = outcome;
            return true;
        }

        (value, failure) = (null, null);
        return false;
    }

    /// <summary>Keeps an outcome when a variant that encloses it may be given up and the value read again.</summary>
    public static void Remember(object codec, long start, object? value, string? failure)
    {
        if (t_retriable > 0)
        {
            (t_outcomes ??= new Dictionary<(object, long), (object?, string?)>())[(codec, start)] = (value, failure);
        }
    }

    /// <summary>Reads one variant; <paramref name="anotherFollows"/> says whether a failure here would send the union on to another.</summary>
    public static object? Read(UnionVariant variant, ref Utf8JsonReader reader, JsonSerializerOptions options, bool anotherFollows)
    {
        if (!anotherFollows)
        {
            return variant.Read(ref reader, options);
        }

        t_retriable++;
        try
        {
            return variant.Read(ref reader, options);
        }
        finally
        {
            t_retriable--;
        }
    }

    /// <summary>
    /// Sets the outcomes aside while another document is read with a reader of its own (a codec that parses JSON held in
    /// a string), whose byte positions would otherwise name values of the document around it.
    /// </summary>
    public static Isolation Isolate() => t_depth == 0 ? default : new Isolation(true);

    /// <summary>Ends one union read; the outermost drops every outcome.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose()
        {
            if (--t_depth == 0)
            {
                t_outcomes = null;
            }
        }
    }

    /// <summary>Puts back, when disposed, the outcomes <see cref="Isolate"/> set aside.</summary>
    public readonly struct Isolation : IDisposable
    {
        private readonly bool _active;
        private readonly int _depth;
        private readonly int _retriable;
        private readonly Dictionary<(object Codec, long Start), (object? Value, string? Failure)>? _outcomes;

        public Isolation(bool active)
        {
            _active = active;
            (_depth, _retriable, _outcomes) = (t_depth, t_retriable, t_outcomes);
            (t_depth, t_retriable, t_outcomes) = (0, 0, null);
        }

        public void Dispose()
        {
            if (_active)
            {
                (t_depth, t_retriable, t_outcomes) = (_depth, _retriable, _outcomes);
            }
        }
    }
}
