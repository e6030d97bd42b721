using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Model;

namespace OpenApiClientGen.Emitting;

/// <summary>Writes the client, its options, one class per operation group, and the operation methods.</summary>
internal static class ClientEmitter
{
    private const string Connection = CSharp.Runtime + ".ApiConnection";
    private const string CancellationTokenParameter = "global::System.Threading.CancellationToken cancellationToken = default";

    public static string EmitClient(ApiSpec api)
    {
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(api.Namespace));
        string options = api.ClientName + "Options";

        CSharp.WriteDoc(writer, "summary", $"Client for {api.Title}.");
        CSharp.WriteDoc(writer, "remarks", api.Description);
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {api.ClientName} : global::System.IDisposable");
        writer.WriteLine("/// <summary>The base address from the spec's first server, used when neither the options nor the HttpClient set one.</summary>");
        writer.WriteLine($"public const string DefaultBaseAddress = {CSharp.Literal(api.DefaultBaseUrl ?? "")};");
        writer.WriteLine();
        writer.WriteLine($"private readonly {Connection} _connection;");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Creates a client that sends its requests through <paramref name=\"httpClient\"/>.</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The client to send with. A <c>BaseAddress</c> set on it wins over the options and the spec's servers.</param>");
        writer.WriteLine("/// <param name=\"options\">Base address, credentials, headers and timeouts.</param>");
        writer.WriteLine($"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient, {options}? options = null)");
        writer.Indent();
        writer.WriteLine($": this(new {Connection}(httpClient, options ?? new {options}(), DefaultBaseAddress, ownsHttpClient: false))");
        writer.Unindent();
        writer.OpenBlock("");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a client with an HttpClient of its own, released by <see cref=\"Dispose\"/>.</summary>");
        writer.WriteLine("/// <param name=\"options\">Base address, credentials, headers and timeouts.</param>");
        writer.WriteLine($"public {api.ClientName}({options}? options = null)");
        writer.Indent();
        writer.WriteLine($": this(new {Connection}(new global::System.Net.Http.HttpClient(), options ?? new {options}(), DefaultBaseAddress, ownsHttpClient: true))");
        writer.Unindent();
        writer.OpenBlock("");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"private {api.ClientName}({Connection} connection)");
        writer.WriteLine("_connection = connection;");
        foreach (GroupSpec group in ChildGroups(api, ""))
        {
            writer.WriteLine($"{group.PropertyName} = new {group.ClassName}(connection);");
        }

        writer.CloseBlock();
        WriteGroupProperties(writer, api, "");
        WriteOperations(writer, api, "");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Releases the HttpClient if this client created it.</summary>");
        writer.WriteLine("public void Dispose() => _connection.Dispose();");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Settings for <see cref=\"{api.ClientName}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {options} : {CSharp.Runtime}.ApiClientOptions");
        writer.CloseBlock();
        return writer.ToString();
    }

    public static string EmitGroup(ApiSpec api, GroupSpec group)
    {
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(api.Namespace));
        writer.WriteLine($"/// <summary>The <c>{group.Path}</c> operations of <see cref=\"{api.ClientName}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {group.ClassName}");
        writer.WriteLine($"private readonly {Connection} _connection;");
        writer.WriteLine();
        writer.OpenBlock($"internal {group.ClassName}({Connection} connection)");
        writer.WriteLine("_connection = connection;");
        foreach (GroupSpec child in ChildGroups(api, group.Path))
        {
            writer.WriteLine($"{child.PropertyName} = new {child.ClassName}(connection);");
        }

        writer.CloseBlock();
        WriteGroupProperties(writer, api, group.Path);
        WriteOperations(writer, api, group.Path);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static IEnumerable<GroupSpec> ChildGroups(ApiSpec api, string parentPath) => api.Groups.Where(g => g.ParentPath == parentPath);

    private static void WriteGroupProperties(SourceWriter writer, ApiSpec api, string parentPath)
    {
        foreach (GroupSpec child in ChildGroups(api, parentPath))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The <c>{child.Path}</c> operations.</summary>");
            writer.WriteLine($"public {child.ClassName} {child.PropertyName} {{ get; }}");
        }
    }

    private static void WriteOperations(SourceWriter writer, ApiSpec api, string groupPath)
    {
        foreach (OperationSpec operation in api.Operations.Where(o => o.GroupPath == groupPath))
        {
            StreamEmitter.WriteReaderField(writer, api, operation);
            writer.WriteLine();
            WriteOperation(writer, api, operation);
        }
    }

    private static void WriteOperation(SourceWriter writer, ApiSpec api, OperationSpec operation)
    {
        string ns = api.Namespace;
        string context = api.ClientName + "Json";
        CSharp.WriteDoc(writer, "summary", operation.Summary ?? operation.Description ?? $"{operation.HttpMethod} {operation.Path}");
        if (operation.Summary is not null)
        {
            CSharp.WriteDoc(writer, "remarks", operation.Description);
        }

        var parameters = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.IsRequired))
        {
            parameters.Add($"{CSharp.TypeName(parameter.Type, ns)} {Identifiers.EscapeKeyword(parameter.Name)}");
            WriteParameterDoc(writer, parameter);
        }

        RequestBodySpec? body = operation.Body;
        string? bodyName = body is null ? null : body.Type is null ? "content" : "body";
        string? bodyType = body is null ? null : body.Type is null ? "global::System.Net.Http.HttpContent" : CSharp.TypeName(body.Type, ns);
        if (body is not null)
        {
            parameters.Add(body.IsRequired ? $"{bodyType} {bodyName}" : $"{bodyType}? {bodyName} = null");
            CSharp.WriteDoc(writer, "param", body.Description ?? $"The request body ({body.MediaType}).", $" name=\"{bodyName}\"");
        }

        foreach (ParameterSpec parameter in operation.Parameters.Where(p => !p.IsRequired))
        {
            parameters.Add($"{CSharp.NullableTypeName(parameter.Type, ns)} {Identifiers.EscapeKeyword(parameter.Name)} = null");
            WriteParameterDoc(writer, parameter);
        }

        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.WriteLine($"/// <exception cref=\"{CSharp.Runtime}.ApiException\">The server answered with a status that is not a success.</exception>");
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This operation is deprecated.\")]");
        }

        parameters.Add(CancellationTokenParameter);
        (string returnType, string send) = operation.Stream is { } stream ? StreamEmitter.Call(api, operation, stream) : Response(operation.Response, ns, context);
        writer.OpenBlock($"public {returnType} {operation.MethodName}({string.Join(", ", parameters)})");
        var calls = new List<string>();
        foreach (ParameterSpec parameter in operation.Parameters)
        {
            calls.Add($".{parameter.Location}({CSharp.Literal(parameter.WireName)}, {Identifiers.EscapeKeyword(parameter.Name)})");
        }

        if (body is not null)
        {
            string? codec = body.Type is null ? null : body.IsRequired ? CSharp.Codec(body.Type, ns, context) : CSharp.NullableCodec(body.Type, ns, context);
            calls.Add(codec is null ? $".Content({bodyName})" : $".JsonBody({bodyName}, {codec})");
        }

        string create = $"var request = new {CSharp.Runtime}.ApiRequest({CSharp.Literal(operation.HttpMethod)}, {CSharp.Literal(operation.Path)})";
        writer.WriteLine(calls.Count == 0 ? create + ";" : create);
        writer.Indent();
        for (int i = 0; i < calls.Count; i++)
        {
            writer.WriteLine(calls[i] + (i == calls.Count - 1 ? ";" : ""));
        }

        writer.Unindent();
        writer.WriteLine(send);
        writer.CloseBlock();
    }

    private static void WriteParameterDoc(SourceWriter writer, ParameterSpec parameter)
    {
        string attributes = $" name=\"{parameter.Name}\"";
        if (parameter.Description is null)
        {
            string location = parameter.Location.ToString().ToLowerInvariant();
            CSharp.WriteDocXml(writer, "param", $"The <c>{CSharp.EscapeXml(parameter.WireName)}</c> {location} parameter.", attributes);
            return;
        }

        CSharp.WriteDoc(writer, "param", parameter.Description, attributes);
    }

    private static (string ReturnType, string Send) Response(ResponseSpec response, string ns, string context) => response.Kind switch
    {
        ResponseKind.Json => (
            $"global::System.Threading.Tasks.Task<{CSharp.TypeName(response.Type!, ns)}>",
            $"return _connection.SendForJsonAsync(request, {CSharp.Codec(response.Type!, ns, context)}, cancellationToken);"),
        ResponseKind.Text => ("global::System.Threading.Tasks.Task<string>", "return _connection.SendForTextAsync(request, cancellationToken);"),
        ResponseKind.Binary => ("global::System.Threading.Tasks.Task<global::System.IO.Stream>", "return _connection.SendForStreamAsync(request, cancellationToken);"),
        _ => ("global::System.Threading.Tasks.Task", "return _connection.SendAsync(request, cancellationToken);"),
    };
}
