namespace OpenApiClientGen.Emitting;

/// <summary>
/// For an operation with a required JSON object body, an overload that takes the body's members as parameters,
/// required ones first and optional ones defaulting to unset: <c>CreateAsync(agentKey: "a", query: "q")</c>.
/// </summary>
internal static class FlattenedOverloadEmitter
{
    /// <summary>Past this many members the overload would be longer than the model is readable; callers build the body.</summary>
    public const int MaxMembers = 30;

    public static void Write(SourceWriter writer, ApiSpec api, OperationSpec operation, IReadOnlyList<MethodParameter> parameters)
    {
        if (ModelOf(api, operation) is not { } model)
        {
            return;
        }

        string ns = api.Namespace;
        var names = new UniqueNameScope(operation.Parameters.Select(p => p.Name).Concat(new[] { "cancellationToken", "body" }));
        var members = model.Properties
            .Where(p => p.Presence == Presence.Always || !p.IsDeprecated)
            .Where(p => p.FixedBoolean is null && p.ConstValue is null && !IsStreamFlag(p) && p.Access != MemberAccess.ReadOnly)
            .OrderBy(p => p.Presence == Presence.Always ? 0 : 1)
            .Select(p => (Property: p, Name: names.Reserve(Identifiers.ToCamelCase(p.Name))))
            .ToList();
        var flattened = new List<MethodParameter>();
        flattened.AddRange(parameters.Where(p => !p.IsBody && !p.IsOptional));
        flattened.AddRange(members.Select(m => Member(m.Property, m.Name, ns)));
        flattened.AddRange(parameters.Where(p => !p.IsBody && p.IsOptional));
        if (SameTypes(flattened, parameters))
        {
            return;
        }

        writer.WriteLine();
        OperationEmitter.WriteDocs(writer, api, operation, flattened, withResponse: false);
        string signature = string.Join(", ", flattened.Select(f => f.Declaration).Concat(new[] { OperationParameters.CancellationToken }));
        string returnType = operation.Stream is { } stream
            ? StreamEmitter.Call(api, operation, stream).ReturnType
            : operation.Response.Kind == ResponseKind.None
                ? "global::System.Threading.Tasks.Task"
                : $"global::System.Threading.Tasks.Task<{ResponseTypeName(api, operation.Response)}>";
        writer.WriteLine($"public {returnType} {operation.MethodName}({signature}) =>");
        writer.Indent();
        writer.WriteLine($"{operation.MethodName}(");
        writer.Indent();
        foreach (MethodParameter parameter in parameters)
        {
            if (parameter.IsBody)
            {
                writer.WriteLine($"new global::{ns}.{model.Name}");
                writer.OpenBlock("");
                foreach ((PropertySpec property, string name) in members)
                {
                    writer.WriteLine($"{property.Name} = {Identifiers.EscapeKeyword(name)},");
                }

                // A required flag the overload does not take still needs a value; the method's own one goes out.
                foreach (PropertySpec flag in model.Properties.Where(p => p.FixedBoolean is null && IsStreamFlag(p) && p.Presence == Presence.Always))
                {
                    writer.WriteLine($"{flag.Name} = {(operation.Stream is not null ? "true" : "false")},");
                }

                writer.CloseBlock("},");
            }
            else
            {
                writer.WriteLine(Identifiers.EscapeKeyword(parameter.Name) + ",");
            }
        }

        writer.WriteLine("cancellationToken);");
        writer.Unindent();
        writer.Unindent();
    }

    private static ObjectTypeSpec? ModelOf(ApiSpec api, OperationSpec operation)
    {
        if (operation.Body is not { Kind: BodyKind.Json, IsRequired: true, Type: { Kind: TypeKind.Declared, IsValueType: false } type })
        {
            return null;
        }

        ObjectTypeSpec? model = api.Types.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == type.Name);
        return model is { Properties.Count: > 0 and <= MaxMembers } ? model : null;
    }

    // Whether the server streams is the method's choice (its name says it), so no overload takes the flag.
    private static bool IsStreamFlag(PropertySpec property) =>
        property.JsonName == "stream" && property.Type.Kind == TypeKind.Primitive && property.Type.Name == "bool";

    /// <summary>A body member as a parameter of the overload; the overload sets it on the body, so it has no call of its own.</summary>
    private static MethodParameter Member(PropertySpec property, string name, string ns) => new()
    {
        Name = name,
        Type = ModelEmitter.PropertyType(property, ns),
        Default = property.Presence switch
        {
            Presence.Always => null,
            Presence.WhenSet => "default",
            _ => "null",
        },
        DocXml = property.Description is null ? $"The body's <c>{SpecText.Xml(property.JsonName)}</c> member." : SpecText.Xml(property.Description.Trim()),
        Call = "",
    };

    private static string ResponseTypeName(ApiSpec api, ResponseSpec response) => response.Kind switch
    {
        ResponseKind.Json => CSharp.TypeName(response.Type!, api.Namespace),
        ResponseKind.Text => "string",
        _ => "global::System.IO.Stream",
    };

    // C# tells overloads apart by parameter types alone, and nullable annotations on reference types do not count.
    private static bool SameTypes(IEnumerable<MethodParameter> left, IEnumerable<MethodParameter> right) =>
        left.Select(p => p.Type.TrimEnd('?')).SequenceEqual(right.Select(p => p.Type.TrimEnd('?')));
}
