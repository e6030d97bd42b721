using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// <c>AsChatClient()</c> is written only for compilations that reference Microsoft.Extensions.AI.Abstractions, from an
/// <c>x-chat-client</c> extension or a recognised OpenAI-compatible chat completion (info OACG0026 at the operation).
/// The adapters compile and run in the Conversations and Conformance test projects, which reference the real package.
/// </summary>
public sealed class ChatClientGenerationTests
{
    private const string ChatCompletions = """
        openapi: 3.0.3
        info: {title: Local chat, version: '1'}
        paths:
          /v1/chat/completions:
            post:
              operationId: createChatCompletion
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [model, messages]
                      properties:
                        model: {type: string}
                        messages:
                          type: array
                          items:
                            type: object
                            properties: {role: {type: string}, content: {type: string}}
                        temperature: {type: number}
                        max_tokens: {type: integer}
                        stream: {type: boolean}
              responses:
                '200':
                  description: The completion, or its chunks.
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          choices:
                            type: array
                            items:
                              type: object
                              properties:
                                message: {type: object, properties: {content: {type: string}}}
                                finish_reason: {type: string}
                    text/event-stream:
                      schema:
                        type: object
                        properties:
                          choices:
                            type: array
                            items:
                              type: object
                              properties:
                                delta: {type: object, properties: {content: {type: string}}}
        """;

    private static readonly SpecInput Chat = new("/specs/chat.yaml", ChatCompletions, Namespace: "LocalChat", ClientName: "LocalChatClient");

