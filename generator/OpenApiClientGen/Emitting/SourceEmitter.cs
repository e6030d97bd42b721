namespace OpenApiClientGen.Emitting;

/// <summary>Step 5: every generated file of one spec, named <c>{Client}.{Kind}.{Name}.g.cs</c>.</summary>
internal static class SourceEmitter
{
    public static EquatableArray<GeneratedFile> Emit(ApiSpec api)
    {
        string prefix = api.ClientName + ".";
        var files = new List<GeneratedFile>
        {
            new(prefix + "Client." + api.ClientName + ".g.cs", ClientEmitter.EmitClient(api)),
            new(prefix + "Json." + api.Names.Json + ".g.cs", JsonContextEmitter.Emit(api)),
        };

        if (!api.SecuritySchemes.IsEmpty)
        {
            files.Add(new GeneratedFile(prefix + "Security." + api.Names.Security + ".g.cs", SecurityEmitter.Emit(api)));
        }

        foreach (GroupSpec group in api.Groups)
        {
            files.Add(new GeneratedFile(prefix + "Group." + group.ClassName + ".g.cs", ClientEmitter.EmitGroup(api, group)));
        }

        foreach (TypeDeclaration type in api.Types)
        {
            switch (type)
            {
                case ObjectTypeSpec model:
                    files.Add(new GeneratedFile(prefix + "Model." + model.Name + ".g.cs", ModelEmitter.EmitObject(model, api.Namespace)));
                    break;
                case EnumTypeSpec enumType:
                    files.Add(new GeneratedFile(prefix + "Enum." + enumType.Name + ".g.cs", ModelEmitter.EmitEnum(enumType, api.Namespace)));
                    break;
                case UnionTypeSpec union:
                    files.Add(new GeneratedFile(prefix + "Union." + union.Name + ".g.cs", UnionEmitter.EmitUnion(union, api.Namespace)));
                    break;
            }
        }

        files.AddRange(StreamEmitter.EmitTypes(api, prefix));

        // Hint names must differ in more than case; the model's names already do, this keeps it so.
        var hintNames = new UniqueNameScope(ignoreCase: true);
        return files.Select(f => f with { HintName = Unique(hintNames, f.HintName) }).ToEquatableArray();
    }

    private static string Unique(UniqueNameScope scope, string hintName)
    {
        string stem = hintName.Substring(0, hintName.Length - ".g.cs".Length);
        return scope.Reserve(stem) + ".g.cs";
    }
}
