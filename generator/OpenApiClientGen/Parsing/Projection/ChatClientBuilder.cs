using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using OpenApiClientGen.Diagnostics;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Parsing;

/// <summary>
/// Finds the chat call of a document: the operation that declares <c>x-chat-client</c>, or else an OpenAI-compatible
/// chat completion (a body with <c>model</c> and <c>messages</c>, answers with <c>choices[].message</c> or events with
/// <c>choices[].delta</c>), as OpenAI, Hugging Face TGI, vLLM and Mistral publish it.
/// </summary>
internal static class ChatClientBuilder
{
    public const string ExtensionName = "x-chat-client";

    public static ChatClientSpec? Build(OpenApiDocument document, IReadOnlyList<OperationSpec> operations, IReadOnlyList<TypeDeclaration> types, List<DiagnosticInfo> diagnostics, string file)
    {
        var byId = operations.Where(o => o.OperationId is not null).ToLookup(o => o.OperationId!, StringComparer.Ordinal);
        bool declared = false;
        foreach ((string pathKey, string method, OpenApiOperation operation) in Operations(document))
        {
            if (operation.Extensions?.TryGetValue(ExtensionName, out IOpenApiExtension? extension) == true && operation.OperationId is { } id)
            {
                declared = true;
                string pointer = "/paths/" + Escape(pathKey) + "/" + method + "/" + ExtensionName;
                var mapping = new DeclaredMapping(byId, (extension as JsonNodeExtension)?.Node as JsonObject);
                ChatClientSpec? spec = mapping.Build(id);
                if (spec is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChatClientMappingInvalid.Id, SpecLocation.AtPointer(file, pointer), id, mapping.Problem ?? "it is not an object"));
                    continue;
                }

                return spec with { TypedReaders = ChatMemberPaths.ReadersFor(spec, types) };
            }
        }

        // A document that maps its chat itself is never second-guessed, even where its mapping is wrong.
        if (declared)
        {
            return null;
        }

        var typesByName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (IGrouping<(string Path, string Method), OperationSpec> pair in operations.GroupBy(o => (o.Path, o.HttpMethod)))
        {
            if (ChatCompletion.Detect(pair.ToList(), typesByName) is { } detected)
            {
                OperationSpec first = detected.Send?.Operation ?? detected.Stream!.Operation;
                string pointer = "/paths/" + Escape(PathKeyOf(document, first.Path) ?? first.Path) + "/" + first.HttpMethod.ToLowerInvariant();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ChatCompletionDetected.Id, SpecLocation.AtPointer(file, pointer), first.OperationId ?? first.MethodName));
                return detected with { TypedReaders = ChatMemberPaths.ReadersFor(detected, types) };
            }
        }

        return null;
    }

    private static IEnumerable<(string PathKey, string Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        (document.Paths ?? new OpenApiPaths())
            .Where(path => path.Value.Operations is not null)
            .SelectMany(path => path.Value.Operations!.Select(entry => (path.Key, entry.Key.Method.ToLowerInvariant(), entry.Value)));

    private static string? PathKeyOf(OpenApiDocument document, string path) =>
        document.Paths?.Keys.FirstOrDefault(k => k == path) ?? document.Paths?.Keys.FirstOrDefault(k => k.StartsWith(path, StringComparison.Ordinal));

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The OpenAI chat completion shape, recognised from the model records alone.</summary>
    private static class ChatCompletion
    {
        public static ChatClientSpec? Detect(List<OperationSpec> twins, Dictionary<string, TypeDeclaration> types)
        {
            OperationSpec? any = twins.FirstOrDefault(o => o.Body is { Kind: BodyKind.Json });
            if (twins.Any(o => o.Parameters.Any(p => p.IsRequired)))
            {
                return null;
            }

            if (any?.Body?.Type is not { } bodyType || ObjectOf(bodyType, types) is not { } body
                || Member(body, "messages") is not { Type.Kind: TypeKind.Array } || Member(body, "model") is null)
            {
                return null;
            }

            OperationSpec? send = twins.FirstOrDefault(o => o.Stream is null && o.Response.Kind == ResponseKind.Json
                && o.Response.Type is { } type && ChoicesHave(ObjectOf(type, types), "message", types));
            OperationSpec? stream = twins.FirstOrDefault(o => o.Stream is DataEventStreamSpec { Data: var data } && ChoicesHave(ObjectOf(data, types), "delta", types));
            if (send is null && stream is null)
            {
                return null;
            }

            PropertySpec? model = Member(body, "model");
            return new ChatClientSpec
            {
                Send = send is null ? null : new ChatCallSpec(send, null),
                Stream = stream is null ? null : new ChatCallSpec(stream, null),
                Detected = true,
                Request = new ChatRequestMapping
                {
                    Model = "model",
                    ModelRequired = model!.IsRequired,
                    Messages = "messages",
                    Temperature = Named(body, "temperature"),
                    MaxTokens = Named(body, "max_completion_tokens") ?? Named(body, "max_tokens"),
                    TopP = Named(body, "top_p"),
                    Stop = Named(body, "stop"),
                    Tools = Member(body, "tools") is { Type.Kind: TypeKind.Array } ? "tools" : null,
                },
                Answer = ChatAnswerMapping.Of(part => part switch
                {
                    ChatAnswerPart.Text => Paths("choices[].message.content", "choices[].delta.content"),
                    ChatAnswerPart.FinishReason => Paths("choices[].finish_reason"),
                    ChatAnswerPart.ResponseId => Paths("id"),
                    ChatAnswerPart.ModelId => Paths("model"),
                    ChatAnswerPart.InputTokens => Paths("usage.prompt_tokens"),
                    ChatAnswerPart.OutputTokens => Paths("usage.completion_tokens"),
                    ChatAnswerPart.TotalTokens => Paths("usage.total_tokens"),
                    ChatAnswerPart.ToolCalls => Paths("choices[].message.tool_calls", "choices[].delta.tool_calls"),
                    _ => Paths(),
                }),
            };
        }

        private static bool ChoicesHave(ObjectTypeSpec? answer, string member, Dictionary<string, TypeDeclaration> types) =>
            answer is not null && Member(answer, "choices") is { Type: { Kind: TypeKind.Array, Element: { } choice } }
            && ObjectOf(choice, types) is { } element && Member(element, member) is not null;

        private static ObjectTypeSpec? ObjectOf(TypeRef type, Dictionary<string, TypeDeclaration> types) =>
            type.Kind == TypeKind.Declared && types.TryGetValue(type.Name, out TypeDeclaration? declaration) ? declaration as ObjectTypeSpec : null;

        private static PropertySpec? Member(ObjectTypeSpec type, string jsonName) => type.Properties.FirstOrDefault(p => p.JsonName == jsonName);

        private static string? Named(ObjectTypeSpec type, string jsonName) => Member(type, jsonName) is null ? null : jsonName;
    }

    private static EquatableArray<string> Paths(params string[] paths) => paths.ToEquatableArray();

    /// <summary>Reads <c>x-chat-client</c>; <see cref="Problem"/> says what is wrong when it does not map.</summary>
    private sealed class DeclaredMapping
    {
        private readonly ILookup<string, OperationSpec> _byId;
        private readonly JsonObject? _node;
        private string? _conversationParameter;

        public DeclaredMapping(ILookup<string, OperationSpec> byId, JsonObject? node)
        {
            _byId = byId;
            _node = node;
        }

        public string? Problem { get; private set; }

        public ChatClientSpec? Build(string operationId)
        {
            if (_node is null)
            {
                return null;
            }

            _conversationParameter = Text(_node["conversationParameter"]);
            (ChatCallSpec? send, ChatCallSpec? stream) = Calls(operationId, continues: false);
            if (Text(_node["stream"]) is { } streamId)
            {
                stream = Calls(streamId, continues: false).Stream;
            }

            if (send is null && stream is null)
            {
                Problem ??= $"operation '{operationId}' answers neither with JSON nor with a stream";
                return null;
            }

            ChatCallSpec? continueSend = null, continueStream = null;
            if (Text(_node["continue"]) is { } continueId)
            {
                (continueSend, continueStream) = Calls(continueId, continues: true);
            }

            if (Text(_node["continueStream"]) is { } continueStreamId)
            {
                continueStream = Calls(continueStreamId, continues: true).Stream;
            }

            (ChatCallSpec? create, string? createdId, string? createBody) = (null, null, null);
            if (_node["create"] is JsonObject createNode && Text(createNode["operation"]) is { } createId)
            {
                create = Calls(createId, continues: false).Send;
                createdId = Text(createNode["id"]) ?? "id";
                createBody = (createNode["body"] as JsonObject)?.ToJsonString();
            }

            if ((send ?? stream)!.ConversationParameter is not null && create is null)
            {
                Problem ??= "the operation needs a conversation id and 'create' names no operation that makes one";
            }

            if (Problem is not null)
            {
                return null;
            }

            JsonObject request = _node["request"] as JsonObject ?? new JsonObject();
            JsonObject answer = _node["answer"] as JsonObject ?? new JsonObject();
            string? model = Text(request["model"]);
            return new ChatClientSpec
            {
                Send = send,
                Stream = stream,
                ContinueSend = continueSend,
                ContinueStream = continueStream,
                Create = create,
                CreatedIdPath = createdId,
                CreateBody = createBody,
                Detected = false,
                Request = new ChatRequestMapping
                {
                    Model = model,
                    ModelRequired = model is not null && Text(request["modelRequired"]) == "true",
                    Messages = Text(request["messages"]),
                    MessageTemplate = request["messageTemplate"]?.ToJsonString(),
                    Roles = (request["roles"] as JsonObject)?.Select(r => r.Key + "=" + Text(r.Value)).OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray() ?? EquatableArray<string>.Empty,
                    Input = Text(request["input"]),
                    InputTemplate = request["inputTemplate"]?.ToJsonString(),
                    Fixed = (request["fixed"] as JsonObject)?.ToJsonString(),
                    Instructions = Text(request["instructions"]),
                    Temperature = Text(request["temperature"]),
                    MaxTokens = Text(request["maxTokens"]),
                    TopP = Text(request["topP"]),
                    Stop = Text(request["stop"]),
                    Tools = Text(request["tools"]),
                },
                Answer = ChatAnswerMapping.Of(part =>
                {
                    (string? parent, string name) = ChatAnswerParts.DeclaredAt(part);
                    return PathList((parent is null ? answer : answer[parent] as JsonObject)?[name]);
                }),
            };
        }

        /// <summary>The plain and stream methods of an operation; one that continues a conversation must take its id in the path.</summary>
        private (ChatCallSpec? Send, ChatCallSpec? Stream) Calls(string operationId, bool continues)
        {
            List<OperationSpec> found = _byId[operationId].ToList();
            if (found.Count == 0)
            {
                Problem ??= $"no operation has the operationId '{operationId}'";
                return (null, null);
            }

            if (found.Any(o => o.Body is not null && o.Body.Kind != BodyKind.Json))
            {
                Problem ??= $"operation '{operationId}' takes a body that is not JSON";
                return (null, null);
            }

            string? parameter = found[0].Parameters.FirstOrDefault(p => p.WireName == _conversationParameter && p.Location == Model.ParameterLocation.Path)?.Name;
            if (continues && parameter is null)
            {
                Problem ??= $"operation '{operationId}' has no path parameter '{_conversationParameter}' (set 'conversationParameter')";
                return (null, null);
            }

            if (found[0].Parameters.FirstOrDefault(p => p.IsRequired && p.Name != parameter) is { } other)
            {
                Problem ??= $"operation '{operationId}' needs the parameter '{other.WireName}', which a chat call cannot fill";
                return (null, null);
            }

            OperationSpec? send = found.FirstOrDefault(o => o.Stream is null && o.Response.Kind == ResponseKind.Json && o.Response.Type is not null);
            OperationSpec? stream = found.FirstOrDefault(o => o.Stream is not null and not WebSocketStreamSpec);
            return (send is null ? null : new ChatCallSpec(send, parameter), stream is null ? null : new ChatCallSpec(stream, parameter));
        }

        private static EquatableArray<string> PathList(JsonNode? node) => node switch
        {
            JsonArray list => list.Select(Text).OfType<string>().ToEquatableArray(),
            _ when Text(node) is { } one => new[] { one }.ToEquatableArray(),
            _ => EquatableArray<string>.Empty,
        };

        private static string? Text(JsonNode? node) =>
            node is JsonValue value && (value.TryGetValue(out string? text) ? text : value.TryGetValue(out bool flag) ? (flag ? "true" : "false") : null) is { Length: > 0 } result ? result : null;
    }
}