    [Fact]
    public void Without_the_abstractions_no_adapter_is_written_and_the_detection_is_still_reported()
    {
        GeneratorRun run = GeneratorHarness.Run(Chat);

        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains(".Chat.", StringComparison.Ordinal) || s.HintName == "OpenApiClientGen.ChatClient.g.cs");
        Diagnostic detected = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0026");
        Assert.Equal(DiagnosticSeverity.Info, detected.Severity);
        Assert.Equal(5, detected.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("'createChatCompletion'", detected.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void With_the_abstractions_the_adapter_maps_the_recognised_members_and_the_shared_part_is_written_once()
    {
        var second = new SpecInput("/specs/other.yaml", ChatCompletions, Namespace: "OtherChat", ClientName: "OtherChatClient");
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { Chat, second }).RunGenerators(WithAbstractions()).GetRunResult().Results.Single();

        string adapter = Assert.Single(result.GeneratedSources, s => s.HintName == "LocalChatClient.Chat.LocalChatClientChatClient.g.cs").SourceText.ToString();
        Assert.Contains("public static global::Microsoft.Extensions.AI.IChatClient AsChatClient(this global::LocalChat.LocalChatClient client, string? modelId = null)", adapter, StringComparison.Ordinal);
        Assert.Contains("Messages = \"messages\",", adapter, StringComparison.Ordinal);
        Assert.Contains("MaxTokens = \"max_tokens\",", adapter, StringComparison.Ordinal);
        Assert.Contains("ModelRequired = true,", adapter, StringComparison.Ordinal);
        Assert.DoesNotContain("Tools =", adapter, StringComparison.Ordinal);
        Assert.Contains("Text = new[] { \"choices[].message.content\", \"choices[].delta.content\" },", adapter, StringComparison.Ordinal);
        Assert.Contains("_client.CreateChatCompletionStreamAsync(body: ", adapter, StringComparison.Ordinal);
        Assert.Single(result.GeneratedSources, s => s.HintName == "OpenApiClientGen.ChatClient.g.cs");
        Assert.Single(result.GeneratedSources, s => s.HintName == "OtherChatClient.Chat.OtherChatClientChatClient.g.cs");
    }

    [Fact]
    public void A_csharp_only_edit_leaves_the_adapter_cached()
    {
        CSharpCompilation compilation = WithAbstractions();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { Chat }).RunGenerators(compilation);

        GeneratorRunResult result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, result.TrackedSteps[TrackingNames.DetectChatClientHost].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.EmitChatClient].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_extension_that_names_a_missing_operation_is_a_warning_and_no_adapter()
    {
        string spec = ChatCompletions.Replace("      operationId: createChatCompletion\n", "      operationId: createChatCompletion\n      x-chat-client: {stream: nowhere, request: {messages: messages}}\n", StringComparison.Ordinal);
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { Chat with { Text = spec } }).RunGenerators(WithAbstractions()).GetRunResult().Results.Single();

        Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "OACG0027");
        Assert.Contains("no operation has the operationId 'nowhere'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(7, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "OACG0026");
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.Contains(".Chat.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bundled_specs_map_their_conversation_operations()
    {
        var specs = new[] { ("mistral", "MistralClient"), ("orq", "OrqClient"), ("pipeshub", "PipesHubClient"), ("pieces", "PiecesClient") }
            .Select(s => new SpecInput($"/specs/{s.Item1}.yaml", File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "specs", s.Item1 + ".yaml")), Namespace: s.Item2.Replace("Client", "", StringComparison.Ordinal), ClientName: s.Item2))
            .ToArray();
        GeneratorRunResult result = GeneratorHarness.CreateDriver(specs).RunGenerators(WithAbstractions()).GetRunResult().Results.Single();

        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "OACG0026" or "OACG0027");
        string Adapter(string client) => Assert.Single(result.GeneratedSources, s => s.HintName == $"{client}.Chat.{client}ChatClient.g.cs").SourceText.ToString();
        Assert.Contains("_client.Beta.Conversations.AppendStreamAsync(conversationId: conversationId!, conversationAppendStreamRequest: ", Adapter("MistralClient"), StringComparison.Ordinal);
        Assert.Contains("_client.Conversations.AddMessageAsync(conversationId: conversationId!, addMessageRequest: ", Adapter("PipesHubClient"), StringComparison.Ordinal);
        Assert.Contains("protected override bool NeedsConversation => true;", Adapter("OrqClient"), StringComparison.Ordinal);
        Assert.Contains("protected override bool CanStream(bool continuing) => false;", Adapter("PiecesClient"), StringComparison.Ordinal);
    }

    /// <summary>The published documents whose chat completion is recognised, and the line of its operation.</summary>
    [SharedTheory]
    [InlineData("corpus/openai__openapi.yaml", "/chat/completions", "createChatCompletion")]
    [InlineData("corpus/hf-tgi__openapi.json", "/v1/chat/completions", "chat_completions")]
    [InlineData("reference-specs/mistral/openapi.yaml", "/v1/chat/completions", "chat_completion_v1_chat_completions_post")]
    public void A_published_chat_completion_is_recognised_at_its_operation(string document, string path, string operationId)
    {
        string text = File.ReadAllText(TestPaths.Shared(document));
        var spec = new SpecInput("/specs/" + Path.GetFileName(document), text, Namespace: "Published", ClientName: "PublishedClient",
            Metadata: new Dictionary<string, string> { ["IncludePaths"] = path });
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Diagnostic detected = Assert.Single(result.Diagnostics, d => d.Id == "OACG0026");
        Assert.Contains($"'{operationId}'", detected.GetMessage(), StringComparison.Ordinal);
        string[] lines = text.Split('\n');
        int line = detected.Location.GetLineSpan().StartLinePosition.Line;
        Assert.Contains("post", lines[line], StringComparison.Ordinal);
        string pathKey = lines.Take(line).Last(l => l.TrimStart().StartsWith("/", StringComparison.Ordinal) || l.TrimStart().StartsWith("\"/", StringComparison.Ordinal));
        Assert.Equal(path, pathKey.Trim().Trim('"', ':', '{', ' ').TrimEnd('"'));
    }

    /// <summary>
    /// OpenAI's chunks and answers are read from their typed members, with no JSON written per chunk: every answer path
    /// resolves to members (Choices, Delta, Content, Usage, ...). A chunk with tool calls still goes the JSON way.
    /// </summary>
    [Fact]
    public void OpenAIs_answers_are_read_from_their_typed_members()
    {
        string adapter = OpenAIAdapter();

        Assert.Contains("protected override bool TryRead(object? data, ref global::OpenApiClientGen.ChatClients.ChatParts parts)", adapter, StringComparison.Ordinal);
        Assert.Contains("case global::Published.CreateChatCompletionStreamResponse value", adapter, StringComparison.Ordinal);
        Assert.Contains("case global::Published.CreateChatCompletionResponse value", adapter, StringComparison.Ordinal);
        Assert.Contains("if (data.Choices is { } v0)", adapter, StringComparison.Ordinal);
        Assert.Contains("if (e0.Delta is { } v1)", adapter, StringComparison.Ordinal);
        Assert.Contains("if (v1.Content is { IsSet: true, Value: { } v2 })", adapter, StringComparison.Ordinal);
        Assert.Contains("return (long)v1;", adapter, StringComparison.Ordinal);
        Assert.Contains("if (v2.Count > 0) return true;", adapter, StringComparison.Ordinal);
    }

    /// <summary>
    /// A text member that is a union (string or parts) cannot be read as a string, so the JSON answer keeps the JSON
    /// route, while the chunk type, whose text is a plain string, is read from its members.
    /// </summary>
    [Fact]
    public void A_path_through_a_union_leaves_the_type_to_the_json_route()
    {
        string spec = ChatCompletions.Replace(
            "message: {type: object, properties: {content: {type: string}}}",
            "message: {type: object, properties: {content: {oneOf: [{type: string}, {type: array, items: {type: object, properties: {text: {type: string}}}}]}}}",
            StringComparison.Ordinal);
        Assert.NotEqual(ChatCompletions, spec);
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { new SpecInput("/specs/local.yaml", spec, Namespace: "Local", ClientName: "LocalClient") })
            .RunGenerators(WithAbstractions()).GetRunResult().Results.Single();

        string adapter = Assert.Single(result.GeneratedSources, s => s.HintName.Contains(".Chat.", StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain("case global::Local.CreateChatCompletionResponse value", adapter, StringComparison.Ordinal);
        Assert.Contains("case global::Local.CreateChatCompletionEvent value0:", adapter, StringComparison.Ordinal);
    }

    private static string OpenAIAdapter()
    {
        var spec = new SpecInput("/specs/openai.yaml", File.ReadAllText(TestPaths.Shared("corpus/openai__openapi.yaml")), Namespace: "Published", ClientName: "PublishedClient",
            Metadata: new Dictionary<string, string> { ["IncludePaths"] = "/chat/completions" });
        GeneratorRunResult result = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(WithAbstractions()).GetRunResult().Results.Single();
        return Assert.Single(result.GeneratedSources, s => s.HintName == "PublishedClient.Chat.PublishedClientChatClient.g.cs").SourceText.ToString();
    }

    // Only the assembly's name matters to the generator, so a stand-in with that name is enough.
    private static CSharpCompilation WithAbstractions() =>
        GeneratorHarness.CreateCompilation().AddReferences(
            CSharpCompilation.Create("Microsoft.Extensions.AI.Abstractions", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference());
}
