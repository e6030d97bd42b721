using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace OpenApiClientGen.Cli;

/// <summary><c>oacg generate</c> and <c>oacg check</c>.</summary>
internal static class CommandLine
{
    /// <summary>Specs above this size get a progress line: they take seconds, not milliseconds.</summary>
    private const long LargeSpecBytes = 1_000_000;

    // Written as the compiler writes EmitCompilerGeneratedFiles output, so the files compare equal byte for byte.
    private static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly Dictionary<string, string> MetadataOptions = new(StringComparer.Ordinal)
    {
        ["--namespace"] = "Namespace",
        ["--client"] = "ClientName",
        ["--include-tags"] = "IncludeTags",
        ["--include-paths"] = "IncludePaths",
        ["--exclude-paths"] = "ExcludePaths",
        ["--include-operations"] = "IncludeOperations",
    };

    private const string Usage = """
        Usage:
          oacg generate <spec> -o <dir> [options]   write the generated C# files to <dir>
          oacg check <spec> [options]               report the spec's diagnostics only

        Options:
          --namespace <name>           namespace of the generated code
          --client <name>              name of the client class
          --share-identical-types      inline schemas that declare the same type share one C# type
          --include-tags <a;b>         only operations with one of these tags
          --include-paths <glob;glob>  only operations under these paths (* within a segment, ** across)
          --exclude-paths <glob;glob>  leave out operations under these paths
          --include-operations <a;b>   only these operationIds
          --reference <file>           a file the spec points into with $ref (repeatable)
        """;

    /// <returns>0 on success, 1 when the spec has errors, 2 for a bad command line.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        string command = args[0];
        if (command is not ("generate" or "check"))
        {
            error.WriteLine($"Unknown command '{command}'.");
            error.WriteLine(Usage);
            return 2;
        }

        string? spec = null, outputDirectory = null;
        var references = new List<string>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--share-identical-types")
            {
                metadata["ShareIdenticalTypes"] = "true";
                continue;
            }

            bool takesValue = arg is "-o" or "--output" or "--reference" || MetadataOptions.ContainsKey(arg);
            if (takesValue)
            {
                if (i + 1 >= args.Length)
                {
                    error.WriteLine($"{arg} needs a value.");
                    return 2;
                }

                string value = args[++i];
                if (arg is "-o" or "--output")
                {
                    outputDirectory = value;
                }
                else if (arg == "--reference")
                {
                    references.Add(value);
                }
                else
                {
                    metadata[MetadataOptions[arg]] = value;
                }
            }
            else if (arg.StartsWith("-", StringComparison.Ordinal) || spec is not null)
            {
                error.WriteLine($"Unexpected argument '{arg}'.");
                error.WriteLine(Usage);
                return 2;
            }
            else
            {
                spec = arg;
            }
        }

        if (spec is null || (command == "generate" && outputDirectory is null))
        {
            error.WriteLine(command == "generate" ? "generate needs a spec and -o <dir>." : "check needs a spec.");
            return 2;
        }

        bool large = File.Exists(spec) && new FileInfo(spec).Length > LargeSpecBytes;
        var clock = Stopwatch.StartNew();
        if (large)
        {
            error.WriteLine($"Reading {spec} ({new FileInfo(spec).Length / 1_000_000.0:0.0} MB)...");
        }

        GenerationResult result = Generation.Run(new GenerationRequest(spec, references, metadata));
        foreach (Diagnostic diagnostic in result.Diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition))
        {
            error.WriteLine(Format(diagnostic));
        }

        // As in a build, what could be generated is written even when a diagnostic is an error.
        if (command == "generate")
        {
            Write(outputDirectory!, result);
        }

        if (large || command == "generate")
        {
            string what = command == "generate" ? $"{result.Files.Count} files written to {outputDirectory}" : "checked";
            error.WriteLine($"{what} in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        return result.HasErrors ? 1 : 0;
    }

    /// <summary>As compilers print them, with the spec's path: <c>file:line:col: error OACG0001: message</c>.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string at = span.IsValid && span.Path.Length > 0 ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: " : "";
        string severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return $"{at}{severity} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
    }

    // The folder holds the generated files and nothing else of ours: a file from an earlier run that was not written now is stale.
    private static void Write(string directory, GenerationResult result)
    {
        Directory.CreateDirectory(directory);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string hintName, Microsoft.CodeAnalysis.Text.SourceText text) in result.Files)
        {
            string path = Path.Combine(directory, hintName);
            File.WriteAllText(path, text.ToString(), FileEncoding);
            written.Add(Path.GetFileName(path));
        }

        foreach (string stale in Directory.GetFiles(directory, "*.g.cs").Where(f => !written.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }
    }
}
