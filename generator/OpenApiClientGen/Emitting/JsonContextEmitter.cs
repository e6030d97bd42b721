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
        // The header turns nullable warnings off. Here that is also needed: codec type arguments cannot carry
        // nullable annotations faithfully (JsonConverter<T> is invariant), so the tests check this file without them.
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

    // The codecs a table names are fields of this same class, so they go by their simple names (no context). The
    // member list holds no lambdas, so it can sit in the field's initializer; the values move through one visit
    // method a model, with one line a member, where a getter and a setter lambda for each cost the compiler about
    // twice as much (thousands of lambdas in one class's static constructor cost it seconds).
    private static void WriteObjectCodec(SourceWriter writer, ObjectTypeSpec model, string typeName, string ns)
    {
        // The lambdas' types are the codec's, so `new(...)` names the model without spelling it again.
        string create = model.Properties.IsEmpty || !HasRequired(model) ? "new()" : $"new(default({CSharp.Runtime}JsonCreation))";
        string additional = model.AdditionalProperties is { } extra
            ? $", static () => {CSharp.Runtime}JsonAdditionalMembers<{typeName}>.Of({CSharp.Codec(extra, ns, jsonContext: null)}, static m => m.{model.AdditionalPropertiesName})"
            : "";
        string visit = Table(model);
        string field = $"public static readonly {CSharp.Runtime}ObjectCodec<{typeName}> {model.Name} = new(static () => {create}, ";
        if (model.Properties.IsEmpty)
        {
            writer.WriteLine($"{field}static members => global::System.Array.Empty<{CSharp.Runtime}JsonMemberInfo>(), {visit}{additional});");
        }
        else
        {
            writer.WriteLine(field + "static members => new[]");
            writer.OpenBlock("");
            foreach (PropertySpec property in model.Properties)
            {
                writer.WriteLine(Member(property, ns) + ",");
            }

            writer.CloseBlock($"}}, {visit}{additional});");
        }

        writer.WriteLine();
        WriteVisit(writer, model, typeName, visit);
    }

    /// <summary>A member's entry in its model's list: its name, its codec, and what it does when it has no value.</summary>
    private static string Member(PropertySpec property, string ns)
    {
        string name = SpecText.Literal(property.JsonName);
        string member;
        if (property.Presence == Presence.WhenSet)
        {
            member = $"members.Optional({name}, {CSharp.NullableCodec(property.Type, ns, jsonContext: null)})";
        }
        else
        {
            // A string the schema fixes is read as the one string the model starts with, so reading it allocates nothing.
            string codec = (property.ConstValue ?? property.OnlyValue) is { } fixedValue && property.Type == TypeRef.String ? $"{CSharp.Runtime}JsonCodecs.Fixed({SpecText.Literal(fixedValue)})"
                : property.HoldsNull ? CSharp.NullableCodec(property.Type, ns, jsonContext: null)
                : CSharp.Codec(property.Type, ns, jsonContext: null);
            string method = property.Presence == Presence.Always ? "Required" : "Value";
            member = $"members.{method}({name}, {codec})";
        }

        // readOnly members stay out of request bodies; writeOnly ones are never demanded of a response.
        return property.Access switch
        {
            MemberAccess.ReadOnly => $"members.ReadOnly({member})",
            MemberAccess.WriteOnly => $"members.WriteOnly({member})",
            _ => member,
        };
    }

    /// <summary>
    /// The method that reads or writes the member a visit names: <c>case 0: m.Name = v.Value(m.Name); break;</c>. The
    /// index is the member's place in the model's list, and the value's type comes from the property itself.
    /// </summary>
    private static void WriteVisit(SourceWriter writer, ObjectTypeSpec model, string typeName, string visit)
    {
        writer.WriteLine($"private static void {visit}(ref {CSharp.Runtime}JsonMemberVisit v, {typeName} m)");
        if (model.Properties.IsEmpty)
        {
            writer.WriteEmptyBlock();
            return;
        }

        writer.OpenBlock("");
        writer.OpenBlock("switch (v.Member)");
        for (int i = 0; i < model.Properties.Count; i++)
        {
            PropertySpec property = model.Properties[i];
            string method = property.Presence == Presence.WhenSet ? "Optional" : "Value";
            writer.WriteLine($"case {i}: m.{property.Name} = v.{method}(m.{property.Name}); break;");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The name of <paramref name="type"/>'s member visit or variant list, which Parsing gives every model and union.</summary>
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
