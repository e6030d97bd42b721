namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    private string? _nextLink;

    /// <summary>
    /// Sends the request to the URL a page named for the next one (<c>x-ms-pageable</c>'s <c>nextLink</c>) in place of
    /// the path and query: the link carries them. Headers, cookies and credentials are sent as for the first page.
    /// </summary>
    public ApiRequest NextLink(string link)
    {
        _nextLink = link ?? throw new ArgumentNullException(nameof(link));
        return this;
    }

    /// <summary>
    /// The next link resolved against <paramref name="baseAddress"/>. A link to another origin is refused before
    /// anything is sent, as a redirect there would be: the request carries the client's credentials.
    /// </summary>
    private string NextLinkUrl(Uri baseAddress)
    {
        if (!Uri.TryCreate(baseAddress, _nextLink, out Uri? link) || link.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{Operation}: the page's link to the next one is not an HTTP URL.");
        }

        if (Uri.Compare(link, baseAddress, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidOperationException(
                $"{Operation}: the page's link to the next one points at {link.GetLeftPart(UriPartial.Authority)}, another origin than {baseAddress.GetLeftPart(UriPartial.Authority)}; it is not followed, so that no credential is sent there.");
        }

        return link.AbsoluteUri;
    }
}
