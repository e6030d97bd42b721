using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The generator as a user gets it: packed to a local feed, referenced by a throwaway project through
/// nothing but a PackageReference and an &lt;OpenApiClient&gt; item, built, then rebuilt after a spec edit.
/// </summary>
public sealed class PackageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_project_using_only_the_package_builds_a_client_and_regenerates_after_a_spec_edit()
    {
        string work = Path.Combine(Path.GetTempPath(), "oacg-package-" + Guid.NewGuid().ToString("N")[..8]);
        string feed = Path.Combine(work, "feed");
        string consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(consumer);
        // A version of its own, so the package cache never serves an older build of the generator.
        string version = "0.0.1-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        try
        {
            foreach (string project in new[] { "runtime/OpenApiClientGen.Runtime/OpenApiClientGen.Runtime.csproj", "generator/OpenApiClientGen/OpenApiClientGen.csproj" })
            {
                await Dotnet($"pack \"{Path.Combine(TestPaths.RepositoryRoot, project)}\" -c Release -o \"{feed}\" -p:Version={version}", TestPaths.RepositoryRoot);
            }

            AssertPackageLayout(Path.Combine(feed, $"OpenApiClientGen.{version}.nupkg"));

            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OpenApiClientGen" Version="{version}" />
                    <OpenApiClient Include="api.yaml" Namespace="Consumer.Api" ClientName="ThingsClient" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: false));
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using var client = new Consumer.Api.ThingsClient(new System.Net.Http.HttpClient());
                System.Console.WriteLine(client.GetType().Name);
                System.Func<System.Threading.Tasks.Task<Consumer.Api.Thing>> call = () => client.GetThingAsync("1");
                """);

            await Dotnet("build", consumer);

            File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: true));
            File.AppendAllText(Path.Combine(consumer, "Program.cs"), "System.Func<System.Threading.Tasks.Task> remove = () => client.DeleteThingAsync(\"1\");\n");
            await Dotnet("build", consumer);

            string generated = Directory.GetFiles(Path.Combine(consumer, "obj"), "ThingsClient.Client.ThingsClient.g.cs", SearchOption.AllDirectories).Single();
            Assert.Contains("DeleteThingAsync", File.ReadAllText(generated));

            // A broken spec fails the build with an error at the spec's line, not a generator crash.
            File.WriteAllText(Path.Combine(consumer, "api.yaml"), "openapi: 3.1.0\ninfo: {title: Things, version: '1'}\npaths:\n  /things: [unclosed\n");
            (int exitCode, string output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
            Assert.NotEqual(0, exitCode);
            Assert.Matches(@"api\.yaml\(5,1\): error OACG0001", output);
            Assert.DoesNotContain("CS8785", output);

            // The item's other metadata reaches the generator too: a value it cannot take is reported by name.
            File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: true));
            string consumerProject = Path.Combine(consumer, "Consumer.csproj");
            File.WriteAllText(consumerProject, File.ReadAllText(consumerProject).Replace("ClientName=\"ThingsClient\"", "ClientName=\"ThingsClient\" ShareIdenticalTypes=\"maybe\"", StringComparison.Ordinal));
            (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
            Assert.NotEqual(0, exitCode);
            Assert.Matches(@"error OACG0008: .*ShareIdenticalTypes", output);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void AssertPackageLayout(string package)
    {
        using ZipArchive archive = ZipFile.OpenRead(package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("analyzers/dotnet/cs/OpenApiClientGen.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Microsoft.OpenApi.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/OpenApiClientGen.props", entries);
        Assert.Contains("build/OpenApiClientGen.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        string manifest = nuspec.ReadToEnd();
        Assert.Contains("id=\"OpenApiClientGen.Runtime\"", manifest);
        Assert.DoesNotContain("id=\"Microsoft.OpenApi\"", manifest);
        Assert.DoesNotContain("id=\"YamlDotNet\"", manifest);
    }

    private static async Task Dotnet(string arguments, string directory)
    {
        (int exitCode, string output) = await ProcessRunner.RunAsync("dotnet", arguments, directory, Timeout);
        Assert.True(exitCode == 0, $"dotnet {arguments} failed with {exitCode}:\n{output}");
    }

    private static string Spec(bool includeDelete) => $$$"""
        openapi: 3.1.0
        info: {title: Things, version: '1'}
        servers: [{url: 'https://things.example.com'}]
        paths:
          /things/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            get:
              operationId: getThing
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        {{{(includeDelete ? "    delete:\n      operationId: deleteThing\n      responses:\n        '204': {description: gone}\n" : "")}}}components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
        """;
}
