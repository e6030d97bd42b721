namespace OpenApiClientGen.Model;

/// <summary>What the chat adapter of one client is written from, apart from the rest of the model so that it caches alone.</summary>
internal sealed record ChatClientTarget(ClientNames Names, string Title, ChatClientSpec Chat)
{
    public string Namespace => Names.Namespace;

    public string ClientName => Names.Client;
}

/// <summary>How a generated <c>IChatClient</c> calls the client: which operations, what goes in the body, where the answer is.</summary>
/// <remarks>
/// Paths are the wire's JSON names, dotted, with <c>[]</c> for every element of a list (<c>choices[].delta.content</c>);
/// templates are JSON text whose strings <c>{text}</c> and <c>{role}</c> are replaced. Neither depends on C# names, so
/// the adapter reads the JSON the codecs write back, whatever shape the typed models have.
/// </remarks>
internal sealed record ChatClientSpec
{
    /// <summary>The operation that answers as JSON, for a new chat; null when the API only streams.</summary>
    public ChatCallSpec? Send { get; init; }

    /// <summary>The operation that streams the answer, for a new chat; null when the API only answers as JSON.</summary>
    public ChatCallSpec? Stream { get; init; }

    /// <summary>The operations that continue a conversation the server keeps, given its id.</summary>
    public ChatCallSpec? ContinueSend { get; init; }

    public ChatCallSpec? ContinueStream { get; init; }

    /// <summary>The operation that makes an empty conversation, for APIs whose chat call needs one first (Orq).</summary>
    public ChatCallSpec? Create { get; init; }

    /// <summary>The body <see cref="Create"/> sends, as a JSON object.</summary>
    public string? CreateBody { get; init; }

    /// <summary>Where the created conversation's id is in the answer of <see cref="Create"/>.</summary>
    public string? CreatedIdPath { get; init; }

    /// <summary>Whether the mapping was recognised (an OpenAI-compatible chat completion) rather than declared.</summary>
    public bool Detected { get; init; }

    public ChatRequestMapping Request { get; init; } = new();

    public ChatAnswerMapping Answer { get; init; } = new();

    /// <summary>
    /// For each answer or event type whose every answer path resolves to its members, how to read the parts from the
    /// typed value; the adapter reads any other type through the JSON its codec writes.
    /// </summary>
    public EquatableArray<ChatTypedReaderSpec> TypedReaders { get; init; } = EquatableArray<ChatTypedReaderSpec>.Empty;
}

/// <summary>The answer paths of <see cref="ChatAnswerMapping"/>, resolved to the members of one declared type.</summary>
/// <remarks>A path that names a member the type does not have is left out: it would find nothing in the JSON either.</remarks>
internal sealed record ChatTypedReaderSpec
{
    public required string TypeName { get; init; }

    /// <summary>Each part's resolved paths, in the order of <see cref="ChatAnswerPart"/>; a part with none is left out.</summary>
    public required EquatableArray<ChatResolvedPart> Parts { get; init; }

    public EquatableArray<ChatMemberPathSpec> this[ChatAnswerPart part] =>
        Parts.FirstOrDefault(p => p.Part == part)?.Paths ?? EquatableArray<ChatMemberPathSpec>.Empty;
}

internal sealed record ChatResolvedPart(ChatAnswerPart Part, EquatableArray<ChatMemberPathSpec> Paths);

/// <summary>One answer path as member accesses: <c>choices[].delta.content</c> is Choices (each), Delta, Content.</summary>
internal sealed record ChatMemberPathSpec
{
    public required EquatableArray<ChatMemberStepSpec> Steps { get; init; }

    public required ChatLeafKind Leaf { get; init; }
}

internal sealed record ChatMemberStepSpec
{
    /// <summary>The C# property name.</summary>
    public required string Member { get; init; }

    /// <summary>The property is an <c>Optional&lt;T&gt;</c>, which tells unset from null.</summary>
    public required bool IsOptional { get; init; }

    /// <summary>The property is a list, and the rest of the path is read in each element (<c>[]</c>).</summary>
    public required bool IsList { get; init; }
}

/// <summary>What a resolved path ends in.</summary>
internal enum ChatLeafKind
{
    String,

    /// <summary>An open enum struct, whose wire value is its <c>Value</c>.</summary>
    Enum,

    Integer,

    /// <summary>A list, only asked whether it has elements (tool calls).</summary>
    List,
}

/// <summary>One generated method the adapter calls.</summary>
/// <param name="ConversationParameter">The C# name of the path parameter that takes the conversation id; null for a call without one.</param>
internal sealed record ChatCallSpec(OperationSpec Operation, string? ConversationParameter);

