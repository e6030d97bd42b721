using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ConversationsDemo;

/// <summary>Where one API is reached: an emulator on 127.0.0.1, or the vendor's service with its key.</summary>
internal sealed record ServiceTarget(string Name, Uri BaseAddress, string? BearerToken, bool Live)
{
    public HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (BearerToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        return http;
    }

    /// <summary>The live target for an API from the vendor's usual environment variables, or why there is none.</summary>
    public static (ServiceTarget? Target, string? Missing) FromEnvironment(string name, string defaultAddress, string? keyVariable, string? addressVariable, string? addressPath = null)
    {
        string? key = keyVariable is null ? null : Environment.GetEnvironmentVariable(keyVariable);
        string? address = addressVariable is null ? defaultAddress : Environment.GetEnvironmentVariable(addressVariable);
        if (keyVariable is not null && string.IsNullOrWhiteSpace(key))
        {
            return (null, $"{keyVariable} is not set");
        }

        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address.TrimEnd('/') + "/", UriKind.Absolute, out Uri? uri))
        {
            return (null, $"{addressVariable} is not set to a URL");
        }

        if (addressPath is not null && !uri.AbsolutePath.TrimEnd('/').EndsWith(addressPath, StringComparison.Ordinal))
        {
            uri = new Uri(uri, addressPath.TrimStart('/') + "/");
        }

        return (new ServiceTarget(name, uri, key, Live: true), null);
    }
}
