namespace OpenApiClientGen.Runtime;

/// <summary>A file part of a <c>multipart/form-data</c> body: the content and the name it is sent under.</summary>
public sealed class ApiFile
{
    /// <summary>Describes a file to upload.</summary>
    /// <param name="content">The bytes to send; read once, and not disposed by the client.</param>
    /// <param name="fileName">The file name the server sees.</param>
    /// <param name="contentType">The part's media type; <c>application/octet-stream</c> when not given.</param>
    public ApiFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType ?? "application/octet-stream";
    }

    /// <summary>The bytes to send.</summary>
    public Stream Content { get; }

    /// <summary>The file name the server sees.</summary>
    public string FileName { get; }

    /// <summary>The part's media type.</summary>
    public string ContentType { get; }
}
