namespace OpenApiClientGen.Model;

/// <summary>What the project file says about one spec: the <c>&lt;OpenApiClient&gt;</c> item and its metadata.</summary>
/// <param name="ShareIdenticalTypes">Inline schemas that declare the same type share one C# type (opt-in: the shared type keeps the first one's name).</param>
/// <param name="Filters">Which operations to generate; null or empty for all of them.</param>
internal sealed record SpecOptions(string FilePath, string Namespace, string ClientName, bool ShareIdenticalTypes = false, OperationFilters? Filters = null)
{
    /// <summary>The item gives no <c>Namespace</c>: <see cref="Namespace"/> is made from the file's name.</summary>
    public bool NamespaceIsDefault { get; init; }

    /// <summary>The item gives no <c>ClientName</c>: <see cref="ClientName"/> is made from the file's name.</summary>
    public bool ClientNameIsDefault { get; init; }

    /// <summary>
    /// The operations of the whole document, before <see cref="Filters"/> keep some, so that a filter never changes
    /// how the kept operations are grouped; zero when not counted.
    /// </summary>
    public int DocumentOperationCount { get; init; }
}

/// <summary>A spec file's text as the compiler handed it over (step 1).</summary>
internal sealed record SpecSource(SpecOptions Options, string Text, DiagnosticInfo? OptionsError);

/// <summary>A file that a spec's relative <c>$ref</c>s may point into, already converted to JSON.</summary>
internal sealed record ReferencedFile(string FilePath, string? Json);

/// <summary>
/// A spec converted to normalized JSON (step 2). <see cref="Json"/> is null when the text could not be read, and
/// <see cref="Error"/> says why; <see cref="Repairs"/> is what was read more leniently than the YAML reader allows.
/// </summary>
internal sealed record JsonSpec(SpecOptions Options, string? Json, DiagnosticInfo? Error, EquatableArray<DiagnosticInfo> Repairs = default)
{
    /// <summary>
    /// The tree <see cref="Json"/> was written from, for the step that reads it next, so that a fresh build does not
    /// parse the text it has just written. Outside the record's equality.
    /// </summary>
    public Handoff<JsonObject> Tree { get; init; } = Handoff<JsonObject>.None;
}

/// <summary>
/// A value one pipeline step hands to the next once, outside the steps' equality: the next step takes it and owns it
/// from then on, and a step that finds it taken (a rerun for another reason: the target's features changed) or never
/// given makes it again from the equatable members. Every two handoffs are equal, so a record holding one compares
/// by its other members, and a cached value keeps nothing once its handoff is taken.
/// </summary>
internal sealed class Handoff<T> : IEquatable<Handoff<T>>
    where T : class
{
    /// <summary>A handoff of nothing.</summary>
    public static readonly Handoff<T> None = new(null);

    private T? _value;

    public Handoff(T? value) => _value = value;

    /// <summary>The value, once: every later call, on any thread, returns null.</summary>
    public T? Take() => System.Threading.Interlocked.Exchange(ref _value, null);

    public bool Equals(Handoff<T>? other) => other is not null;

    public override bool Equals(object? obj) => obj is Handoff<T>;

    public override int GetHashCode() => 0;
}

/// <summary>The equatable client model of one spec and what was found wrong with it (steps 3 and 4).</summary>
internal sealed record ModelResult(SpecOptions Options, ApiSpec? Api, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated source file (step 5).</summary>
internal sealed record GeneratedFile(string HintName, string Text);
