using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// Declarations spell a generated type by its simple name. Schemas named like a member beside them, like the runtime's
/// base class, like a base class's members or like common .NET types must still mean the schema's own type.
/// </summary>
public sealed class SimpleTypeNameTests
{
    [Fact]
    public void A_type_named_like_a_member_a_runtime_base_class_or_a_framework_type_is_still_the_schema_s_type()
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/names.yaml", """
            openapi: 3.0.3
            info: {title: Names, version: '1'}
            paths:
              /pets:
                post:
                  operationId: create_pet
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Task'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Holder'}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
                JsonUnion: {type: object, required: [id], properties: {id: {type: string}}}
                Task: {type: object, properties: {id: {type: string}}}
                Value: {type: object, required: [kind], properties: {kind: {type: string}}}
                Unknown: {type: object, required: [size], properties: {size: {type: integer}}}
                Either:
                  oneOf:
                    - {$ref: '#/components/schemas/Value'}
                    - {$ref: '#/components/schemas/Unknown'}
                    - {$ref: '#/components/schemas/JsonUnion'}
                Holder:
                  type: object
                  required: [owner]
                  properties:
                    pet: {type: string}
                    owner: {$ref: '#/components/schemas/Pet'}
                    either: {$ref: '#/components/schemas/Either'}
                    tasks: {type: array, items: {$ref: '#/components/schemas/Task'}}
            """, Namespace: "Names", ClientName: "NamesClient"));
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));

        INamedTypeSymbol holder = run.Output.GetTypeByMetadataName("Names.Holder")!;
        Assert.Equal("Names.Pet", Type(holder, "Owner"));
        Assert.Equal("string?", Type(holder, "Pet"));
        Assert.Equal("System.Collections.Generic.IList<Names.Task>?", Type(holder, "Tasks"));

        INamedTypeSymbol either = run.Output.GetTypeByMetadataName("Names.Either")!;
        Assert.Equal("Names.Value?", Type(either, "AsValue2"));
        Assert.Equal("Names.Unknown?", Type(either, "AsUnknown2"));
        Assert.Equal("Names.JsonUnion?", Type(either, "AsJsonUnion"));

        IMethodSymbol create = run.Output.GetTypeByMetadataName("Names.NamesClient")!.GetMembers("CreatePetAsync").OfType<IMethodSymbol>().First();
        Assert.Equal("Names.Task", create.Parameters[0].Type.ToDisplayString());
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("public required Pet Owner { get; set; }", System.StringComparison.Ordinal));
    }

    private static string Type(INamedTypeSymbol type, string property) =>
        type.GetMembers(property).OfType<IPropertySymbol>().Single().Type.ToDisplayString();
}
