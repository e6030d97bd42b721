using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Model;

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
        var flattened = new List<(string Declaration, string Doc, string Name)>();
        flattened.AddRange(parameters.Where(p => !p.IsBody && !p.Declaration.EndsWith("= null", StringComparison.Ordinal)).Select(p => (p.Declaration, p.DocXml, p.Name)));
        flattened.AddRange(members.Select(m => (Declaration(m.Property, m.Name, ns), Doc(m.Property), m.Name)));
        flattened.AddRange(parameters.Where(p => !p.IsBody && p.Declaration.EndsWith("= null", StringComparison.Ordinal)).Select(p => (p.Declaration, p.DocXml, p.Name)));
        if (SameTypes(flattened.Select(f => f.Declaration), parameters.Select(p => p.Declaration)))
        {
            return;
        }

        writer.WriteLine();
        OperationEmitter.WriteDocs(writer, api, operation, flattened.Select(f => new MethodParameter(f.Name, f.Declaration, f.Doc, "")), withResponse: false);
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

    private static string Declaration(PropertySpec property, string name, string ns)
    {
        string parameter = Identifiers.EscapeKeyword(name);
        string type = ModelEmitter.PropertyType(property, ns);
        return property.Presence switch
        {
            Presence.Always => $"{type} {parameter}",
            Presence.WhenSet => $"{type} {parameter} = default",
            _ => $"{type} {parameter} = null",
        };
    }

    private static string Doc(PropertySpec property) =>
        property.Description is null ? $"The body's <c>{SpecText.Xml(property.JsonName)}</c> member." : SpecText.Xml(property.Description.Trim());

    private static string ResponseTypeName(ApiSpec api, ResponseSpec response) => response.Kind switch
    {
        ResponseKind.Json => CSharp.TypeName(response.Type!, api.Namespace),
        ResponseKind.Text => "string",
        _ => "global::System.IO.Stream",
    };

    // C# tells overloads apart by parameter types alone, and nullable annotations on reference types do not count.
    private static bool SameTypes(IEnumerable<string> left, IEnumerable<string> right) =>
        left.Select(TypeOf).SequenceEqual(right.Select(TypeOf));

    private static string TypeOf(string declaration)
    {
        int defaultValue = declaration.IndexOf(" = ", StringComparison.Ordinal);
        string head = defaultValue < 0 ? declaration : declaration.Substring(0, defaultValue);
        return head.Substring(0, head.LastIndexOf(' ')).TrimEnd('?');
    }
}
