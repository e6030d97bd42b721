using OpenApiClientGen.Model;

namespace OpenApiClientGen.Emitting;

/// <summary>Writes <c>services.Add{Client}(o => ...)</c>, which registers the client as a typed <c>IHttpClientFactory</c> client.</summary>
internal static class DependencyInjectionEmitter
{
    private const string DependencyInjection = "global::Microsoft.Extensions.DependencyInjection";

    public static string ClassName(string clientName) => clientName + "ServiceCollectionExtensions";

    public static GeneratedFile Emit(DependencyInjectionTarget target)
    {
        string client = target.ClientName;
        string options = client + "Options";
        var writer = new SourceWriter();
        writer.WriteLines(CSharp.FileHeader(target.Namespace));
        writer.WriteLine($"/// <summary>Registers <see cref=\"{client}\"/> with dependency injection.</summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"public static class {ClassName(client)}");
        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// Registers <see cref=\"{client}\"/> as a typed client of <c>IHttpClientFactory</c>. The returned builder takes");
        writer.WriteLine("/// further handlers, for example <c>.AddStandardResilienceHandler()</c>.");
        writer.WriteLine($"/// </summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets the base address, credentials and headers, once, for every client instance.</param>");
        writer.WriteLine($"public static {DependencyInjection}.IHttpClientBuilder Add{client}(");
        writer.Indent();
        writer.WriteLine($"this {DependencyInjection}.IServiceCollection services,");
        writer.WriteLine($"global::System.Action<{options}>? configure = null)");
        writer.Unindent();
        writer.OpenBlock("");
        writer.WriteLine($"var options = new {options}();");
        writer.WriteLine("configure?.Invoke(options);");
        writer.WriteLine($"{DependencyInjection}.IHttpClientBuilder builder = {DependencyInjection}.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, {SpecText.Literal(client)});");
        writer.WriteLine($"return {DependencyInjection}.HttpClientBuilderExtensions.AddTypedClient<{client}>(");
        writer.Indent();
        writer.WriteLine("builder,");
        writer.WriteLine($"(global::System.Net.Http.HttpClient httpClient, global::System.IServiceProvider _) => new {client}(httpClient, options));");
        writer.Unindent();
        writer.CloseBlock();
        writer.CloseBlock();
        return new GeneratedFile($"{client}.DependencyInjection.{ClassName(client)}.g.cs", writer.ToString());
    }
}
