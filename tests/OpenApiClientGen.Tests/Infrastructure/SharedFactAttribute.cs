using Xunit;

namespace OpenApiClientGen.Tests.Infrastructure;

/// <summary>A fact that needs the shared folder beside the repository; it is skipped, with a reason, in a clone without it.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!TestPaths.SharedAvailable)
        {
            Skip = $"Needs {TestPaths.SharedDirectory}, which is not present in this checkout.";
        }
    }
}

/// <summary>The theory form of <see cref="SharedFactAttribute"/>.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (!TestPaths.SharedAvailable)
        {
            Skip = $"Needs {TestPaths.SharedDirectory}, which is not present in this checkout.";
        }
    }
}
