using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The generator as a user gets it: packed to a local feed, referenced by throwaway projects through nothing but a
/// PackageReference and an &lt;OpenApiClient&gt; item, and built as users build.
/// </summary>
public sealed class PackageTests : IClassFixture<PackageTests.PackedFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private readonly PackedFeed _feed;

    public PackageTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public async Task A_project_using_only_the_package_builds_a_client_and_regenerates_after_a_spec_edit()
    {
        await _feed.EnsurePackedAsync();
        string consumer = _feed.NewConsumer("edit");
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
                <PackageReference Include="OpenApiClientGen" Version="{_feed.Version}" />
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
        string generatedFolder = Directory.GetDirectories(Path.Combine(consumer, "obj"), "OpenApiClientGen.OpenApiClientGenerator", SearchOption.AllDirectories).Single();
        string thingFile = Path.Combine(generatedFolder, "ThingsClient.Model.Thing.g.cs");
        // [GeneratedCode] carries the version of the package that generated the file.
        Assert.Contains($"GeneratedCode(\"OpenApiClientGen\", \"{_feed.Version}\")", File.ReadAllText(thingFile));

        File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: true));
        File.AppendAllText(Path.Combine(consumer, "Program.cs"), "System.Func<System.Threading.Tasks.Task> remove = () => client.DeleteThingAsync(\"1\");\n");
        await Dotnet("build", consumer);

        string generated = Directory.GetFiles(generatedFolder, "ThingsClient.Client.ThingsClient.g.cs").Single();
        Assert.Contains("DeleteThingAsync", File.ReadAllText(generated));

        // A renamed schema leaves no stale file in the emitted folder.
        File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: true).Replace("Thing'", "Gadget'", StringComparison.Ordinal).Replace("    Thing:", "    Gadget:", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using var client = new Consumer.Api.ThingsClient(new System.Net.Http.HttpClient());
            System.Func<System.Threading.Tasks.Task<Consumer.Api.Gadget>> call = () => client.GetThingAsync("1");
            """);
        await Dotnet("build", consumer);
        Assert.False(File.Exists(thingFile), "the file of the renamed schema survived the rebuild");
        Assert.True(File.Exists(Path.Combine(generatedFolder, "ThingsClient.Model.Gadget.g.cs")));

        // dotnet watch follows the spec.
        (int exitCode, string output) = await ProcessRunner.RunAsync("dotnet", "msbuild -getItem:Watch", consumer, Timeout);
        Assert.Equal(0, exitCode);
        Assert.Contains("api.yaml", output);

        // The builds above ran in the compiler server with the project's generators kept between builds, the spec
        // edits included; a project can leave the compiler's default.
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "msbuild -getProperty:Features", consumer, Timeout);
        Assert.Equal(0, exitCode);
        Assert.Contains("enable-generator-cache", output);
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "msbuild -getProperty:Features -p:OpenApiClientGenCompilerCache=false", consumer, Timeout);
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("enable-generator-cache", output);

        // A broken spec fails the build with an error at the spec's line, not a generator crash.
        File.WriteAllText(Path.Combine(consumer, "api.yaml"), "openapi: 3.1.0\ninfo: {title: Things, version: '1'}\npaths:\n  /things: [unclosed\n");
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"api\.yaml\(5,1\): error OACG0001", output);
        Assert.DoesNotContain("CS8785", output);

        // The item's other metadata reaches the generator too: a value it cannot take is reported by name.
        File.WriteAllText(Path.Combine(consumer, "api.yaml"), Spec(includeDelete: true));
        string consumerProject = Path.Combine(consumer, "Consumer.csproj");
        string project = File.ReadAllText(consumerProject);
        File.WriteAllText(consumerProject, project.Replace("ClientName=\"ThingsClient\"", "ClientName=\"ThingsClient\" ShareIdenticalTypes=\"maybe\"", StringComparison.Ordinal));
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"error OACG0008: .*ShareIdenticalTypes", output);

        // A spec path that names no file is said so, not reported as an empty document.
        File.WriteAllText(consumerProject, project.Replace("Include=\"api.yaml\"", "Include=\"apis.yaml\"", StringComparison.Ordinal));
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"apis\.yaml\(1,1\): error OACG0020: The spec file '.*apis\.yaml' does not exist", output);
        Assert.DoesNotContain("OACG0002", output);

        // A compiler older than the package's analyzer folder gets one message before the compile.
        File.WriteAllText(consumerProject, project);
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build -p:CompilerApiVersion=roslyn4.8", consumer, Timeout);
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"error OACG0022: OpenApiClientGen needs a C# compiler of Roslyn 4\.14 or later", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public async Task Consumers_on_every_target_build_with_no_warning_and_an_old_language_version_gets_one_error()
    {
        await _feed.EnsurePackedAsync();
        string consumer = _feed.NewConsumer("targets");
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "tests", "Specs", "petstore.yaml"), Path.Combine(consumer, "petstore.yaml"));
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "tests", "Specs", "models.yaml"), Path.Combine(consumer, "models.yaml"));
        File.WriteAllText(Path.Combine(consumer, "Library.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net48;net8.0;net10.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <!-- netstandard2.0 and .NET Framework default to C# 7.3; 11 is the lowest the client compiles with. net8.0 and net10.0 keep their default. -->
              <PropertyGroup Condition="'$(TargetFramework)' == 'netstandard2.0' or '$(TargetFramework)' == 'net48'">
                <LangVersion>11</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenApiClientGen" Version="{_feed.Version}" />
                <PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />
                <OpenApiClient Include="petstore.yaml" Namespace="Library.PetStore" ClientName="PetStoreClient" />
                <OpenApiClient Include="models.yaml" Namespace="Library.Models" ClientName="ModelsClient" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Clients.cs"), """
            namespace Library;

            /// <summary>Makes the generated clients.</summary>
            public static class Clients
            {
                /// <summary>The pet store client.</summary>
                public static PetStore.PetStoreClient PetStore(System.Net.Http.HttpClient http) => new(http);

                /// <summary>The models client.</summary>
                public static Models.ModelsClient Models(System.Net.Http.HttpClient http) => new(http);
            }
            """);

        (int exitCode, string output) = await ProcessRunner.RunAsync("dotnet", "build", consumer, Timeout);
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"\b0 Warning\(s\)", output);
        foreach (string framework in new[] { "netstandard2.0", "net48", "net8.0", "net10.0" })
        {
            Assert.True(File.Exists(Path.Combine(consumer, "bin", "Debug", framework, "Library.dll")), framework + " was not built");
        }

        // Below C# 11 one error per spec explains, instead of one per required member.
        (exitCode, output) = await ProcessRunner.RunAsync("dotnet", "build -f net8.0 -p:LangVersion=10", consumer, Timeout);
        Assert.NotEqual(0, exitCode);
        string[] languageErrors = output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("error OACG0021", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.Equal(2, languageErrors.Length);
        Assert.All(languageErrors, e => Assert.Contains("The generated client needs C# 11 or later and this project compiles as C# 10", e));
        Assert.DoesNotContain("CS8936", output);
        Assert.DoesNotContain("CS8370", output);
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

    /// <summary>Both packages, packed once for the class at a version of their own, on a local feed.</summary>
    public sealed class PackedFeed : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private bool _packed;

        public PackedFeed()
        {
            Work = Path.Combine(Path.GetTempPath(), "oacg-package-" + Guid.NewGuid().ToString("N")[..8]);
            Feed = Path.Combine(Work, "feed");
            // A version of its own, so the package cache never serves an older build of the generator.
            Version = "0.0.1-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        }

        public string Work { get; }

        public string Feed { get; }

        public string Version { get; }

        public async Task EnsurePackedAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_packed)
                {
                    return;
                }

                foreach (string project in new[] { "runtime/OpenApiClientGen.Runtime/OpenApiClientGen.Runtime.csproj", "generator/OpenApiClientGen/OpenApiClientGen.csproj" })
                {
                    (int exitCode, string output) = await ProcessRunner.RunAsync("dotnet", $"pack \"{Path.Combine(TestPaths.RepositoryRoot, project)}\" -c Release -o \"{Feed}\" -p:Version={Version}", TestPaths.RepositoryRoot, Timeout);
                    Assert.True(exitCode == 0, output);
                    Assert.DoesNotMatch(@"\): warning ", output);
                }

                AssertGeneratorPackage(Path.Combine(Feed, $"OpenApiClientGen.{Version}.nupkg"), Version);
                AssertRuntimePackage(Path.Combine(Feed, $"OpenApiClientGen.Runtime.{Version}.nupkg"));
                _packed = true;
            }
            finally
            {
                _gate.Release();
            }
        }

        public string NewConsumer(string name)
        {
            string consumer = Path.Combine(Work, name);
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);
            return consumer;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static void AssertGeneratorPackage(string package, string version)
        {
            using ZipArchive archive = ZipFile.OpenRead(package);
            string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
            const string analyzers = "analyzers/dotnet/roslyn4.14/cs/";
            Assert.Contains(analyzers + "OpenApiClientGen.dll", entries);
            Assert.Contains(analyzers + "Microsoft.OpenApi.dll", entries);
            Assert.Contains(analyzers + "YamlDotNet.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
            Assert.Contains("build/OpenApiClientGen.props", entries);
            Assert.Contains("build/OpenApiClientGen.targets", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

            string manifest = Manifest(archive);
            Assert.Contains("id=\"OpenApiClientGen.Runtime\"", manifest);
            Assert.DoesNotContain("id=\"Microsoft.OpenApi\"", manifest);
            Assert.DoesNotContain("id=\"YamlDotNet\"", manifest);
            AssertMetadata(archive, manifest);

            // The nuget.org readme is written for nuget.org: every link is absolute, and the version is not pinned.
            string readme = Entry(archive, "README.md");
            Assert.Contains("<OpenApiClient Include=", readme);
            Assert.DoesNotMatch(@"\]\((?!https://)", readme);
            Assert.DoesNotContain("0.1.0", readme);

            AssertPortable(archive, analyzers + "OpenApiClientGen.dll");
            Assert.DoesNotContain(version, Entry(archive, "build/OpenApiClientGen.targets"));

            // Packed on linux-x64, the generator and its libraries are precompiled for the compiler's runtime, and
            // still carry their IL for every other one.
            bool precompiled = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;
            foreach (string dll in new[] { "OpenApiClientGen.dll", "Microsoft.OpenApi.dll", "YamlDotNet.dll" })
            {
                using var buffer = new MemoryStream();
                using (Stream file = archive.Entries.Single(e => e.FullName == analyzers + dll).Open())
                {
                    file.CopyTo(buffer);
                }

                buffer.Position = 0;
                using var pe = new PEReader(buffer);
                Assert.True(pe.HasMetadata, dll);
                Assert.True(precompiled == (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0), $"{dll}: precompiled is {!precompiled}");
            }
        }

        private static void AssertRuntimePackage(string package)
        {
            using ZipArchive archive = ZipFile.OpenRead(package);
            AssertMetadata(archive, Manifest(archive));
            AssertPortable(archive, "lib/netstandard2.0/OpenApiClientGen.Runtime.dll");
            AssertPortable(archive, "lib/net8.0/OpenApiClientGen.Runtime.dll");
        }

        private static void AssertMetadata(ZipArchive archive, string manifest)
        {
            Assert.Matches(@"<projectUrl>https://[^<]+</projectUrl>", manifest);
            Assert.Matches(@"<repository type=""git"" url=""https://[^""]+"" (branch=""main"" )?commit=""[0-9a-f]{40}""", manifest);
            Assert.Contains("<icon>icon.png</icon>", manifest);
            Assert.Contains("<readme>README.md</readme>", manifest);
            Assert.Matches(@"<copyright>[^<]+</copyright>", manifest);
            Assert.Matches(@"<tags>[^<]*openapi[^<]*</tags>", manifest);
            Assert.Contains(archive.Entries, e => e.FullName == "icon.png");
        }

        // The PDB is embedded, maps sources through SourceLink and holds no path of the machine that built it.
        private static void AssertPortable(ZipArchive archive, string entryName)
        {
            using var buffer = new MemoryStream();
            using (Stream dll = archive.Entries.Single(e => e.FullName == entryName).Open())
            {
                dll.CopyTo(buffer);
            }

            buffer.Position = 0;
            using var pe = new PEReader(buffer);
            DebugDirectoryEntry embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            using MetadataReaderProvider pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            MetadataReader pdb = pdbProvider.GetMetadataReader();
            string[] documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToArray();
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.StartsWith("/_/", d, StringComparison.Ordinal));

            var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
            string sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == sourceLinkKind)
                .Select(c => System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
                .Single();
            Assert.Matches(@"""/_/\*"":""https://raw\.githubusercontent\.com/[^""]+/[0-9a-f]{40}/\*""", sourceLink);
            Assert.DoesNotContain(TestPaths.RepositoryRoot.TrimEnd('/'), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        private static string Manifest(ZipArchive archive) =>
            Entry(archive, archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName);

        private static string Entry(ZipArchive archive, string name)
        {
            using var reader = new StreamReader(archive.Entries.Single(e => e.FullName == name).Open());
            return reader.ReadToEnd();
        }
    }
}
