using System;
using System.Net.Http;

namespace OpenApiClientGen.Runtime;

public sealed partial class ApiRequest
{
    private HttpContent? _formContent;
    private bool _unrepeatable;

    /// <summary>How many times the request was sent again after the first attempt.</summary>
    public int Retries { get; internal set; }

    /// <summary>
    /// Whether the body can be sent again as it was: not when it reads a stream that cannot go back to its start
    /// (an upload from a network stream, say), which a retry would send empty or half.
    /// </summary>
    internal bool CanResend => !_unrepeatable;

    /// <summary>Disposes the body once no attempt will send it again.</summary>
    internal void DisposeContent()
    {
        Body?.Dispose();
        _formContent?.Dispose();
    }
}
