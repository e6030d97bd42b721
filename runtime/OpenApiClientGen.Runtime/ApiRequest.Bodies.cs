using System.Net.Http.Headers;

namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    private List<KeyValuePair<string, string>>? _formFields;
    private List<(string Name, HttpContent Content, string? FileName)>? _parts;

    /// <summary>Sends <paramref name="value"/> as an <c>application/octet-stream</c> (or other binary) body; null sends none.</summary>
    public ApiRequest StreamBody(Stream? value, string mediaType)
    {
        if (value is not null)
        {
            _unrepeatable |= !value.CanSeek;
            var content = new StreamContent(value);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            Body = content;
        }

        return this;
    }

    /// <summary>Sends <paramref name="value"/> as a UTF-8 text body such as <c>text/plain</c>; null sends none.</summary>
    public ApiRequest TextBody(string? value, string mediaType)
    {
        if (value is not null)
        {
            Body = new StringContent(value, Encoding.UTF8, mediaType);
        }

        return this;
    }

    /// <summary>Adds an <c>application/x-www-form-urlencoded</c> field; null leaves it out, and a list repeats the name.</summary>
    public ApiRequest FormField(string name, object? value)
    {
        foreach (string item in ParameterFormatter.FormatEach(value))
        {
            (_formFields ??= new()).Add(new KeyValuePair<string, string>(name, item));
        }

        return this;
    }

    /// <summary>Adds a <c>multipart/form-data</c> text part; null leaves it out, and a list adds one part per item.</summary>
    public ApiRequest FormPart(string name, object? value)
    {
        foreach (string item in ParameterFormatter.FormatEach(value))
        {
            (_parts ??= new()).Add((name, new StringContent(item, Encoding.UTF8), null));
        }

        return this;
    }

    /// <summary>Adds a <c>multipart/form-data</c> part holding <paramref name="value"/> as JSON.</summary>
    public ApiRequest FormJsonPart<T>(string name, T? value, JsonConverter<T> codec)
    {
        if (value is not null)
        {
            var content = new ByteArrayContent(JsonCodecs.SerializeRequest(value, codec));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            (_parts ??= new()).Add((name, content, null));
        }

        return this;
    }

    /// <summary>Adds a <c>multipart/form-data</c> file part; null leaves it out.</summary>
    public ApiRequest FilePart(string name, ApiFile? file)
    {
        if (file is not null)
        {
            _unrepeatable |= !file.Content.CanSeek;
            var content = new StreamContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            (_parts ??= new()).Add((name, content, file.FileName));
        }

        return this;
    }

    private HttpContent? CreateFormContent()
    {
        if (_formFields is not null)
        {
            return new FormUrlEncodedContent(_formFields);
        }

        if (_parts is null)
        {
            return null;
        }

        var multipart = new MultipartFormDataContent();
        foreach ((string name, HttpContent content, string? fileName) in _parts)
        {
            if (fileName is null)
            {
                multipart.Add(content, name);
            }
            else
            {
                multipart.Add(content, name, fileName);
            }
        }

        return multipart;
    }
}
