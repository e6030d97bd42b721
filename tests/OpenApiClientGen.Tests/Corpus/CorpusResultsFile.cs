using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OpenApiClientGen.Tests.Infrastructure;

namespace OpenApiClientGen.Tests.Corpus;

/// <summary>
/// <c>tests/corpus-results.md</c>: one row per document. Each run rewrites the rows of the documents it ran and keeps
/// the others as the last full run left them, so the fast run never erases the large documents' results.
/// </summary>
public static class CorpusResultsFile
{
    private static readonly object Gate = new();

    /// <summary>Why a document is not clean, where the first diagnostic alone does not say it; checked by hand against the document.</summary>
    private static readonly Dictionary<string, string> Notes = new(StringComparer.Ordinal)
    {
        ["spotify__official-spotify-open-api.yml"] =
            "The document is wrong: the image upload's body schema says `required: true` (line 2596), where JSON Schema needs a list of property names. The keyword is ignored with a warning (OACG0011); everything is generated.",
        ["slack__slack_web_openapi_v2.json"] =
            "The document is wrong for Swagger 2.0: 19 schemas give `items` as a list (JSON Schema draft 4 tuples) and 32 places give a list or map where a single value belongs. The rest is generated.",
        ["reference-specs/pieces/sdk-csharp-bundled/openapi.yaml"] =
            "Compiles; the warnings are right: 32 operations are marked `[WS]` in their summaries without `x-websocket`. The 30 whose 200 response is JSON stream it over a WebSocket (info OACG0024); the stream health check (plain text) and the conversation identifiers (no content) describe no message and stay plain HTTP calls. The project's specs/pieces.yaml adds the extension to the stream its client uses.",
        ["reference-specs/pieces/spec (two files)"] =
            "Compiles; the warnings are right, as for the bundled document: of the 17 operations marked `[WS]` without `x-websocket`, the two that describe no JSON message stay plain HTTP calls; the others stream theirs over a WebSocket.",
    };

    public static string FilePath { get; } = Path.Combine(TestPaths.RepositoryRoot, "tests", "corpus-results.md");

    public static void Record(CorpusDocument document, CorpusOutcome outcome)
    {
        lock (Gate)
        {
            Dictionary<string, string> rows = ReadRows();
            rows[document.Name] = Row(document, outcome);
            File.WriteAllText(FilePath, Render(rows));
        }
    }

    private static Dictionary<string, string> ReadRows()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
        {
            return rows;
        }

        foreach (string line in File.ReadAllLines(FilePath).Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            int end = line.IndexOf('`', 3);
            rows[line.Substring(3, end - 3)] = line;
        }

        return rows;
    }

    private static string Render(Dictionary<string, string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Corpus results");
        text.AppendLine();
        text.AppendLine("Written by `CorpusTests` (tests/OpenApiClientGen.Tests/Corpus). Each document is generated on a 1 MB stack and its");
        text.AppendLine("output compiled; warnings count separately even though the tests compile with warnings as errors. The default run");
        text.AppendLine($"covers documents under {CorpusDocument.FastRunLimit / 1_000_000} MB; `OACG_CORPUS=full dotnet test tests/OpenApiClientGen.Tests --filter CorpusTests` runs");
        text.AppendLine("them all. \"failed\" (a generator crash, a hang, or output that does not compile without a generator error saying why)");
        text.AppendLine("fails the test.");
        text.AppendLine();

        var results = rows.Values.Select(r => r.Split('|')[3].Trim()).ToList();
        text.AppendLine("| result | documents |");
        text.AppendLine("| --- | --- |");
        foreach (CorpusResult result in Enum.GetValues<CorpusResult>())
        {
            text.AppendLine($"| {Label(result)} | {results.Count(r => r == Label(result))} |");
        }

        text.AppendLine();
        int machineNames = rows.Values.Sum(r => int.TryParse(r.Split('|')[6].Trim(), out int count) ? count : 0);
        text.AppendLine("Machine-looking public names (`MachineNames`: types ending in `Variant1`, `404Error` or `Item`, methods that spell");
        text.AppendLine($"a version or end in an HTTP method) across these documents: {machineNames}.");
        text.AppendLine();
        text.AppendLine("| document | size | result | files | generated | machine-looking names | generator diagnostics | compiler diagnostics | reason |");
        text.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | --- | --- | --- |");
        foreach (CorpusDocument document in CorpusDocument.All)
        {
            text.AppendLine(rows.TryGetValue(document.Name, out string? row) ? row : $"| `{document.Name}` | {Size(document.Bytes)} | not run yet | | | | | | |");
        }

        text.AppendLine();
        text.AppendLine("## Notes on documents that are not clean");
        text.AppendLine();
        foreach (KeyValuePair<string, string> note in Notes.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"- `{note.Key}`: {note.Value}");
        }

        return text.ToString();
    }

    private static string Row(CorpusDocument document, CorpusOutcome outcome) =>
        $"| `{document.Name}` | {Size(document.Bytes)} | {Label(outcome.Result)} | {outcome.Files} | {Size(outcome.GeneratedBytes)} | {outcome.MachineNames} | {outcome.GeneratorDiagnostics} | {outcome.CompilerDiagnostics} | {Cell(outcome.Reason)} |";

    public static string Label(CorpusResult result) => result switch
    {
        CorpusResult.CompiledClean => "compiled clean",
        CorpusResult.CompiledWithWarnings => "compiled with warnings",
        CorpusResult.DiagnosedAndEmittedWhatItCould => "diagnosed, emitted what it could",
        _ => "failed",
    };

    private static string Size(long bytes) => bytes >= 1_000_000 ? $"{bytes / 1_000_000.0:0.0} MB" : $"{bytes / 1000.0:0} KB";

    private static string Cell(string text)
    {
        string flat = text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return flat.Length > 300 ? flat.Substring(0, 300) + "…" : flat;
    }
}
