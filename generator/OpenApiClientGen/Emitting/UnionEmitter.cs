namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes a union class (a thin <c>JsonUnion</c> with a conversion and an accessor per variant) and its codec row;
/// reading, tag lookup and shape matching live in the runtime's <c>UnionCodec</c>.
/// </summary>
internal static class UnionEmitter
{
    public static string EmitUnion(UnionTypeSpec union, string ns)
    {
        var writer = SourceWriter.ForFile(ns);
        SpecText.WriteDoc(writer, "summary", union.Description);
        // The variants are the members below (an As property and a conversion each), so the remark does not list them again.
        SpecText.WriteDocXml(writer, "remarks", union.Discriminator is null
            ? "Chosen by the shape of the JSON."
            : $"Chosen by the <c>{SpecText.Xml(union.Discriminator)}</c> member; a value this version does not know is kept in <see cref=\"{CSharp.Runtime}JsonUnion.Unknown\"/>.");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {union.Name} : {CSharp.Runtime}JsonUnion");
        writer.WriteLine($"internal {union.Name}(object value) : base(value) {{ }}");
        foreach (UnionVariantSpec variant in union.Variants)
        {
            writer.WriteLine();
            string type = CSharp.TypeName(variant.Type, ns);
            if (!(variant.Type.Kind == TypeKind.Declared && variant.Type.Name == union.Name))
            {
                writer.WriteLine($"public static implicit operator {union.Name}({ConvertibleTypeName(variant.Type, ns)} value) => new(value);");
            }

            writer.WriteLine($"public {type}? As{variant.Name} => Value as {type}{(variant.Type.IsValueType ? "?" : "")};");
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    public static void WriteCodec(SourceWriter writer, UnionTypeSpec union, string typeName, string ns, string? jsonContext)
    {
        string discriminator = union.Discriminator is null ? "null" : SpecText.Literal(union.Discriminator);
        // The variants are listed by a method of their own, as a model's members are (see JsonContextEmitter).
        writer.WriteLine($"public static readonly {CSharp.Runtime}UnionCodec<{typeName}> {union.Name} = new(static value => new(value), {discriminator}, {JsonContextEmitter.Table(union)});");
        writer.WriteLine();
        writer.WriteLine($"private static {CSharp.Runtime}UnionVariant[] {JsonContextEmitter.Table(union)}() => new {CSharp.Runtime}UnionVariant[]");
        writer.OpenBlock("");
        foreach (UnionVariantSpec variant in union.Variants)
        {
            string tags = string.Concat(variant.Tags.Select(tag => ", " + SpecText.Literal(tag)));
            writer.WriteLine($"{CSharp.Runtime}UnionVariant.Of({CSharp.Codec(variant.Type, ns, jsonContext)}, {CSharp.Runtime}JsonShape.{Shape(variant.Shape)}{tags}),");
        }

        writer.CloseBlock("};");
    }

    /// <summary>C# allows no conversion from an interface, so lists and maps convert from their usual classes.</summary>
    private static string ConvertibleTypeName(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.Array => "global::System.Collections.Generic.List<" + CSharp.TypeName(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + CSharp.TypeName(type.Element!, ns) + ">",
        _ => CSharp.TypeName(type, ns),
    };

    private static string Shape(ValueShape shape) => shape switch
    {
        ValueShape.Number => "Number | " + CSharp.Runtime + "JsonShape.Integer",
        _ => shape.ToString(),
    };
}
