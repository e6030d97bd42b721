using System.Collections.Generic;
using OpenApiClientGen.Emitting;
using OpenApiClientGen.Model;
using OpenApiClientGen.Parsing;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The emitters alone, fed hand-built spec records: a tagged union, a shape-matched union and a model with a bag.</summary>
public sealed class ModelEmitterBaselineTests
{
    [Fact]
    public void Unions_and_additional_members_emit_as_the_baselines_show()
    {
        TypeRef cat = TypeRef.Declared("Cat");
        TypeRef entries = TypeRef.ArrayOf(TypeRef.Declared("Entry"));
        var animal = new UnionTypeSpec
        {
            Name = "Animal",
            TableName = "AnimalVariants",
            Description = "A cat, or something this version does not know.",
            Discriminator = "kind",
            Variants = new[] { Variant("Cat", cat, ValueShape.Object, "cat", "kitten") }.ToEquatableArray(),
        };
        var inputs = new UnionTypeSpec
        {
            Name = "Inputs",
            TableName = "InputsVariants",
            Description = null,
            Discriminator = null,
            Variants = new[]
            {
                Variant("String", TypeRef.String, ValueShape.String),
                Variant("EntryList", entries, ValueShape.Array),
                Variant("Double", TypeRef.Primitive("double", "Double", isValueType: true), ValueShape.Number),
            }.ToEquatableArray(),
        };
        var model = new ObjectTypeSpec
        {
            Name = "Cat",
            TableName = "CatMembers",
            Description = null,
            Properties = new[]
            {
                new PropertySpec
                {
                    JsonName = "kind",
                    Name = "Kind",
                    Type = TypeRef.String,
                    IsNullable = false,
                    IsRequired = false,
                    Description = null,
                    DefaultValue = null,
                    IsDeprecated = false,
                    ConstValue = "cat",
                },
                new PropertySpec
                {
                    JsonName = "lives",
                    Name = "Lives",
                    Type = TypeRef.Primitive("int", "Int32", isValueType: true),
                    IsNullable = false,
                    IsRequired = true,
                    Description = "How many are left.",
                    DefaultValue = "9",
                    IsDeprecated = false,
                },
            }.ToEquatableArray(),
            AdditionalProperties = TypeRef.Any,
        };
        var api = new ApiSpec
        {
            Names = DefaultNames.Table("Zoo", "ZooClient"),
            Title = "Zoo",
            Description = null,
            DefaultBaseUrl = null,
            Types = new TypeDeclaration[] { animal, model, inputs }.ToEquatableArray(),
            Groups = EquatableArray<GroupSpec>.Empty,
            Operations = EquatableArray<OperationSpec>.Empty,
        };

        var files = new List<(string, string)>
        {
            ("Zoo.Union.Animal.g.cs", UnionEmitter.EmitUnion(animal, "Zoo")),
            ("Zoo.Union.Inputs.g.cs", UnionEmitter.EmitUnion(inputs, "Zoo")),
            ("Zoo.Model.Cat.g.cs", ModelEmitter.EmitObject(model, "Zoo")),
            ("Zoo.Json.ZooClientJson.g.cs", JsonContextEmitter.Emit(api)),
        };

        Baselines.AssertMatches("ModelEmitter", files);
    }

    private static UnionVariantSpec Variant(string name, TypeRef type, ValueShape shape, params string[] tags) =>
        new() { Name = name, Type = type, Shape = shape, Tags = tags.ToEquatableArray() };
}
