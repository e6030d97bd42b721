namespace OpenApiClientGen.Diagnostics;

/// <summary>
/// Where a problem sits in a spec file. Either a resolved 1-based line and column, or a JSON pointer
/// that the diagnostics step resolves against the file's text (so whitespace edits never invalidate the model).
/// </summary>
internal sealed record SpecLocation(string FilePath, string? Pointer, int Line = 0, int Column = 0)
{
    public bool IsResolved => Line > 0;

    public static SpecLocation AtPointer(string filePath, string pointer) => new(filePath, pointer);

    public static SpecLocation AtFileStart(string filePath) => new(filePath, null, 1, 1);
}
