namespace OpenApiClientGen.Model;

/// <summary>
/// The body's boolean member that tells the server whether to stream (Ollama's <c>stream</c>), and the value one
/// method sets it to, so that no method's signature takes it.
/// </summary>
/// <param name="PropertyName">The C# property of the body type.</param>
/// <param name="Value">What the method sets: true for the stream method, false for the JSON one.</param>
internal sealed record StreamFlagSpec(string PropertyName, bool Value);

internal sealed partial record OperationSpec
{
    /// <summary>The media type the method reads, sent as <c>Accept</c>; null sends none.</summary>
    public string? Accept { get; init; }

    /// <summary>The body member the method sets to pick JSON or the stream; null when it sets none.</summary>
    public StreamFlagSpec? StreamFlag { get; init; }
}
