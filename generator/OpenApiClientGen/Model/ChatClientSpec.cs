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

    public required EquatableArray<ChatMemberPathSpec> Text { get; init; }

    public required EquatableArray<ChatMemberPathSpec> FinishReason { get; init; }

    public required EquatableArray<ChatMemberPathSpec> ConversationId { get; init; }

    public required EquatableArray<ChatMemberPathSpec> ResponseId { get; init; }

    public required EquatableArray<ChatMemberPathSpec> Model { get; init; }

    public required EquatableArray<ChatMemberPathSpec> InputTokens { get; init; }

    public required EquatableArray<ChatMemberPathSpec> OutputTokens { get; init; }

    public required EquatableArray<ChatMemberPathSpec> TotalTokens { get; init; }

    /// <summary>Lists of tool calls: an item that has any is read through its JSON, where the calls' parts are.</summary>
    public required EquatableArray<ChatMemberPathSpec> ToolCalls { get; init; }
}

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
    public EquatableArray<string> Text { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> FinishReason { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> ConversationId { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> ResponseId { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> Model { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> InputTokens { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> OutputTokens { get; init; } = EquatableArray<string>.Empty;

    public EquatableArray<string> TotalTokens { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Lists of tool calls in OpenAI's form: <c>{index, id, function: {name, arguments}}</c>.</summary>
    public EquatableArray<string> ToolCalls { get; init; } = EquatableArray<string>.Empty;
}
