using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Recognizes operations whose success response is sequential JSON (OpenAPI 3.2's "sequential media types" and the
/// like, see <see cref="MediaTypes.IsSequentialJson"/>) and turns each into a method that returns
/// <c>IAsyncEnumerable</c>; one that offers JSON as well gets both methods.
/// </summary>
/// <remarks>
/// The item type is the 3.2 <c>itemSchema</c>, or the <c>schema</c> where a 3.0 or 3.1 document puts the item's schema
/// there (Ollama's does). A server such as Ollama picks JSON or the stream by a boolean <c>stream</c> member of the
/// body; each method then sets that member itself.
/// </remarks>
internal sealed class SequentialStreamBuilder
{
    private readonly SchemaTypeBuilder _types;

    public SequentialStreamBuilder(SchemaTypeBuilder types) => _types = types;

    /// <summary>
    /// The methods for <paramref name="built"/>: itself when it reads no sequential JSON, else the stream method, and
    /// the JSON method before it when the operation offers JSON too.
    /// </summary>
    /// <param name="built">The operation as built so far, named <c>{baseName}Async</c>.</param>
    /// <param name="names">The scope the method names of its group are reserved in.</param>
    /// <param name="context">The stem its types are named from.</param>
    /// <param name="bodyStreams">Whether the body has a boolean <c>stream</c> member that each method sets.</param>
    /// <param name="accept">The <c>Accept</c> of the method that reads the response as <paramref name="built"/> does.</param>
    public IEnumerable<OperationSpec> Split(OperationSpec built, OpenApiOperation operation, UniqueNameScope names, string baseName, string context, bool bodyStreams, string? accept)
    {
        if (built.Stream is not null || SuccessResponses.FirstMedia(operation.Responses, MediaTypes.IsSequentialJson) is not { } sequential)
        {
            return new[] { built with { Accept = accept } };
        }

        IOpenApiMediaType media = sequential.Value;
        TypeRef item = _types.Resolve(media.ItemSchema ?? media.Schema, context + "StreamEvent");
        JsonSequenceStreamSpec stream = MediaTypes.Essence(sequential.Key) == "application/json-seq"
            ? new JsonTextSequenceStreamSpec { Item = item }
            : new JsonLinesStreamSpec { Item = item };
        bool? streams = bodyStreams ? true : null;
        if (built.Response.Kind != ResponseKind.Json)
        {
            return new[] { built with { Stream = stream, Accept = MediaTypes.Essence(sequential.Key), StreamFlag = streams } };
        }

        string streamName = names.Reserve(baseName + "StreamAsync");
        return new[]
        {
            built with { Accept = accept, StreamFlag = bodyStreams ? false : null },
            built with { MethodName = streamName, Stream = stream, Accept = MediaTypes.Essence(sequential.Key), StreamFlag = streams },
        };
    }
}
