namespace OpenApiClientGen.Emitting;

/// <summary>Writes model classes and open enum structs.</summary>
internal static class ModelEmitter
{
    public static string EmitObject(ObjectTypeSpec type, string ns)
    {
        var writer = SourceWriter.ForFile(ns);
        SpecText.WriteDoc(writer, "summary", type.Description);
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {type.Name}");

        if (type.Properties.Any(p => p.Presence == Presence.Always))
        {
            writer.WriteLine($"/// <summary>Creates an empty <see cref=\"{type.Name}\"/>; set every required member.</summary>");
            writer.WriteLine($"public {type.Name}()");
            writer.WriteEmptyBlock();
            writer.WriteLine();
            // It leaves the members to the JSON codec. The file's header turns nullable warnings off, so CS8618 is not
            // reported here.
            writer.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            writer.WriteLine($"internal {type.Name}({CSharp.Runtime}JsonCreation creation)");
            writer.WriteEmptyBlock();
            writer.WriteLine();
        }

        bool first = true;
        foreach (PropertySpec property in type.Properties)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            // A member the spec leaves undescribed, or describes only by its name, gets no summary.
            SpecText.WriteDoc(writer, "summary", property.Summary);

            if (property.DefaultValue is not null)
            {
                SpecText.WriteDoc(writer, "remarks", "Default: " + property.DefaultValue);
            }
            else if (property.ConstValue is null && property.OnlyValue is { } only)
            {
                SpecText.WriteDocXml(writer, "remarks", "The one value it takes: <c>" + SpecText.Xml(only) + "</c>.");
            }

            // C# forbids [Obsolete] on required members of a type that is not itself obsolete.
            if (property.IsDeprecated && property.Presence != Presence.Always)
            {
                writer.WriteLine("[global::System.Obsolete]");
            }

            if (property.ConstValue is not null)
            {
                // A tag starts set, so the tag goes out even when the schema leaves it optional (Mistral).
                string value = property.Type.Kind == TypeKind.Declared
                    ? $"new {CSharp.TypeName(property.Type, ns)}({SpecText.Literal(property.ConstValue)})"
                    : SpecText.Literal(property.ConstValue);
                writer.WriteLine($"public {PropertyType(property, ns)} {property.Name} {{ get; set; }} = {value};");
                continue;
            }

            if (property.FixedBoolean is { } flag)
            {
                // The schema allows one value, so the member starts with it and is sent even when optional.
                writer.WriteLine($"public {PropertyType(property, ns)} {property.Name} {{ get; set; }} = {(flag ? "true" : "false")};");
                continue;
            }

            string required = property.Presence == Presence.Always ? "required " : "";
            writer.WriteLine($"public {required}{PropertyType(property, ns)} {property.Name} {{ get; set; }}");
        }

        if (type.AdditionalProperties is { } additional)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>Members the schema does not name, kept as they were read and written back.</summary>");
            writer.WriteLine($"public global::System.Collections.Generic.IDictionary<string, {CSharp.TypeName(additional, ns)}> {type.AdditionalPropertiesName} {{ get; set; }} = new global::System.Collections.Generic.Dictionary<string, {CSharp.TypeName(additional, ns)}>();");
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    public static string PropertyType(PropertySpec property, string ns) => property.Presence switch
    {
        Presence.Always when !property.HoldsNull => CSharp.TypeName(property.Type, ns),
        Presence.WhenSet => $"{CSharp.Runtime}Optional<{CSharp.NullableTypeName(property.Type, ns)}>",
        _ => CSharp.NullableTypeName(property.Type, ns),
    };

    public static string EmitEnum(EnumTypeSpec type, string ns)
    {
        var writer = SourceWriter.ForFile(ns);
        SpecText.WriteDoc(writer, "summary", type.Description);
        writer.WriteLine("/// <remarks>Open: an unlisted value is kept and round-trips.</remarks>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public readonly record struct {type.Name}(string Value)");
        foreach (EnumMemberSpec member in type.Members)
        {
            // A value that is its member's name but for case and separators (in_progress, InProgress) needs no summary.
            if (!Identifiers.SameLetters(member.Value, member.Name))
            {
                SpecText.WriteDocXml(writer, "summary", $"<c>{SpecText.Xml(member.Value)}</c>");
            }

            writer.WriteLine($"public static {type.Name} {member.Name} {{ get; }} = new({SpecText.Literal(member.Value)});");
            writer.WriteLine();
        }

        // The remarks above say that any string is kept; these two need no docs of their own.
        writer.WriteLine($"public static implicit operator {type.Name}(string value) => new(value);");
        writer.WriteLine();
        writer.WriteLine("public override string ToString() => Value ?? \"\";");
        writer.CloseBlock();
        return writer.ToString();
    }
}
