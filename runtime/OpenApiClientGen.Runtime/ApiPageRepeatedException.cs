namespace OpenApiClientGen.Runtime;

/// <summary>
/// A paged list that would never end: a page gave a cursor an earlier page gave, or held the same items as the page
/// before it, so the server is not moving on to the page it is asked for. The walk stops instead of looping; the
/// pages before this one were handed out already.
/// </summary>
public sealed class ApiPageRepeatedException : InvalidOperationException
{
    /// <summary>Creates the exception for the page at <paramref name="page"/> (1 for the first page fetched).</summary>
    public ApiPageRepeatedException(long page, string message)
        : base(message)
    {
        Page = page;
    }

    /// <summary>The position of the repeated page in the walk, 1 for the first page fetched.</summary>
    public long Page { get; }
}
