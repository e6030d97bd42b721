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
        string context = api.Names.Json;
        var writer = SourceWriter.ForFile(ns);
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

            // Each field is the codec of the type it is named after, which says what the field is without a summary.
            string typeName = "global::" + ns + "." + type.Name;
            switch (type)
            {
                case EnumTypeSpec:
                    writer.WriteLine($"public static readonly {CSharp.Runtime}StringEnumCodec<{typeName}> {type.Name} = new(static value => new(value), static value => value.Value);");
                    break;
                case ObjectTypeSpec model:
                    WriteObjectCodec(writer, model, typeName, ns);
                    break;
                case UnionTypeSpec union:
                    UnionEmitter.WriteCodec(writer, union, typeName, ns, jsonContext: null);
                    break;
            }
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    // The codecs a table names are fields of this same class, so they go by their simple names (no context).
    // The table is a method of its own, not a lambda in the field's initializer: the compiler binds and lowers
    // every initializer as one static constructor, and thousands of lambdas nested there cost it seconds.
    private static void WriteObjectCodec(SourceWriter writer, ObjectTypeSpec model, string typeName, string ns)
    {
        // The lambdas' types are the codec's, so `new(...)` names the model without spelling it again.
        string create = model.Properties.IsEmpty || !HasRequired(model) ? "new()" : $"new(default({CSharp.Runtime}JsonCreation))";
        string additional = model.AdditionalProperties is { } extra
            ? $", static () => {CSharp.Runtime}JsonAdditionalMembers<{typeName}>.Of({CSharp.Codec(extra, ns, jsonContext: null)}, static m => m.{model.AdditionalPropertiesName})"
            : "";
        writer.WriteLine($"public static readonly {CSharp.Runtime}ObjectCodec<{typeName}> {model.Name} = new(static () => {create}, {Table(model)}{additional});");
        writer.WriteLine();
        // An empty table has no element for `new[]` to take its type from.
        string array = model.Properties.IsEmpty ? $"new {CSharp.Runtime}JsonMember<{typeName}>[]" : "new[]";
        writer.WriteLine($"private static {CSharp.Runtime}JsonMember<{typeName}>[] {Table(model)}({CSharp.Runtime}JsonMembers<{typeName}> members) => {array}");
        writer.OpenBlock("");
        foreach (PropertySpec property in model.Properties)
        {
            string name = SpecText.Literal(property.JsonName);
            string access = $"static m => m.{property.Name}, static (m, v) => m.{property.Name} = v";
            string member;
            if (property.Presence == Presence.WhenSet)
            {
                member = $"members.Optional({name}, {CSharp.NullableCodec(property.Type, ns, jsonContext: null)}, {access})";
            }
            else
            {
                string codec = property.HoldsNull ? CSharp.NullableCodec(property.Type, ns, jsonContext: null) : CSharp.Codec(property.Type, ns, jsonContext: null);
                string method = property.Presence == Presence.Always ? "Required" : "Value";
                member = $"members.{method}({name}, {codec}, {access})";
            }

            // readOnly members stay out of request bodies; writeOnly ones are never demanded of a response.
            writer.WriteLine(property.Access switch
            {
                MemberAccess.ReadOnly => $"members.ReadOnly({member}),",
                MemberAccess.WriteOnly => $"members.WriteOnly({member}),",
                _ => member + ",",
            });
        }

        writer.CloseBlock("};");
    }

    /// <summary>The name of <paramref name="type"/>'s member or variant list, which Parsing gives every model and union.</summary>
    internal static string Table(TypeDeclaration type) =>
        type.TableName ?? throw new InvalidOperationException($"The type '{type.Name}' has no table name; ApiModelBuilder names them.");

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
