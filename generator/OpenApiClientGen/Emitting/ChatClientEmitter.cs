using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes <c>client.AsChatClient()</c>: a Microsoft.Extensions.AI <c>IChatClient</c> over the operations a
/// <see cref="ChatClientSpec"/> names, written only when the project references Microsoft.Extensions.AI.Abstractions.
/// The generated class calls the typed methods and hands their answers, as the codecs write them, to
/// <c>OpenApiChatClient</c>, written once per project (<see cref="SupportHintName"/>), which does the mapping.
/// </summary>
internal static class ChatClientEmitter
{
    public const string SupportHintName = "OpenApiClientGen.ChatClient.g.cs";

    private const string Support = "global::OpenApiClientGen.ChatClients.";
    private const string Ai = "global::Microsoft.Extensions.AI.";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string SupportSource()
    {
        using Stream stream = typeof(ChatClientEmitter).Assembly.GetManifestResourceStream("OpenApiChatClient.cs")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{Version}}", ThisAssembly.Version).Replace("\r\n", "\n");
    }

    public static GeneratedFile Emit(ChatClientTarget api)
    {
        ChatClientSpec chat = api.Chat;
        string client = "global::" + api.Namespace + "." + api.ClientName;
        string adapter = api.Names.ChatClient;
        var writer = SourceWriter.ForFile(api.Namespace);
        writer.WriteLine($"/// <summary>Makes <see cref=\"{api.ClientName}\"/> a Microsoft.Extensions.AI chat client.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public static class {api.Names.ChatClientExtensions}");
        writer.WriteLine($"/// <summary>An <see cref=\"{Ai}IChatClient\"/> that chats through {Describe(chat)}.</summary>");
        writer.WriteLine("/// <param name=\"client\">The client that sends the calls.</param>");
        writer.WriteLine("/// <param name=\"modelId\">The model asked for when <c>ChatOptions.ModelId</c> is not set.</param>");
        writer.WriteLine($"public static {Ai}IChatClient AsChatClient(this {client} client, string? modelId = null) =>");
        writer.WriteLine($"    new {adapter}(client ?? throw new global::System.ArgumentNullException(nameof(client)), modelId);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"internal sealed class {adapter} : {Support}OpenApiChatClient");
        WriteMapping(writer, chat);
        writer.WriteLine();
        writer.WriteLine($"private readonly {client} _client;");
        writer.WriteLine();
        writer.WriteLine($"public {adapter}({client} client, string? modelId)");
        writer.WriteLine($"    : base(Mapping, new {Ai}ChatClientMetadata({SpecText.Literal(api.Title)}, ProviderUri({client}.DefaultBaseAddress), modelId)) => _client = client;");
        writer.WriteLine();
        writer.WriteLine("protected override object Client => _client;");
        writer.WriteLine();
        writer.WriteLine($"protected override bool CanSend(bool continuing) => {Choice(SendFor(chat, true) is not null, chat.Send is not null)};");
        writer.WriteLine();
        writer.WriteLine($"protected override bool CanStream(bool continuing) => {Choice(StreamFor(chat, true) is not null, chat.Stream is not null)};");
        if (chat.Create is { } create)
        {
            writer.WriteLine();
            writer.WriteLine("protected override bool NeedsConversation => true;");
            writer.WriteLine();
            writer.OpenBlock($"protected override async global::System.Threading.Tasks.Task<string?> CreateConversationAsync({Ai}ChatOptions? options, {Token} cancellationToken)");
            string body = create.Operation.Body?.Type is { } type
                ? $"{CSharp.Runtime}JsonCodecs.Deserialize(CreateBody(options), {Codec(api, type)})"
                : "";
            writer.WriteLine($"var answer = await {Call(create, body)}.ConfigureAwait(false);");
            writer.WriteLine($"return ReadString({CSharp.Runtime}JsonCodecs.SerializeToUtf8Bytes(answer, {Codec(api, create.Operation.Response.Type!)}), {SpecText.Literal(chat.CreatedIdPath ?? "id")});");
            writer.CloseBlock();
        }

        writer.WriteLine();
        WriteSend(writer, api, chat);
        writer.WriteLine();
        WriteStream(writer, api, chat);
        ChatTypedReaderEmitter.Write(writer, api);
        writer.CloseBlock();
        return new GeneratedFile(api.ClientName + ".Chat." + adapter + ".g.cs", writer.ToString());
    }

    private static void WriteMapping(SourceWriter writer, ChatClientSpec chat)
    {
        ChatRequestMapping request = chat.Request;
        var members = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                members.Add($"{name} = {SpecText.Literal(value)},");
            }
        }

        void AddList(string name, EquatableArray<string> values)
        {
            if (!values.IsEmpty)
            {
                members.Add($"{name} = new[] {{ {string.Join(", ", values.Select(SpecText.Literal))} }},");
            }
        }

        Add("Model", request.Model);
        if (request.ModelRequired)
        {
            members.Add("ModelRequired = true,");
        }

        Add("Messages", request.Messages);
        Add("MessageTemplate", request.MessageTemplate);
        AddList("Roles", request.Roles);
        Add("Input", request.Input);
        Add("InputTemplate", request.InputTemplate);
        Add("Fixed", request.Fixed);
        Add("CreateBody", chat.CreateBody);
        Add("Instructions", request.Instructions);
        Add("Temperature", request.Temperature);
        Add("MaxTokens", request.MaxTokens);
        Add("TopP", request.TopP);
        Add("Stop", request.Stop);
        Add("Tools", request.Tools);
        foreach (ChatAnswerPaths part in chat.Answer.Parts)
        {
            AddList(part.Part.ToString(), part.Paths);
        }

        if (KeepsConversations(chat))
        {
            members.Add("KeepsConversations = true,");
        }

        writer.WriteLine($"private static readonly {Support}ChatMapping Mapping = new()");
        writer.OpenBlock("");
        foreach (string member in members)
        {
            writer.WriteLine(member);
        }

        writer.CloseBlock("};");
    }

    private static void WriteSend(SourceWriter writer, ChatClientTarget api, ChatClientSpec chat) =>
        WriteOverride(
            writer,
            $"protected override async global::System.Threading.Tasks.Task<{Support}ChatItem> SendAsync(byte[] body, string? conversationId, bool continuing, {Token} cancellationToken)",
            SendFor(chat, true),
            chat.Send,
            call => WriteSendCall(writer, api, call),
            "This API answers by streaming only.",
            isIterator: false);

    private static void WriteSendCall(SourceWriter writer, ChatClientTarget api, ChatCallSpec call)
    {
        writer.WriteLine($"return Item(await {Call(call, RequestFrom(api, call))}.ConfigureAwait(false), {Codec(api, call.Operation.Response.Type!)});");
    }

    private static void WriteStream(SourceWriter writer, ChatClientTarget api, ChatClientSpec chat) =>
        WriteOverride(
            writer,
            $"protected override async global::System.Collections.Generic.IAsyncEnumerable<{Support}ChatItem> StreamAsync(byte[] body, string? conversationId, bool continuing, [global::System.Runtime.CompilerServices.EnumeratorCancellation] {Token} cancellationToken = default)",
            StreamFor(chat, true),
            chat.Stream,
            call => WriteStreamCall(writer, api, call),
            "This API answers as JSON only.",
            isIterator: true);

    /// <summary>
    /// One of the two overrides: the call that continues a conversation when it differs from the first call, then the
    /// first call, or, where the API has no such call, a <c>NotSupportedException</c> that says why.
    /// </summary>
    private static void WriteOverride(SourceWriter writer, string signature, ChatCallSpec? continued, ChatCallSpec? call, Action<ChatCallSpec> writeCall, string unsupported, bool isIterator)
    {
        writer.WriteLine(signature);
        writer.OpenBlock("");
        if (continued is not null && continued != call)
        {
            writer.OpenBlock("if (continuing)");
            writeCall(continued);
            if (isIterator)
            {
                writer.WriteLine("yield break;");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        if (call is not null)
        {
            writeCall(call);
        }
        else
        {
            writer.WriteLine("await global::System.Threading.Tasks.Task.CompletedTask.ConfigureAwait(false);");
            writer.WriteLine($"throw new global::System.NotSupportedException(\"{unsupported}\");");
            if (isIterator)
            {
                writer.WriteLine("#pragma warning disable CS0162 // an iterator needs a yield");
                writer.WriteLine("yield break;");
                writer.WriteLine("#pragma warning restore CS0162");
            }
        }

        writer.CloseBlock();
    }

    private static void WriteStreamCall(SourceWriter writer, ChatClientTarget api, ChatCallSpec call)
    {
        StreamSpec stream = call.Operation.Stream!;
        writer.OpenBlock($"await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait({Call(call, RequestFrom(api, call))}, false))");
        string json = ItemJson(api, stream);
        writer.WriteLine(stream is FrameVariantsStreamSpec ? $"yield return new {Support}ChatItem(item, {json});" : $"yield return {json};");
        writer.CloseBlock();
    }

    /// <summary>The JSON of one stream item: its event's data, as the codecs write it back.</summary>
    private static string ItemJson(ChatClientTarget api, StreamSpec stream)
    {
        switch (stream)
        {
            case FrameEventStreamSpec { Frame: var frame, Data: var data }:
                return FrameJson(api, frame, data);
            case EventNamedFrameStreamSpec { Frame: var frame, Data: var data }:
                return FrameJson(api, frame, data);
            case FrameVariantsStreamSpec variants:
                var arms = variants.Variants.Select(v => $"global::{api.Namespace}.{v.Frame.Name} frame => global::System.Text.Encoding.UTF8.GetBytes(frame.{v.Frame.DataProperty} ?? \"{{}}\"), ");
                return "item switch { " + string.Concat(arms) + "_ => NoJson }";
            default:
                return $"Item(item, {Codec(api, stream.ItemType)})";
        }
    }

    private static string FrameJson(ChatClientTarget api, StreamFrameSpec frame, TypeRef data) =>
        $"item.{frame.DataProperty} is {{ }} data ? Item(item, data, {Codec(api, data)}) : new {Support}ChatItem(item, NoJson)";

    private static string RequestFrom(ChatClientTarget api, ChatCallSpec call) =>
        call.Operation.Body?.Type is { } type ? $"{CSharp.Runtime}JsonCodecs.Deserialize(body, {Codec(api, type)})" : "";

    private static string Call(ChatCallSpec call, string body)
    {
        OperationSpec operation = call.Operation;
        string group = operation.GroupPath.Length == 0 ? "" : "." + operation.GroupPath;
        var arguments = new List<string>();
        if (call.ConversationParameter is { } parameter)
        {
            arguments.Add($"{Identifiers.EscapeKeyword(parameter)}: conversationId!");
        }

        if (body.Length > 0)
        {
            arguments.Add(Identifiers.EscapeKeyword(call.Operation.Body!.Name) + ": " + body);
        }

        arguments.Add("cancellationToken: cancellationToken");
        return $"_client{group}.{operation.MethodName}({string.Join(", ", arguments)})";
    }

    /// <summary>The call for a conversation's next turn: its own operation, or the first turn's when the API has no other.</summary>
    private static ChatCallSpec? SendFor(ChatClientSpec chat, bool continuing) =>
        continuing && (chat.ContinueSend ?? chat.ContinueStream) is not null ? chat.ContinueSend : chat.Send;

    private static ChatCallSpec? StreamFor(ChatClientSpec chat, bool continuing) =>
        continuing && (chat.ContinueSend ?? chat.ContinueStream) is not null ? chat.ContinueStream : chat.Stream;

    private static bool KeepsConversations(ChatClientSpec chat) =>
        chat.ContinueSend is not null || chat.ContinueStream is not null || chat.Create is not null
        || chat.Send?.ConversationParameter is not null || chat.Stream?.ConversationParameter is not null || !chat.Answer[ChatAnswerPart.ConversationId].IsEmpty;

    private static string Describe(ChatClientSpec chat)
    {
        var methods = new[] { chat.Send, chat.Stream, chat.ContinueSend, chat.ContinueStream }
            .OfType<ChatCallSpec>()
            .Select(c => $"<c>{(c.Operation.GroupPath.Length == 0 ? "" : c.Operation.GroupPath + ".")}{c.Operation.MethodName}</c>")
            .Distinct()
            .ToList();
        return string.Join(", ", methods);
    }

    private static string Codec(ChatClientTarget api, TypeRef type) => CSharp.Codec(type, api.Namespace, api.Names.Json);

    private static string Choice(bool continuing, bool starting) =>
        continuing == starting ? (starting ? "true" : "false") : starting ? "!continuing" : "continuing";
}
