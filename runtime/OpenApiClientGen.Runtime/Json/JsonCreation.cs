namespace OpenApiClientGen.Runtime;

/// <summary>
/// Marks the constructor generated models keep for their JSON codec: it creates the model before its required
/// members are read, which the public constructor cannot do without setting them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonCreation
{
}
