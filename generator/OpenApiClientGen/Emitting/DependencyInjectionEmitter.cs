namespace OpenApiClientGen.Emitting;

/// <summary>
/// Writes <c>services.Add{Client}(o => ...)</c> and, where the project has <c>IConfiguration</c>,
/// <c>services.Add{Client}(configuration)</c>: the client as a typed <c>IHttpClientFactory</c> client whose options
/// come from <c>IOptionsMonitor</c>, so that a reloaded credential is sent by the next request.
/// </summary>
internal static class DependencyInjectionEmitter
{
    private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";
    private const string OptionsNamespace = "global::Microsoft.Extensions.Options";
    private const string Configuration = "global::Microsoft.Extensions.Configuration";

    public static GeneratedFile Emit(DependencyInjectionTarget target, DependencyInjectionHost host)
    {
        ClientNames names = target.Names;
        string client = names.Client;
        string options = names.Options;
        var writer = SourceWriter.ForFile(names.Namespace);
        writer.WriteLine($"/// <summary>Registers <see cref=\"{client}\"/> with dependency injection.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public static class {names.ServiceCollectionExtensions}");
        WriteSummary(writer, client);
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets the base address, credentials and headers; it runs when the options are first needed.</param>");
        OpenAddMethod(writer, names, $"global::System.Action<{options}>? configure = null");
        writer.WriteLine($"{DependencyInjection}.OptionsServiceCollectionExtensions.AddOptions(services);");
        writer.OpenBlock("if (configure is not null)");
        writer.WriteLine($"{DependencyInjection}.OptionsServiceCollectionExtensions.Configure(services, configure);");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("return AddClient(services);");
        writer.CloseBlock();
        if (host == DependencyInjectionHost.HttpClientFactoryAndConfiguration)
        {
            writer.WriteLine();
            WriteConfigurationOverload(writer, names);
        }

        writer.WriteLine();
        writer.OpenBlock($"private static {DependencyInjection}.IHttpClientBuilder AddClient({DependencyInjection}.IServiceCollection services)");
        writer.WriteLine($"{DependencyInjection}.IHttpClientBuilder builder = {DependencyInjection}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, {SpecText.Literal(client)});");
        writer.WriteLine("// The connection follows redirects itself, and never with a credential to another origin; a handler that followed them would.");
        writer.WriteLine($"{DependencyInjection}.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(builder, static () => {CSharp.Runtime}ApiConnection.CreatePrimaryHandler());");
        writer.WriteLine($"return {DependencyInjection}.HttpClientBuilderExtensions.AddTypedClient<{client}>(");
        writer.Indent();
        writer.WriteLine("builder,");
        writer.OpenBlock("static (global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider provider) =>");
        writer.WriteLine($"{OptionsNamespace}.IOptionsMonitor<{options}> options = {DependencyInjection}.ServiceProviderServiceExtensions.GetRequiredService<{OptionsNamespace}.IOptionsMonitor<{options}>>(provider);");
        writer.WriteLine($"return new {client}(httpClient, () => options.CurrentValue);");
        writer.CloseBlock("});");
        writer.Unindent();
        writer.CloseBlock();
        if (host == DependencyInjectionHost.HttpClientFactoryAndConfiguration)
        {
            writer.WriteLine();
            WriteReloadSource(writer, options);
        }

        writer.CloseBlock();
        return new GeneratedFile($"{client}.DependencyInjection.{names.ServiceCollectionExtensions}.g.cs", writer.ToString());
    }

    /// <summary>Opens <c>services.Add{Client}(...)</c>, whose parameter after the services is <paramref name="parameter"/>.</summary>
    private static void OpenAddMethod(SourceWriter writer, ClientNames names, string parameter)
    {
        writer.WriteLine($"public static {DependencyInjection}.IHttpClientBuilder {names.AddClientMethod}(");
        writer.Indent();
        writer.WriteLine($"this {DependencyInjection}.IServiceCollection services,");
        writer.WriteLine(parameter + ")");
        writer.Unindent();
        writer.OpenBlock("");
    }

    private static void WriteSummary(SourceWriter writer, string client)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Registers <see cref=\"{client}\"/> as a typed client of <c>IHttpClientFactory</c>. The returned builder takes");
        writer.WriteLine("/// further handlers, for example <c>.AddStandardResilienceHandler()</c>.");
        writer.WriteLine("/// </summary>");
    }

    private static void WriteConfigurationOverload(SourceWriter writer, ClientNames names)
    {
        string client = names.Client;
        string options = names.Options;
        WriteSummary(writer, client);
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// The options are bound from <paramref name=\"configuration\"/>, whose keys are their names (<c>ApiKey</c>,");
        writer.WriteLine("/// <c>BaseAddress</c>, <c>MaxRetries</c>, <c>DefaultHeaders:X-Name</c>, <c>Credentials:scheme</c>), read by");
        writer.WriteLine($"/// <see cref=\"{CSharp.Runtime}ApiClientOptions.Bind\"/> without reflection. When the configuration reloads, the next");
        writer.WriteLine("/// request uses the new values.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configuration\">The client's section, for example <c>configuration.GetSection(\"Api\")</c>.</param>");
        OpenAddMethod(writer, names, $"{Configuration}.IConfiguration configuration");
        writer.OpenBlock("if (configuration is null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(configuration));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"{DependencyInjection}.OptionsServiceCollectionExtensions.Configure<{options}>(");
        writer.Indent();
        writer.WriteLine("services,");
        writer.WriteLine($"options => options.Bind({Configuration}.ConfigurationExtensions.AsEnumerable(configuration, makePathsRelative: true)));");
        writer.Unindent();
        writer.WriteLine($"{DependencyInjection}.ServiceCollectionServiceExtensions.AddSingleton<{OptionsNamespace}.IOptionsChangeTokenSource<{options}>>(services, new ConfigurationReloads(configuration));");
        writer.WriteLine("return AddClient(services);");
        writer.CloseBlock();
    }

    private static void WriteReloadSource(SourceWriter writer, string options)
    {
        writer.OpenBlock($"private sealed class ConfigurationReloads : {OptionsNamespace}.IOptionsChangeTokenSource<{options}>");
        writer.WriteLine($"private readonly {Configuration}.IConfiguration _configuration;");
        writer.WriteLine();
        writer.WriteLine($"public ConfigurationReloads({Configuration}.IConfiguration configuration) => _configuration = configuration;");
        writer.WriteLine();
        writer.WriteLine($"public string Name => {OptionsNamespace}.Options.DefaultName;");
        writer.WriteLine();
        writer.WriteLine("public global::Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => _configuration.GetReloadToken();");
        writer.CloseBlock();
    }
}
