namespace OpenApiClientGen.Emitting;

/// <summary>Writes the overload of <see cref="OperationSpec.Flattened"/>, unless its parameters have the method's own types.</summary>
internal static class FlattenedOverloadEmitter
{
    public static void Write(SourceWriter writer, ApiSpec api, OperationSpec operation, IReadOnlyList<MethodParameter> parameters)
    {
        if (operation.Flattened is not { } overload)
        {
            return;
        }

        string ns = api.Namespace;
        var flattened = new List<MethodParameter>();
        flattened.AddRange(parameters.Where(p => !p.IsBody && !p.IsOptional));
        flattened.AddRange(overload.Members.Select(m => Member(m.Property, m.ParameterName, ns)));
        flattened.AddRange(parameters.Where(p => !p.IsBody && p.IsOptional));
        if (SameTypes(flattened, parameters))
        {
            return;
        }

        writer.WriteLine();
        OperationEmitter.WriteDocs(writer, operation, flattened, operation.Stream is null ? MethodDocs.InheritWithOwnParameters : MethodDocs.Full);
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
                writer.WriteLine($"new global::{ns}.{overload.ModelName}");
                writer.OpenBlock("");
                foreach (FlattenedMemberSpec member in overload.Members)
                {
                    writer.WriteLine($"{member.Property.Name} = {Identifiers.EscapeKeyword(member.ParameterName)},");
                }

                foreach (string flag in overload.StreamFlags)
                {
                    writer.WriteLine($"{flag} = {(operation.Stream is not null ? "true" : "false")},");
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
