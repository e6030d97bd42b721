using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OpenApiClientGen.Cli;
using OpenApiClientGen.Tests.Corpus;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary><c>oacg</c>: the files the source generator writes, byte for byte, and its diagnostics with file:line:col.</summary>
public sealed class CliTests
{
    public static IEnumerable<object[]> Documents() =>
        CorpusDocument.All.Where(d => CorpusDocument.FullRun || d.InFastRun).Select(d => new object[] { d.Name });

    [SharedTheory]
    [MemberData(nameof(Documents))]
    public void Generate_writes_the_generators_files_byte_for_byte(string name)
    {
        CorpusDocument document = CorpusDocument.Named(name);
        string output = TempDirectory();
        try
        {
            var arguments = new List<string> { "generate", document.SpecPath, "-o", output, "--namespace", "Corpus", "--client", "CorpusClient" };
            arguments.AddRange(document.ReferencedPaths.SelectMany(p => new[] { "--reference", p }));
            var errors = new StringWriter();
            int exitCode = CommandLine.Run(arguments.ToArray(), TextWriter.Null, errors);

            GeneratorRun run = GeneratorHarness.Run(document.Inputs());
            // The harness compiles with warnings as errors; IsWarningAsError tells the generator's own errors apart.
            bool generatorErrors = run.GeneratorDiagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && !d.IsWarningAsError);
            Assert.Equal(generatorErrors ? 1 : 0, exitCode);

            string[] expected = run.Sources.Select(s => s.HintName).ToArray();
            string[] written = Directory.GetFiles(output).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
            Assert.Equal(expected, written);
            foreach (var source in run.Sources)
            {
                // The compiler writes EmitCompilerGeneratedFiles output as UTF-8 with a byte order mark.
                byte[] generator = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(source.SourceText.ToString())).ToArray();
                Assert.True(generator.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, source.HintName))), source.HintName + " differs");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Filters_apply_and_a_rerun_removes_the_files_it_no_longer_writes()
    {
        string output = TempDirectory();
        try
        {
            string spec = Path.Combine(TestPaths.RepositoryRoot, "tests", "Specs", "petstore.yaml");
            Assert.Equal(0, CommandLine.Run(new[] { "generate", spec, "-o", output, "--client", "PetStoreClient" }, TextWriter.Null, TextWriter.Null));
            Assert.Contains("PetStoreClient.Model.NewPet.g.cs", Directory.GetFiles(output).Select(Path.GetFileName));

            var errors = new StringWriter();
            Assert.Equal(0, CommandLine.Run(new[] { "generate", spec, "-o", output, "--client", "PetStoreClient", "--include-operations", "deletePet;nothingLikeThis" }, TextWriter.Null, errors));
            Assert.DoesNotContain("PetStoreClient.Model.NewPet.g.cs", Directory.GetFiles(output).Select(Path.GetFileName));
            Assert.DoesNotContain("PetStoreClient.Model.Pet.g.cs", Directory.GetFiles(output).Select(Path.GetFileName));
            Assert.Contains($"{spec}:1:1: warning OACG0023: The <OpenApiClient> item's IncludeOperations value 'nothingLikeThis' matches no operation", errors.ToString());
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Check_reports_errors_at_file_line_and_column_and_fails()
    {
        string directory = TempDirectory();
        try
        {
            string spec = Path.Combine(directory, "broken.yaml");
            File.WriteAllText(spec, "openapi: 3.1.0\ninfo: {title: Things, version: '1'}\npaths:\n  /things: [unclosed\n");
            var errors = new StringWriter();

            Assert.Equal(1, CommandLine.Run(new[] { "check", spec }, TextWriter.Null, errors));
            Assert.StartsWith($"{spec}:5:1: error OACG0001: ", errors.ToString());
            Assert.Empty(Directory.GetFiles(directory, "*.cs"));

            errors = new StringWriter();
            Assert.Equal(1, CommandLine.Run(new[] { "check", Path.Combine(directory, "missing.yaml") }, TextWriter.Null, errors));
            Assert.Contains("error OACG0020", errors.ToString());

            Assert.Equal(2, CommandLine.Run(new[] { "generate", spec }, TextWriter.Null, TextWriter.Null));
            Assert.Equal(2, CommandLine.Run(new[] { "transmogrify", spec }, TextWriter.Null, TextWriter.Null));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "oacg-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
