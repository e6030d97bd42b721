using System.Collections.Generic;
using OpenApiClientGen.Emitting;
using OpenApiClientGen.Model;
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
        var animal = new UnionTypeSpec(
            "Animal",
            "A cat, or something this version does not know.",
            "kind",
            new[] { new UnionVariantSpec("Cat", cat, ValueShape.Object, new[] { "cat", "kitten" }.ToEquatableArray()) }.ToEquatableArray());
        var inputs = new UnionTypeSpec(
            "Inputs",
            null,
            null,
            new[]
            {
                new UnionVariantSpec("String", TypeRef.String, ValueShape.String, EquatableArray<string>.Empty),
                new UnionVariantSpec("EntryList", entries, ValueShape.Array, EquatableArray<string>.Empty),
                new UnionVariantSpec("Double", TypeRef.Primitive("double", "Double", isValueType: true), ValueShape.Number, EquatableArray<string>.Empty),
            }.ToEquatableArray());
        var model = new ObjectTypeSpec(
            "Cat",
            null,
            new[]
            {
                new PropertySpec("kind", "Kind", TypeRef.String, Presence.WhenNotNull, false, false, null, null, false, ConstValue: "cat"),
                new PropertySpec("lives", "Lives", TypeRef.Primitive("int", "Int32", isValueType: true), Presence.Always, false, true, "How many are left.", "9", false),
            }.ToEquatableArray(),
            AdditionalProperties: TypeRef.Any);
        var api = new ApiSpec("Zoo", "ZooClient", "Zoo", null, null, new TypeDeclaration[] { animal, model, inputs }.ToEquatableArray(), EquatableArray<GroupSpec>.Empty, EquatableArray<OperationSpec>.Empty);

        var files = new List<(string, string)>
        {
            ("Zoo.Union.Animal.g.cs", UnionEmitter.EmitUnion(animal, "Zoo")),
            ("Zoo.Union.Inputs.g.cs", UnionEmitter.EmitUnion(inputs, "Zoo")),
            ("Zoo.Model.Cat.g.cs", ModelEmitter.EmitObject(model, "Zoo")),
            ("Zoo.Json.ZooClientJson.g.cs", JsonContextEmitter.Emit(api)),
        };

        Baselines.AssertMatches("ModelEmitter", files);
    }
}
