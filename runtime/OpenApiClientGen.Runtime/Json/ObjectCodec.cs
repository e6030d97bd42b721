using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenApiClientGen.Runtime;

/// <summary>
/// Reads and writes a generated model from the member table its generated code supplies. Unknown members are
/// skipped, never an error. The table is built on first use, so models that refer to each other can be declared in any order.
/// </summary>
public sealed class ObjectCodec<T> : JsonConverter<T>
    where T : class
{
    private readonly Func<T> _create;
    private readonly Lazy<Members> _members;

    /// <summary>Creates the codec.</summary>
    /// <param name="create">Makes an empty model to read into.</param>
    /// <param name="members">Lists the model's members, in the order they are written.</param>
    public ObjectCodec(Func<T> create, Func<JsonMember<T>[]> members)
    {
        _create = create;
        _members = new Lazy<Members>(() => new Members(members()));
    }

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null!;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonCodecs.Unexpected(ref reader, $"a JSON object for {typeof(T).Name}");
        }

        Members members = _members.Value;
        T value = _create();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (!members.ByName.TryGetValue(name, out JsonMember<T>? member))
            {
                reader.Skip();
                continue;
            }

            try
            {
                member.Read(ref reader, value, options);
            }
            catch (JsonException ex) when (!ex.Message.StartsWith("In ", StringComparison.Ordinal))
            {
                throw new JsonException($"In {typeof(T).Name}.{name}: {ex.Message}", ex);
            }
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (JsonMember<T> member in _members.Value.InOrder)
        {
            member.Write(writer, value, options);
        }

        writer.WriteEndObject();
    }

    private sealed class Members
    {
        public Members(JsonMember<T>[] members)
        {
            InOrder = members;
            ByName = new Dictionary<string, JsonMember<T>>(members.Length, StringComparer.Ordinal);
            foreach (JsonMember<T> member in members)
            {
                ByName[member.Name] = member;
            }
        }

        public JsonMember<T>[] InOrder { get; }

        public Dictionary<string, JsonMember<T>> ByName { get; }
    }
}
