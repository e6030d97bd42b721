using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// An allOf whose parts include a oneOf/anyOf, shaped like Hugging Face TGI's <c>Message</c>:
/// <c>allOf: [MessageBody, {role, name}]</c>, where <c>MessageBody</c> is a oneOf of <c>{content}</c> and
/// <c>{tool_calls}</c>. The model holds the members of every part and branch; what cannot be composed is OACG0007.
/// </summary>
public sealed class AllOfUnionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Chat, version: '1'}
        paths: {}
        components:
          schemas:
            Message:
              allOf:
                - $ref: '#/components/schemas/MessageBody'
                - type: object
                  required: [role]
                  properties:
                    role: {type: string}
                    name: {type: string, nullable: true}
            MessageBody:
              oneOf:
                - type: object
                  required: [content]
                  properties:
                    content: {$ref: '#/components/schemas/MessageContent'}
                - type: object
                  required: [tool_calls]
                  properties:
                    tool_calls:
                      type: array
                      items: {$ref: '#/components/schemas/ToolCall'}
            MessageContent:
              oneOf:
                - type: string
                - type: array
                  items: {$ref: '#/components/schemas/MessageChunk'}
            MessageChunk:
              type: object
              required: [type, text]
              properties:
                type: {type: string}
                text: {type: string}
            ToolCall:
              type: object
              required: [id]
              properties:
                id: {type: string}
        """;

    private const string Probes = """
        using System.Collections.Generic;
        using Chat;
        using OpenApiClientGen.Runtime;

        namespace Probe;

        public static class Probes
        {
            public static string WriteText() =>
                JsonCodecs.Serialize(new Message { Role = "user", Content = "Hello" }, ChatClientJson.Message);

            public static string WriteToolCalls() =>
                JsonCodecs.Serialize(new Message { Role = "assistant", ToolCalls = new List<ToolCall> { new ToolCall { Id = "c1" } } }, ChatClientJson.Message);

            public static string ReadContent(string json)
            {
                Message message = JsonCodecs.Deserialize(json, ChatClientJson.Message);
                return message.Role + ":" + (message.Content?.AsString ?? message.Content?.AsMessageChunkList?[0].Text ?? "(none)") + ":" + (message.ToolCalls?.Count ?? 0);
            }
        }
        """;

    [Fact]
    public void The_model_holds_the_members_of_the_object_part_and_of_every_union_branch()
    {
        GeneratorRun run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/chat.yaml", Spec, Namespace: "Chat", ClientName: "ChatClient"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string message = run.Sources.Single(s => s.HintName == "ChatClient.Model.Message.g.cs").SourceText.ToString();
        Assert.Contains("public required string Role { get; set; }", message, StringComparison.Ordinal);
        // Only a branch declares content and tool_calls, so a message may carry either: both are optional.
        Assert.Contains("public global::Chat.MessageContent? Content { get; set; }", message, StringComparison.Ordinal);
        Assert.Contains("ToolCalls { get; set; }", message, StringComparison.Ordinal);
        Assert.DoesNotContain("required global::Chat.MessageContent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Either_branch_is_written_and_read_through_the_generated_codec()
    {
        GeneratorRun run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/chat.yaml", Spec, Namespace: "Chat", ClientName: "ChatClient"));
        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);

        JsonAssert.Equal("""{"content":"Hello","role":"user"}""", (string)assembly.Call("Probe.Probes", "WriteText")!);
        JsonAssert.Equal("""{"tool_calls":[{"id":"c1"}],"role":"assistant"}""", (string)assembly.Call("Probe.Probes", "WriteToolCalls")!);
        Assert.Equal("user:Hello:0", assembly.Call("Probe.Probes", "ReadContent", """{"role":"user","content":"Hello"}"""));
        Assert.Equal("user:hi:0", assembly.Call("Probe.Probes", "ReadContent", """{"role":"user","content":[{"type":"text","text":"hi"}]}"""));
        Assert.Equal("assistant:(none):1", assembly.Call("Probe.Probes", "ReadContent", """{"role":"assistant","tool_calls":[{"id":"c1"}]}"""));

        string json = """{"content":[{"type":"text","text":"hi"}],"role":"user","name":"David"}""";
        JsonAssert.Equal(json, assembly.RoundTrip(assembly.Codec("Chat.ChatClientJson", "Message"), json));
    }

    [Fact]
    public void A_member_the_branches_type_differently_is_kept_as_JSON_with_OACG0007_at_the_union()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Parts, version: '1'}
            paths: {}
            components:
              schemas:
                Part:
                  allOf:
                    - type: object
                      properties:
                        index: {type: integer}
                    - oneOf:
                        - type: object
                          properties:
                            value: {type: string}
                        - type: object
                          properties:
                            value: {type: integer}
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/parts.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0007");
        Assert.Contains("'value'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(11, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        string part = run.Sources.Single(s => s.HintName == "PartsClient.Model.Part.g.cs").SourceText.ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? Value { get; set; }", part, StringComparison.Ordinal);
        Assert.Contains("public long? Index { get; set; }", part, StringComparison.Ordinal);
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
    }

    [Fact]
    public void A_branch_that_is_not_an_object_makes_the_allOf_JSON_with_OACG0007_at_the_branch()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Mixed, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    item: {$ref: '#/components/schemas/Item'}
                Item:
                  allOf:
                    - type: object
                      properties:
                        index: {type: integer}
                    - anyOf:
                        - type: object
                          properties:
                            value: {type: string}
                        - type: string
            """;

        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/mixed.yaml", spec));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0007");
        Assert.Contains("not an object", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(19, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(run.Sources, s => s.HintName == "MixedClient.Model.Item.g.cs");
        string holder = run.Sources.Single(s => s.HintName == "MixedClient.Model.Holder.g.cs").SourceText.ToString();
        Assert.Contains("public global::System.Text.Json.JsonElement? Item { get; set; }", holder, StringComparison.Ordinal);
    }
}
