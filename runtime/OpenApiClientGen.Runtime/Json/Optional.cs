namespace OpenApiClientGen.Runtime;

/// <summary>
/// A member that may be left out, set to null, or set to a value: three states a nullable type alone cannot tell apart.
/// <c>default</c> is unset and is not written; <c>= null</c> sends an explicit JSON null.
/// </summary>
public readonly struct Optional<T> : IEquatable<Optional<T>>
{
    private readonly T _value;

    /// <summary>A set value (which may be null).</summary>
    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>The unset state: the member is left out of the JSON.</summary>
    public static Optional<T> Unset => default;

    /// <summary>Whether a value, possibly null, was set or read.</summary>
    public bool IsSet { get; }

    /// <summary>The value; throws when unset, so that "absent" is never mistaken for a value.</summary>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The value is not set. Check IsSet first, or use GetValueOrDefault().");

    /// <summary>Wraps a value (or null) as set.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>The value when set, otherwise <paramref name="fallback"/>.</summary>
    public T GetValueOrDefault(T fallback = default!) => IsSet ? _value : fallback;

    /// <inheritdoc/>
    public bool Equals(Optional<T> other) => IsSet == other.IsSet && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsSet ? (_value is null ? 1 : _value.GetHashCode()) : 0;

    /// <inheritdoc/>
    public override string ToString() => IsSet ? (_value?.ToString() ?? "null") : "unset";

    /// <summary>Compares state and value.</summary>
    public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

    /// <summary>Compares state and value.</summary>
    public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);
}
