namespace OpenApiClientGen.Parsing;

/// <summary>Two spec names that became one C# name; the second was given <see cref="Generated"/> instead (OACG0006).</summary>
/// <param name="Pointer">Where the second name sits in the spec, when known.</param>
internal sealed record NameClash(string? Pointer, string First, string Second, string CSharpName, string Generated);

/// <summary>
/// Remembers which spec name took each C# name in one scope, so that a name numbered away by
/// <c>UniqueNameScope</c> can be reported with the name it lost to. Names the generator reserves for itself
/// (the client class, a type's own name) are not spec names and are never reported.
/// </summary>
internal sealed class NameClashLog
{
    private readonly Dictionary<string, string> _owners;
    private readonly List<NameClash> _clashes;

    public NameClashLog(List<NameClash> clashes, bool ignoreCase)
    {
        _clashes = clashes;
        _owners = new Dictionary<string, string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    public void Record(string specName, string preferred, string assigned, string? pointer)
    {
        if (assigned != preferred && _owners.TryGetValue(preferred, out string? first))
        {
            _clashes.Add(new NameClash(pointer, first, specName, preferred, assigned));
        }

        if (!_owners.ContainsKey(assigned))
        {
            _owners[assigned] = specName;
        }
    }
}
