namespace OpenApiClientGen.Emitting;

/// <summary>
/// For an operation with a required JSON object body, an overload that takes the body's members as parameters,
/// required ones first and optional ones defaulting to unset: <c>CreateAsync(agentKey: "a", query: "q")</c>. Which
/// members, in what order and under which names is decided in Parsing (<see cref="OperationSpec.Flattened"/>).
/// </summary>
internal static class FlattenedOverloadEmitter
{
    public static void Write(SourceWriter writer, ApiSpec api, OperationSpec operation, IReadOnlyList<MethodParameter> parameters)
    {
        if (operation.Flattened is not { } flattenedBody
            || api.Types.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == flattenedBody.Model) is not { } model)
        {
            return;
        }

        string ns = api.Namespace;
        var members = flattenedBody.Members
            .Select(m => (Property: model.Properties.First(p => p.Name == m.Property), Name: m.Parameter))
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
                foreach (PropertySpec flag in model.Properties.Where(p => p.FixedBoolean is null && p.IsStreamFlag && p.Presence == Presence.Always))
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
