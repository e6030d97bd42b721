namespace OpenApiClientGen.Diagnostics;

/// <summary>An equatable stand-in for a Roslyn diagnostic, safe to carry through the pipeline.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, SpecLocation Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(string descriptorId, SpecLocation location, params string[] messageArgs) =>
        new(descriptorId, location, messageArgs.ToEquatableArray());
}
