namespace OpenApiClientGen.Model;

/// <summary>
/// The names of the classes every client has, decided once in Parsing: emitters spell these and never append to
/// <see cref="Client"/> themselves.
/// </summary>
internal sealed record ClientNames(string Namespace, string Client)
{
    public string Options => Client + "Options";

    /// <summary>The static class that holds the client's JSON codecs.</summary>
    public string Json => Client + "Json";

    public string Security => Client + "Security";

    public string ServiceCollectionExtensions => Client + "ServiceCollectionExtensions";

    /// <summary>The Microsoft.Extensions.AI adapter and the class of its <c>AsChatClient()</c>.</summary>
    public string ChatClient => Client + "ChatClient";

    public string ChatClientExtensions => Client + "ChatClientExtensions";

    /// <summary>Every name above, which no model or group class may take.</summary>
    public IEnumerable<string> Reserved => new[] { Client, Options, Json, Security, ServiceCollectionExtensions, ChatClient, ChatClientExtensions };
}
