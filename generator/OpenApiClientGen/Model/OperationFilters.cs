namespace OpenApiClientGen.Model;

/// <summary>
/// Which operations of a spec to generate, from the <c>&lt;OpenApiClient&gt;</c> item. An operation is kept when it
/// matches every include filter that is given and no exclude filter; values are separated by <c>;</c>.
/// </summary>
/// <param name="IncludeTags">Tags, compared without regard to case; an operation with any of them matches.</param>
/// <param name="IncludePaths">Path globs: <c>*</c> matches within a segment, <c>**</c> across segments.</param>
/// <param name="ExcludePaths">Path globs whose operations are left out, even when an include filter matches.</param>
/// <param name="IncludeOperations">operationIds, compared exactly.</param>
internal sealed record OperationFilters(
    EquatableArray<string> IncludeTags,
    EquatableArray<string> IncludePaths,
    EquatableArray<string> ExcludePaths,
    EquatableArray<string> IncludeOperations)
{
    public static readonly OperationFilters None = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    public bool IsEmpty => IncludeTags.IsEmpty && IncludePaths.IsEmpty && ExcludePaths.IsEmpty && IncludeOperations.IsEmpty;
}
