using Microsoft.OpenApi;

namespace OpenApiClientGen.Parsing;

/// <summary>The success responses of an operation, in the one order every reader of them follows.</summary>
internal static class SuccessResponses
{
    /// <summary>The <c>2XX</c> responses by status as text (<c>200</c>, <c>201</c>, <c>2XX</c>), without those that are not objects.</summary>
    public static IEnumerable<KeyValuePair<string, IOpenApiResponse>> Of(OpenApiResponses? responses) =>
        (responses ?? new OpenApiResponses())
            .Where(r => r.Key.StartsWith("2", StringComparison.Ordinal) && r.Value is not null)
            .OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>The first media type of the first success response that has one <paramref name="matches"/> accepts.</summary>
    public static KeyValuePair<string, IOpenApiMediaType>? FirstMedia(OpenApiResponses? responses, Func<string, bool> matches)
    {
        foreach (KeyValuePair<string, IOpenApiResponse> response in Of(responses))
        {
            foreach (KeyValuePair<string, IOpenApiMediaType> content in response.Value.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                // A media type whose value is not an object reads as null: it offers nothing.
                if (content.Value is not null && matches(content.Key))
                {
                    return content;
                }
            }
        }

        return null;
    }
}
