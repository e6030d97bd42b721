using OpenApiClientGen.Model;

namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes <c>{Client}Json</c>: one codec per declared type, built on the runtime's reflection-free codecs.
/// The System.Text.Json generator cannot see types generated in the same compilation, so this stands in for it.
/// </summary>
internal static class JsonContextEmitter
{
    public static string Emit(ApiSpec api)
    {
        string ns = api.Namespace;
        string context = api.ClientName + "Json";
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(ns));
        // Codec type arguments cannot carry nullable annotations faithfully (JsonConverter<T> is invariant).
        writer.WriteLine("#nullable disable warnings");
        // Deprecated members are still read and written.
        writer.WriteLine("#pragma warning disable CS0612, CS0618");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Reflection-free JSON codecs for the types of <see cref=\"{api.ClientName}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {context}");
        for (int i = 0; i < api.Types.Count; i++)
        {
            TypeDeclaration type = api.Types[i];
            if (i > 0)
            {
                writer.WriteLine();
            }

            string typeName = "global::" + ns + "." + type.Name;
            writer.WriteLine($"/// <summary>Reads and writes <see cref=\"{typeName}\"/>.</summary>");
            switch (type)
            {
                case EnumTypeSpec:
                    writer.WriteLine($"public static readonly {CSharp.Runtime}.StringEnumCodec<{typeName}> {type.Name} = new(static value => new {typeName}(value), static value => value.Value);");
                    break;
                case ObjectTypeSpec model:
                    WriteObjectCodec(writer, model, typeName, ns, context);
                    break;
            }
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteObjectCodec(SourceWriter writer, ObjectTypeSpec model, string typeName, string ns, string context)
    {
        string create = model.Properties.IsEmpty || !HasRequired(model) ? $"new {typeName}()" : $"new {typeName}(default({CSharp.Runtime}.JsonCreation))";
        writer.WriteLine($"public static readonly {CSharp.Runtime}.ObjectCodec<{typeName}> {model.Name} = new(");
        writer.Indent();
        writer.WriteLine($"static () => {create},");
        writer.WriteLine($"static () => new {CSharp.Runtime}.JsonMember<{typeName}>[]");
        writer.OpenBlock("");
        foreach (PropertySpec property in model.Properties)
        {
            string name = CSharp.Literal(property.JsonName);
            string access = $"static (m, v) => m.{property.Name} = v";
            if (property.Presence == Presence.WhenSet)
            {
                string valueType = CSharp.NullableTypeName(property.Type, ns);
                writer.WriteLine($"{CSharp.Runtime}.JsonMember.Optional<{typeName}, {valueType}>({name}, {CSharp.NullableCodec(property.Type, ns, context)}, static m => m.{property.Name}, {access}),");
                continue;
            }

            bool nullable = property.Presence != Presence.Always || property.IsNullable;
            string type = nullable ? CSharp.NullableTypeName(property.Type, ns) : CSharp.TypeName(property.Type, ns);
            string codec = nullable ? CSharp.NullableCodec(property.Type, ns, context) : CSharp.Codec(property.Type, ns, context);
            string method = property.Presence == Presence.Always ? "Required" : "Value";
            writer.WriteLine($"{CSharp.Runtime}.JsonMember.{method}<{typeName}, {type}>({name}, {codec}, static m => m.{property.Name}, {access}),");
        }

        writer.CloseBlock("});");
        writer.Unindent();
    }

    private static bool HasRequired(ObjectTypeSpec model)
    {
        foreach (PropertySpec property in model.Properties)
        {
            if (property.Presence == Presence.Always)
            {
                return true;
            }
        }

        return false;
    }
}
