using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using PublicApiGenerator;
using Xunit;
using Xunit.Sdk;

namespace OpenApiClientGen.Runtime.Tests.PublicApi;

/// <summary>
/// The runtime's public API, compared with the committed <c>PublicApi/runtime.{target}.txt</c>, so that every change
/// to what users and generated code can call shows in review. The netstandard2.0 build has a baseline of its own:
/// members that need newer frameworks (<c>DateOnly</c> codecs, say) are absent there. Set
/// <c>OACG_UPDATE_BASELINES=1</c> to rewrite the baseline; a mismatch writes <c>*.received.txt</c> beside it.
/// </summary>
public sealed class PublicApiTests
{
#if RUNTIME_NETSTANDARD
    private const string Target = "netstandard2.0";
#else
    private const string Target = "net8.0";
#endif

    [Fact]
    public void The_public_api_matches_the_baseline()
    {
        Assembly runtime = typeof(ApiConnection).Assembly;
        string actual = runtime.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The informational version carries the commit; the rest of the assembly's attributes say nothing about its API.
            IncludeAssemblyAttributes = false,
            // It names a compiler-generated class whose number changes when another iterator is added.
            ExcludeAttributes = new[] { "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute" },
        }).Replace("\r\n", "\n") + HiddenTypes(runtime);
        string path = Path.Combine(Directory(), $"runtime.{Target}.txt");
        string received = Path.ChangeExtension(path, ".received.txt");
        if (Environment.GetEnvironmentVariable("OACG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        string? expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        throw new XunitException(
            $"The runtime's public API differs from PublicApi/{Path.GetFileName(path)} (the new one is in {Path.GetFileName(received)}). " +
            "If the change is intended, rerun with OACG_UPDATE_BASELINES=1 and review the diff.");
    }

    // PublicApiGenerator leaves [EditorBrowsable] out, yet which types only generated code calls is part of the design.
    private static string HiddenTypes(Assembly runtime) =>
        "\n// Hidden from code completion ([EditorBrowsable(Never)]): called by generated code only.\n" +
        string.Concat(runtime.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never)
            .Select(t => $"// {t.FullName}\n")
            .OrderBy(line => line, StringComparer.Ordinal));

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
