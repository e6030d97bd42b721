using Xunit;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>A fact that runs an official SDK with node; it is skipped, with a reason, on a machine without node and npm.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeSdk.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
