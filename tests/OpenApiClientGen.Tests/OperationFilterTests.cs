using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>IncludeTags, IncludePaths, ExcludePaths and IncludeOperations on the item: only the selected operations and the schemas they reach.</summary>
public sealed class OperationFilterTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Filtered, version: '1'}
        paths:
          /chat/completions:
            post:
              operationId: createChatCompletion
              tags: [Chat]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ChatRequest'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ChatResponse'}
          /models:
            get:
              operationId: listModels
              tags: [Models]
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ModelList'}
          /files/{id}:
            parameters:
              - {$ref: '#/components/parameters/FileId'}
            get:
              operationId: getFile
              tags: [Files]
              responses:
                '200': {$ref: '#/components/responses/FileResponse'}
        components:
          parameters:
            FileId: {name: id, in: path, required: true, schema: {type: string}}
          responses:
            FileResponse:
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/StoredFile'}
          schemas:
            ChatRequest:
              type: object
              required: [messages]
              properties:
                messages: {type: array, items: {$ref: '#/components/schemas/Message'}}
            Message:
              type: object
              required: [role]
              properties:
                role: {type: string}
                content: {$ref: '#/components/schemas/Content'}
            Content:
              oneOf:
                - {$ref: '#/components/schemas/TextContent'}
                - {$ref: '#/components/schemas/ImageContent'}
              discriminator:
                propertyName: type
                mapping:
                  text: '#/components/schemas/TextContent'
                  image: ImageContent
            TextContent:
              type: object
              required: [type]
              properties: {type: {type: string, const: text}, text: {type: string}}
            ImageContent:
              type: object
              required: [type]
              properties: {type: {type: string, const: image}, url: {type: string}}
            ChatResponse:
              type: object
              properties: {id: {type: string}}
            ModelList:
              type: object
              properties: {data: {type: array, items: {$ref: '#/components/schemas/Model'}}}
            Model:
              type: object
              properties: {id: {type: string}}
            StoredFile:
              type: object
              properties: {id: {type: string}}
            Unused:
              type: object
              properties: {id: {type: string}}
        """;

    [Fact]
    public void Without_a_filter_every_schema_is_generated()
    {
        string[] types = GeneratedTypes(Run(new Dictionary<string, string>()));
        Assert.Contains("Model", types);
        Assert.Contains("StoredFile", types);
        Assert.Contains("Unused", types);
    }

    [Fact]
    public void A_path_glob_keeps_its_operations_and_only_the_schemas_they_reach()
    {
        GeneratorRun run = Run(new() { ["IncludePaths"] = "/chat/*" });
        string[] types = GeneratedTypes(run);

        Assert.Equal(new[] { "ChatRequest", "ChatResponse", "Content", "ImageContent", "Message", "TextContent" }, types);
        string client = Source(run, "Client.Client.FilteredClient.g.cs") + string.Concat(run.Sources.Where(s => s.HintName.Contains(".Group.")).Select(s => s.SourceText.ToString()));
        Assert.Contains("CreateChatCompletionAsync", client);
        Assert.DoesNotContain("ListModelsAsync", client);
        Assert.DoesNotContain("GetFileAsync", client);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Tags_match_without_regard_to_case_and_reach_through_shared_responses_and_parameters()
    {
        GeneratorRun run = Run(new() { ["IncludeTags"] = "files;MODELS" });
        Assert.Equal(new[] { "Model", "ModelList", "StoredFile" }, GeneratedTypes(run));
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Excluded_paths_and_named_operations_combine()
    {
        GeneratorRun excluded = Run(new() { ["ExcludePaths"] = "/files/**;/chat/**" });
        Assert.Equal(new[] { "Model", "ModelList" }, GeneratedTypes(excluded));

        GeneratorRun named = Run(new() { ["IncludeOperations"] = "getFile", ["IncludeTags"] = "Files" });
        Assert.Equal(new[] { "StoredFile" }, GeneratedTypes(named));
        Assert.Empty(named.CompilationErrors);
    }

    [Fact]
    public void A_filter_value_that_matches_nothing_is_a_warning_naming_it()
    {
        GeneratorRun run = Run(new() { ["IncludeTags"] = "Chat;Chats", ["ExcludePaths"] = "/nothing/**" });

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "OACG0023").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("IncludeTags value 'Chats'", System.StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("ExcludePaths value '/nothing/**'", System.StringComparison.Ordinal));
        Assert.Contains("ChatRequest", GeneratedTypes(run));
    }

    private static GeneratorRun Run(Dictionary<string, string> metadata) =>
        GeneratorHarness.Run(new SpecInput("/specs/filtered.yaml", Spec, Namespace: "Filtered", ClientName: "FilteredClient", Metadata: metadata));

    // Models, unions and enums, by name: FilteredClient.Model.Message.g.cs gives Message.
    private static string[] GeneratedTypes(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName.Split('.'))
            .Where(parts => parts.Length == 5 && parts[1] is "Model" or "Union" or "Enum")
            .Select(parts => parts[2])
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();

    private static string Source(GeneratorRun run, string suffix) =>
        string.Concat(run.Sources.Where(s => s.HintName.EndsWith(suffix, System.StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
}
