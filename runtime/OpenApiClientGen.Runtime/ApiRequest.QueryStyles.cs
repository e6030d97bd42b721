namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    /// <summary>Adds a query parameter in <paramref name="style"/>; null leaves it out.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">A value, or a list of values.</param>
    /// <param name="style">How list items are put together.</param>
    /// <param name="explode">For <see cref="QueryStyle.Form"/>: repeat the name per item (true) or join the items with commas.</param>
    public ApiRequest Query(string name, object? value, QueryStyle style, bool explode)
    {
        if (style == QueryStyle.Form && explode)
        {
            return Query(name, value);
        }

        List<string> items = ParameterFormatter.FormatEach(value).ToList();
        if (value is not null)
        {
            AddEncodedQuery(Uri.EscapeDataString(name), string.Join(Delimiter(style), items.Select(Uri.EscapeDataString)));
        }

        return this;
    }

    /// <summary>
    /// Adds an object or map parameter: <see cref="QueryStyle.DeepObject"/> as <c>name[key]=value</c>, exploded form as
    /// <c>key=value</c>, form as <c>name=key,value,key,value</c>. The value is written by its JSON codec, so member names
    /// are the wire names.
    /// </summary>
    public ApiRequest QueryObject<T>(string name, T? value, JsonConverter<T> codec, QueryStyle style, bool explode)
    {
        if (value is null)
        {
            return this;
        }

        using JsonDocument document = JsonDocument.Parse(JsonCodecs.SerializeRequest(value, codec));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Query(name, document.RootElement.Clone(), style, explode);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (JsonProperty member in document.RootElement.EnumerateObject())
        {
            foreach (string item in ParameterFormatter.FormatEach(Items(member.Value)))
            {
                pairs.Add(new KeyValuePair<string, string>(member.Name, item));
            }
        }

        if (style == QueryStyle.DeepObject || explode)
        {
            foreach (KeyValuePair<string, string> pair in pairs)
            {
                string key = style == QueryStyle.DeepObject ? Uri.EscapeDataString(name) + "[" + Uri.EscapeDataString(pair.Key) + "]" : Uri.EscapeDataString(pair.Key);
                AddEncodedQuery(key, Uri.EscapeDataString(pair.Value));
            }

            return this;
        }

        AddEncodedQuery(Uri.EscapeDataString(name), string.Join(Delimiter(style), pairs.SelectMany(p => new[] { p.Key, p.Value }).Select(Uri.EscapeDataString)));
        return this;
    }

    /// <summary>Adds a parameter whose schema sits under <c>content: application/json</c>: the value as JSON text.</summary>
    public ApiRequest QueryJson<T>(string name, T? value, JsonConverter<T> codec)
    {
        if (value is not null)
        {
            AddQuery(name, System.Text.Encoding.UTF8.GetString(JsonCodecs.SerializeRequest(value, codec)));
        }

        return this;
    }

    private static string Delimiter(QueryStyle style) => style switch
    {
        QueryStyle.SpaceDelimited => "%20",
        QueryStyle.PipeDelimited => "%7C",
        _ => ",",
    };

    private static object? Items(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => element.EnumerateArray().Select(e => (object)e.Clone()).ToList(),
        _ => element.Clone(),
    };
}
