namespace OpenApiClientGen.Emitting;

/// <summary>Writes the client, its options, one class per operation group, and the operation methods.</summary>
internal static class ClientEmitter
{
    private const string Connection = CSharp.Runtime + "ApiConnection";
    private const string UnusedCredentialDoc = "/// <exception cref=\"global::System.ArgumentException\">The options set a credential that none of the API's security schemes takes.</exception>";

    public static string EmitClient(ApiSpec api)
    {
        var writer = SourceWriter.ForFile(api.Namespace);
        string options = api.Names.Options;
        string schemes = api.SecuritySchemes.IsEmpty ? $"global::System.Array.Empty<{CSharp.Runtime}ApiSecurityScheme>()" : api.Names.Security + ".All";

        SpecText.WriteDoc(writer, "summary", $"Client for {api.Title}.");
        SpecText.WriteDoc(writer, "remarks", api.Description);
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial class {api.ClientName} : global::System.IDisposable");
        writer.WriteLine("/// <summary>The base address from the spec's first server, used when neither the options nor the HttpClient set one.</summary>");
        writer.WriteLine($"public const string DefaultBaseAddress = {SpecText.Literal(api.DefaultBaseUrl ?? "")};");
        writer.WriteLine();
        writer.WriteLine($"private readonly {Connection} _connection;");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Creates a client that sends its requests through <paramref name=\"httpClient\"/>.</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The client to send with. A <c>BaseAddress</c> set on it wins over the options and the spec's servers.</param>");
        writer.WriteLine("/// <param name=\"options\">Base address, credentials, headers and timeouts.</param>");
        writer.WriteLine(UnusedCredentialDoc);
        WriteConnectingConstructor(writer, $"public {api.ClientName}(global::System.Net.Http.HttpClient httpClient, {options}? options = null)", $"httpClient, options ?? new {options}()", ownsHttpClient: false, schemes);
        writer.WriteLine("/// <summary>Creates a client with an HttpClient of its own, released by <see cref=\"Dispose\"/>.</summary>");
        writer.WriteLine("/// <param name=\"options\">Base address, credentials, headers and timeouts.</param>");
        writer.WriteLine(UnusedCredentialDoc);
        WriteConnectingConstructor(writer, $"public {api.ClientName}({options}? options = null)", $"{Connection}.CreateHttpClient(), options ?? new {options}()", ownsHttpClient: true, schemes);
        // For the IHttpClientFactory registration: settings from IOptionsMonitor, read again for every request.
        WriteConnectingConstructor(writer, $"internal {api.ClientName}(global::System.Net.Http.HttpClient httpClient, global::System.Func<{options}> currentOptions)", "httpClient, currentOptions", ownsHttpClient: false, schemes);
        writer.OpenBlock($"private {api.ClientName}({Connection} connection)");
        writer.WriteLine("_connection = connection;");
        foreach (GroupSpec group in ChildGroups(api, ""))
        {
            writer.WriteLine($"{group.PropertyName} = new {group.ClassName}(connection);");
        }

        writer.CloseBlock();
        writer.WriteLine();
        WriteFakingConstructor(writer, api, api.ClientName, "");
        WriteGroupProperties(writer, api, "");
        WriteOperations(writer, api, "");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Releases the HttpClient if this client created it.</summary>");
        writer.WriteLine("public void Dispose() => _connection?.Dispose();");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Settings for <see cref=\"{api.ClientName}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {options} : {CSharp.Runtime}ApiClientOptions");
        writer.CloseBlock();
        return writer.ToString();
    }

    public static string EmitGroup(ApiSpec api, GroupSpec group)
    {
        var writer = SourceWriter.ForFile(api.Namespace);
        writer.WriteLine($"/// <summary>The <c>{group.Path}</c> operations of <see cref=\"{api.ClientName}\"/>.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial class {group.ClassName}");
        writer.WriteLine($"private readonly {Connection} _connection;");
        writer.WriteLine();
        writer.OpenBlock($"internal {group.ClassName}({Connection} connection)");
        writer.WriteLine("_connection = connection;");
        foreach (GroupSpec child in ChildGroups(api, group.Path))
        {
            writer.WriteLine($"{child.PropertyName} = new {child.ClassName}(connection);");
        }

        writer.CloseBlock();
        writer.WriteLine();
        WriteFakingConstructor(writer, api, group.ClassName, group.Path);
        WriteGroupProperties(writer, api, group.Path);
        WriteOperations(writer, api, group.Path);
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>A public constructor that hands the private one a connection made from <paramref name="source"/> (the HttpClient and options).</summary>
    private static void WriteConnectingConstructor(SourceWriter writer, string declaration, string source, bool ownsHttpClient, string schemes)
    {
        writer.WriteLine(declaration);
        writer.WriteIndented($": this(new {Connection}({source}, DefaultBaseAddress, ownsHttpClient: {(ownsHttpClient ? "true" : "false")}, {schemes}))");
        writer.WriteEmptyBlock();
        writer.WriteLine();
    }

    // Moq and NSubstitute derive from the class; the double overrides the virtual members a test calls and sends nothing.
    private static void WriteFakingConstructor(SourceWriter writer, ApiSpec api, string className, string groupPath)
    {
        writer.WriteLine("/// <summary>For test doubles (Moq, NSubstitute): sends nothing; fake the virtual members a test calls.</summary>");
        writer.OpenBlock($"protected {className}()");
        writer.WriteLine("_connection = null!;");
        foreach (GroupSpec child in ChildGroups(api, groupPath))
        {
            writer.WriteLine($"{child.PropertyName} = null!;");
        }

        writer.CloseBlock();
    }

    private static IEnumerable<GroupSpec> ChildGroups(ApiSpec api, string parentPath) => api.Groups.Where(g => g.ParentPath == parentPath);

    private static void WriteGroupProperties(SourceWriter writer, ApiSpec api, string parentPath)
    {
        foreach (GroupSpec child in ChildGroups(api, parentPath))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The <c>{child.Path}</c> operations.</summary>");
            writer.WriteLine($"public virtual {child.ClassName} {child.PropertyName} {{ get; }}");
        }
    }

    private static void WriteOperations(SourceWriter writer, ApiSpec api, string groupPath)
    {
        var writtenTables = new HashSet<string>(StringComparer.Ordinal);
        foreach (OperationSpec operation in api.Operations.Where(o => o.GroupPath == groupPath))
        {
            StreamEmitter.WriteReaderField(writer, api, operation);
            writer.WriteLine();
            OperationEmitter.Write(writer, api, operation, writtenTables);
        }
    }
}
