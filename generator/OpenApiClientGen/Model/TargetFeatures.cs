namespace OpenApiClientGen.Model;

/// <summary>
/// What the consumer's compilation offers that changes the generated types. Small and equatable, so a C# edit that
/// does not change it leaves every spec step cached.
/// </summary>
/// <param name="DateAndTime">
/// <c>System.DateOnly</c>/<c>TimeOnly</c> exist and the runtime has codecs for them; otherwise <c>date</c> and
/// <c>time</c> strings stay strings.
/// </param>
internal sealed record TargetFeatures(bool DateAndTime)
{
    public static readonly TargetFeatures None = new(DateAndTime: false);
}