/// <summary>Where the chat's parts go in the request body: members of its top level.</summary>
internal sealed record ChatRequestMapping
{
    public string? Model { get; init; }

    public bool ModelRequired { get; init; }

    /// <summary>The member that takes every message, oldest first.</summary>
    public string? Messages { get; init; }

    /// <summary>How one message of <see cref="Messages"/> is written; null writes OpenAI's <c>{role, content}</c>.</summary>
    public string? MessageTemplate { get; init; }

    /// <summary>The spec's spelling of each role, as <c>role=value</c>: <c>user=USER</c>.</summary>
    public EquatableArray<string> Roles { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The member that takes the newest user message only, for APIs that keep the history themselves.</summary>
    public string? Input { get; init; }

    /// <summary>How <see cref="Input"/> is written; null writes the text as a string.</summary>
    public string? InputTemplate { get; init; }

    /// <summary>Members every request carries, as a JSON object.</summary>
    public string? Fixed { get; init; }

    /// <summary>The member that takes <c>ChatOptions.Instructions</c>; without one they go first in the messages, as a system message.</summary>
    public string? Instructions { get; init; }

    public string? Temperature { get; init; }

    public string? MaxTokens { get; init; }

    public string? TopP { get; init; }

    public string? Stop { get; init; }

    /// <summary>The member that takes function tools in OpenAI's form; messages then carry tool calls and results in that form too.</summary>
    public string? Tools { get; init; }
}

/// <summary>Where the answer's parts are, in the JSON answer and in each event's data; the first path that gives a value wins.</summary>
internal sealed record ChatAnswerMapping
{
    /// <summary>Each part's paths, in the order of <see cref="ChatAnswerPart"/>; a part with none is left out.</summary>
    public EquatableArray<ChatAnswerPaths> Parts { get; init; } = EquatableArray<ChatAnswerPaths>.Empty;

    public EquatableArray<string> this[ChatAnswerPart part] =>
        Parts.FirstOrDefault(p => p.Part == part)?.Paths ?? EquatableArray<string>.Empty;

    /// <summary>A mapping of the parts <paramref name="paths"/> gives paths for, in their order.</summary>
    public static ChatAnswerMapping Of(Func<ChatAnswerPart, EquatableArray<string>> paths) => new()
    {
        Parts = ChatAnswerParts.All
            .Select(part => new ChatAnswerPaths(part, paths(part)))
            .Where(p => !p.Paths.IsEmpty)
            .ToEquatableArray(),
    };
}

internal sealed record ChatAnswerPaths(ChatAnswerPart Part, EquatableArray<string> Paths);

/// <summary>The parts of an answer the adapter reads; each is a member of the runtime's mapping and of its <c>ChatParts</c>.</summary>
internal enum ChatAnswerPart
{
    Text,
    FinishReason,
    ConversationId,
    ResponseId,
    ModelId,
    InputTokens,
    OutputTokens,
    TotalTokens,

    /// <summary>
    /// Lists of tool calls in OpenAI's form: <c>{index, id, function: {name, arguments}}</c>. An item that has any is
    /// read through its JSON, where the calls' parts are.
    /// </summary>
    ToolCalls,
}

/// <summary>What each <see cref="ChatAnswerPart"/> is: where <c>x-chat-client</c> declares it, and what its paths may end in.</summary>
internal static class ChatAnswerParts
{
    public static readonly ChatAnswerPart[] All = (ChatAnswerPart[])Enum.GetValues(typeof(ChatAnswerPart));

    /// <summary>The member of <c>x-chat-client</c>'s <c>answer</c> that lists the part's paths, with its parent for the token counts.</summary>
    public static (string? Parent, string Name) DeclaredAt(ChatAnswerPart part) => part switch
    {
        ChatAnswerPart.ModelId => (null, "model"),
        ChatAnswerPart.InputTokens => ("usage", "input"),
        ChatAnswerPart.OutputTokens => ("usage", "output"),
        ChatAnswerPart.TotalTokens => ("usage", "total"),
        _ => (null, char.ToLowerInvariant(part.ToString()[0]) + part.ToString().Substring(1)),
    };

    /// <summary>What a path of the part may end in when it is read from a typed answer.</summary>
    public static ChatLeafKind[] Leaves(ChatAnswerPart part) => part switch
    {
        ChatAnswerPart.Text => new[] { ChatLeafKind.String },
        ChatAnswerPart.InputTokens or ChatAnswerPart.OutputTokens or ChatAnswerPart.TotalTokens => new[] { ChatLeafKind.Integer },
        ChatAnswerPart.ToolCalls => new[] { ChatLeafKind.List },
        _ => new[] { ChatLeafKind.String, ChatLeafKind.Enum },
    };
}
