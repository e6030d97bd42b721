namespace OpenApiClientGen.Model;

/// <summary>Everything the emitter needs to write one client: types, operations and defaults.</summary>
internal sealed record ApiSpec
{
    /// <summary>The names of the client and of its own classes: its options, JSON codecs and security schemes.</summary>
    public required ClientNames Names { get; init; }

    public string Namespace => Names.Namespace;

    public string ClientName => Names.Client;

    public required string Title { get; init; }

    public required string? Description { get; init; }

    public required string? DefaultBaseUrl { get; init; }

    public required EquatableArray<TypeDeclaration> Types { get; init; }

    public required EquatableArray<GroupSpec> Groups { get; init; }

    public required EquatableArray<OperationSpec> Operations { get; init; }

    /// <summary>The security schemes the client can send, in the spec's order.</summary>
    public EquatableArray<SecuritySchemeSpec> SecuritySchemes { get; init; }

    /// <summary>How a chat call maps onto the operations, from <c>x-chat-client</c> or a detected chat completion; null when the spec has no chat shape.</summary>
    public ChatClientSpec? ChatClient { get; init; }
}

/// <summary>A group of operations, reached as a property: <c>client.Beta.Conversations</c>.</summary>
internal sealed record GroupSpec
{
    /// <summary>Dotted PascalCase path, for example <c>Beta.Conversations</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The generated class, for example <c>BetaConversationsClient</c>.</summary>
    public required string ClassName { get; init; }

    public string PropertyName => Path.Substring(Path.LastIndexOf('.') + 1);

    public string ParentPath => Path.LastIndexOf('.') < 0 ? "" : Path.Substring(0, Path.LastIndexOf('.'));
}
