namespace OpenApiClientGen.Runtime;

/// <summary>The JSON token kinds a union variant can be read from; a union reads only variants that accept the token it sees.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonShape
{
    /// <summary>A JSON string.</summary>
    String = 1,

    /// <summary>A JSON number without a fraction or exponent that fits in 64 bits.</summary>
    Integer = 2,

    /// <summary>Any JSON number.</summary>
    Number = 4,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean = 8,

    /// <summary>A JSON object.</summary>
    Object = 16,

    /// <summary>A JSON array.</summary>
    Array = 32,

    /// <summary>Anything.</summary>
    Any = String | Integer | Number | Boolean | Object | Array,
}
