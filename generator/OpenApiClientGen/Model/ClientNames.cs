namespace OpenApiClientGen.Model;

/// <summary>
/// The names of the classes and members every client has, decided once in Parsing (<c>DefaultNames</c>) and stored in
/// the model: emitters spell these and never append to <see cref="Client"/> themselves.
/// </summary>
internal sealed record ClientNames
{
    public required string Namespace { get; init; }

    public required string Client { get; init; }

    public required string Options { get; init; }

    /// <summary>The static class that holds the client's JSON codecs.</summary>
    public required string Json { get; init; }

    public required string Security { get; init; }

    public required string ServiceCollectionExtensions { get; init; }

    /// <summary>The registration method, <c>services.Add{Client}()</c>.</summary>
    public required string AddClientMethod { get; init; }

    /// <summary>The Microsoft.Extensions.AI adapter and the class of its <c>AsChatClient()</c>.</summary>
    public required string ChatClient { get; init; }

    public required string ChatClientExtensions { get; init; }

    /// <summary>Every class name above, which no model or group class may take.</summary>
    public IEnumerable<string> Reserved => new[] { Client, Options, Json, Security, ServiceCollectionExtensions, ChatClient, ChatClientExtensions };
}
