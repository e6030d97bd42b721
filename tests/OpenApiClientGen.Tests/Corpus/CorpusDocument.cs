using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;

namespace OpenApiClientGen.Tests.Corpus;

/// <summary>A real-world document from the shared corpus or the vendors' reference documents, with the files it points into.</summary>
public sealed record CorpusDocument(string Name, string SpecPath, long Bytes, IReadOnlyList<string> ReferencedPaths)
{
    /// <summary>Documents at or above this size run only in the full corpus run.</summary>
    public const long FastRunLimit = 1_000_000;

    /// <summary><c>OACG_CORPUS=full</c> runs every document; without it only those under <see cref="FastRunLimit"/>.</summary>
    public static bool FullRun => string.Equals(Environment.GetEnvironmentVariable("OACG_CORPUS"), "full", StringComparison.OrdinalIgnoreCase);

    public bool InFastRun => Bytes < FastRunLimit;

    public SpecInput[] Inputs() =>
        new[] { new SpecInput(SpecPath, File.ReadAllText(SpecPath), Namespace: "Corpus", ClientName: "CorpusClient") }
            .Concat(ReferencedPaths.Select(p => new SpecInput(p, File.ReadAllText(p), Role: "reference")))
            .ToArray();

    /// <summary>The 35 corpus documents listed in MANIFEST.tsv, then the reference documents; empty without the shared folder.</summary>
    public static IReadOnlyList<CorpusDocument> All { get; } = Load();

    public static CorpusDocument Named(string name) => All.Single(d => d.Name == name);

    private static IReadOnlyList<CorpusDocument> Load()
    {
        if (!TestPaths.SharedAvailable)
        {
            return Array.Empty<CorpusDocument>();
        }

        var documents = new List<CorpusDocument>();
        string[] manifest = File.ReadAllLines(TestPaths.Shared("corpus/MANIFEST.tsv"));
        string[] header = manifest[0].Split('\t');
        int fileColumn = Array.IndexOf(header, "file");
        foreach (string line in manifest.Skip(1).Where(l => l.Length > 0))
        {
            string file = line.Split('\t')[fileColumn];
            documents.Add(FromPath("corpus/" + file, file));
        }

        string[] references =
        {
            "reference-specs/mistral/openapi.yaml",
            "reference-specs/orq/openapi.yaml",
            "reference-specs/pieces/sdk-csharp-bundled/openapi.yaml",
            "reference-specs/pipeshub/pipeshub-openapi.yaml",
            "reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml",
            "reference-specs/pipeshub/with-conversations-create/pipeshub-openapi.yaml",
        };
        documents.AddRange(references.Select(r => FromPath(r, r)));

        CorpusDocument pieces = FromPath("reference-specs/pieces/spec/modules/core/isomorphic.openapi.yaml", "reference-specs/pieces/spec (two files)");
        documents.Add(pieces with { ReferencedPaths = new[] { TestPaths.Shared("reference-specs/pieces/spec/common/runtime_common_library.yaml") } });
        return documents;
    }

    private static CorpusDocument FromPath(string relativePath, string name)
    {
        string path = TestPaths.Shared(relativePath);
        return new CorpusDocument(name, path, new FileInfo(path).Length, Array.Empty<string>());
    }
}
