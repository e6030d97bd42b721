namespace OpenApiClientGen.Emitting;

/// <summary>Writes <c>{Client}Security</c>: the spec's security schemes, which operations name to send credentials.</summary>
internal static class SecurityEmitter
{
    public static string Emit(ApiSpec api)
    {
        var writer = SourceWriter.ForFile(api.Namespace);
        writer.WriteLine($"/// <summary>The security schemes of <see cref=\"{api.ClientName}\"/>; credentials come from its options.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"internal static class {api.Names.Security}");
        bool first = true;
        foreach (SecuritySchemeSpec scheme in api.SecuritySchemes)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            string parameter = scheme.Kind is SecurityKind.Bearer or SecurityKind.Basic ? "" : ", " + SpecText.Literal(scheme.ParameterName);
            SpecText.WriteDocXml(writer, "summary", $"The <c>{SpecText.Xml(scheme.SchemeName)}</c> scheme.");
            writer.WriteLine($"public static readonly {CSharp.Runtime}ApiSecurityScheme {scheme.PropertyName} =");
            writer.WriteIndented($"new({SpecText.Literal(scheme.SchemeName)}, {CSharp.Runtime}ApiSecurityKind.{scheme.Kind}{parameter});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Every scheme, which the client checks the credentials set on its options against.</summary>");
        string all = string.Join(", ", api.SecuritySchemes.Select(s => s.PropertyName));
        writer.WriteLine($"public static readonly global::System.Collections.Generic.IReadOnlyList<{CSharp.Runtime}ApiSecurityScheme> All = new[] {{ {all} }};");
        writer.CloseBlock();
        return writer.ToString();
    }
}
