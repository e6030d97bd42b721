using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGen.Emitting;
using OpenApiClientGen.Model;
using OpenApiClientGen.Parsing;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The names table decides every name the output has; the emitters only spell it. A spec whose names collide with
/// the client's own classes and with the members of its methods compiles, and a model whose table says other names
/// is written with those names and no others: an emitter that made a name of its own would leave the old one behind.
/// </summary>
public sealed class NameTableTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: '1' }
        security: [{ key: [] }]
        paths:
          /carts/{id}:
            post:
              operationId: updateCart
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: body_id, in: query, schema: { type: string } }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/ShopClientOptions' }
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ShopClientJson' }
                '404':
                  description: Missing
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ShopClientSecurity' }
          /items:
            get:
              operationId: listItems
              parameters:
                - { name: after, in: query, schema: { type: string } }
                - { name: cursor, in: query, schema: { type: string } }
                - { name: ct, in: query, schema: { type: string } }
                - { name: listPage, in: query, schema: { type: string } }
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ItemList' }
          /events:
            get:
              operationId: watch
              responses:
                '200':
                  description: OK
                  content:
                    text/event-stream:
                      schema: { $ref: '#/components/schemas/ShopClientJson' }
        components:
          securitySchemes:
            key: { type: apiKey, in: header, name: X-Key }
          schemas:
            ShopClientOptions:
              type: object
              required: [id, cancellation_token]
              properties:
                id: { type: string }
                body: { type: string }
                body_id: { type: string }
                cancellation_token: { type: string }
            ShopClientJson:
              type: object
              properties:
                id: { type: string }
            ShopClientSecurity:
              type: object
              properties:
                message: { type: string }
            ItemList:
              type: object
              properties:
                data: { type: array, items: { $ref: '#/components/schemas/ShopClientJson' } }
                has_more: { type: boolean }
        """;

    [Fact]
    public void Names_that_collide_with_the_clients_classes_and_method_members_are_moved_aside_and_compile()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/shop.yaml", Spec, Namespace: "Shop", ClientName: "ShopClient"));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        ApiSpec api = Model();
        // The client's classes keep their names; the schemas that wanted them take the next.
        Assert.Contains(api.Types, t => t.Name == "ShopClientJson2");
        Assert.Contains(api.Types, t => t.Name == "ShopClientOptions2");
        Assert.Contains(api.Types, t => t.Name == "ShopClientSecurity2");
        OperationSpec update = api.Operations.Single(o => o.MethodName == "UpdateCartAsync");
        Assert.Equal(new[] { "id2", "cancellationToken2", "body2", "bodyId2" }, update.Flattened!.Members.Select(m => m.ParameterName));
        PageWalkNames walk = api.Operations.Single(o => o.MethodName == "ListItemsAsync").Pagination!.Walk!;
        Assert.Equal(("cursor2", "ct2", "listPage2"), (walk.Position, walk.Token, walk.Page));
        Assert.Equal("WatchEvents", api.Operations.Single(o => o.MethodName == "WatchAsync").EventReaderName);
    }

    [Fact]
    public void The_JSON_class_lists_members_and_variants_in_methods_no_schema_name_takes()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/tables.yaml", """
            openapi: 3.0.3
            info: { title: Tables, version: '1' }
            paths: {}
            components:
              schemas:
                Pet: { type: object, properties: { name: { type: string } } }
                PetMembers: { type: object, properties: { count: { type: integer }, choice: { $ref: '#/components/schemas/Choice' } } }
                Choice: { oneOf: [{ type: string }, { $ref: '#/components/schemas/Pet' }] }
                ChoiceVariants: { type: object, properties: { size: { type: integer } } }
            """, Namespace: "Tables", ClientName: "TablesClient"));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));

        INamedTypeSymbol json = run.Output.GetTypeByMetadataName("Tables.TablesClientJson")!;
        string[] methods = json.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "ChoiceVariants2", "ChoiceVariantsMembers", "PetMembers2", "PetMembersMembers" }, methods);
        Assert.All(new[] { "Pet", "PetMembers", "Choice", "ChoiceVariants" }, name => Assert.IsAssignableFrom<IFieldSymbol>(json.GetMembers(name).Single()));
    }

    [Fact]
    public void The_emitters_spell_the_names_the_table_gives_and_no_others()
    {
        ApiSpec api = Model();
        ApiSpec renamed = api with
        {
            Names = api.Names with
            {
                Options = "ShopSettings",
                Json = "ShopCodecs",
                Security = "ShopSchemes",
                ServiceCollectionExtensions = "ShopRegistration",
                AddClientMethod = "AddShop",
            },
            Operations = api.Operations.Select(Renamed).ToEquatableArray(),
        };

        List<GeneratedFile> files = SourceEmitter.Emit(renamed).ToList();
        string registration = DependencyInjectionEmitter.Emit(new DependencyInjectionTarget(renamed.Names), DependencyInjectionHost.HttpClientFactory).Text;
        string all = string.Join("\n", files.Select(f => f.Text)) + "\n" + registration;

        CSharpCompilation compilation = GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(f.Text, GeneratorHarness.ParseOptions, path: f.HintName)));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Take(20)));
        foreach (string old in new[] { "ShopClientOptions", "ShopClientJson", "ShopClientSecurity", "ShopClientServiceCollectionExtensions", "AddShopClient", "WatchEvents", "cursor2", "ct2", "listPage2", "id2", "bodyId2" })
        {
            Assert.DoesNotMatch(@"\b" + old + @"\b", all);
        }

        foreach (string name in new[] { "class ShopSettings", "class ShopCodecs", "class ShopSchemes", "class ShopRegistration", "AddShop(", "WatchReader", "walkPosition", "walkPage", "walkToken", "cartId", "otherBodyId" })
        {
            Assert.Contains(name, all);
        }
    }

    private static OperationSpec Renamed(OperationSpec operation) => operation with
    {
        EventReaderName = operation.EventReaderName is null ? null : "WatchReader",
        Flattened = operation.Flattened is { } flattened
            ? flattened with { Members = flattened.Members.Select(m => m with { ParameterName = m.ParameterName switch { "id2" => "cartId", "bodyId2" => "otherBodyId", var name => name } }).ToEquatableArray() }
            : null,
        Pagination = operation.Pagination is { Walk: { } walk } pagination
            ? pagination with { Walk = walk with { Position = "walkPosition", Token = "walkToken", Page = "walkPage" } }
            : operation.Pagination,
    };

    private static ApiSpec Model()
    {
        var options = new SpecOptions("/specs/shop.yaml", "Shop", "ShopClient");
        ModelResult result = SpecReader.Read(SpecInputs.ConvertToJson(new SpecSource(options, Spec, null)), EquatableArray<ReferencedFile>.Empty);
        return result.Api ?? throw new Xunit.Sdk.XunitException(string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
    }
}
