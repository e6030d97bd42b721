namespace OpenApiClientGen.Runtime;

/// <summary>
/// The server redirected a request that carried credentials to another origin, and the client refused to follow: a
/// credential is only ever sent to the origin the request was addressed to.
/// </summary>
public sealed class ApiRedirectException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The redirect status.</param>
    /// <param name="operation">The operation, as <c>METHOD /path</c>.</param>
    /// <param name="targetOrigin">The origin the server redirected to, such as <c>https://elsewhere.example</c>.</param>
    public ApiRedirectException(HttpStatusCode statusCode, string operation, string targetOrigin)
        : base(statusCode, null, null, null, operation + " was redirected to " + targetOrigin + ", another origin, and its credentials were not sent there")
    {
        TargetOrigin = targetOrigin;
    }

    /// <summary>The origin the server redirected to.</summary>
    public string TargetOrigin { get; }
}
