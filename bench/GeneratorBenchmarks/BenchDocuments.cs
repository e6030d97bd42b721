using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GeneratorBenchmarks;

/// <summary>The documents measured: the vendors' reference documents and the two largest corpus documents, read in place.</summary>
public static class BenchDocuments
{
    public static string SharedDirectory { get; } = FindShared();

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mistral"] = "reference-specs/mistral/openapi.yaml",
        ["orq"] = "reference-specs/orq/openapi.yaml",
        ["pieces"] = "reference-specs/pieces/sdk-csharp-bundled/openapi.yaml",
        ["pipeshub"] = "reference-specs/pipeshub/pipeshub-openapi.yaml",
        ["pipeshub-sdk"] = "reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml",
        ["github"] = "corpus/github__api.github.com.json",
        ["stripe"] = "corpus/stripe__spec3.yaml",
    };

    /// <summary>All documents, or those named in <c>OACG_BENCH_DOCS</c> (comma-separated), to keep a run short.</summary>
    public static IEnumerable<string> Names =>
        Environment.GetEnvironmentVariable("OACG_BENCH_DOCS") is { Length: > 0 } only ? only.Split(',').Where(All.ContainsKey) : All.Keys;

    public static string PathOf(string name) => Path.Combine(SharedDirectory, All[name]);

    public static string TextOf(string name) => File.ReadAllText(PathOf(name));

    // BenchmarkDotNet runs each benchmark from a generated project under bin/, so walk up until ../shared appears.
    private static string FindShared()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null)
        {
            string candidate = Path.Combine(directory, "shared");
            if (Directory.Exists(Path.Combine(candidate, "reference-specs")))
            {
                return candidate;
            }

            directory = Path.GetDirectoryName(directory);
        }

        return Environment.GetEnvironmentVariable("OACG_SHARED") ?? throw new DirectoryNotFoundException("Set OACG_SHARED to the shared folder with reference-specs/ and corpus/.");
    }
}
