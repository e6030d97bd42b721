using System;
using System.Collections.Generic;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests.Corpus;

/// <summary>
/// Every real-world document is generated and compiled; none may crash the generator, hang, or fail silently. The
/// output compiles as a library with GenerateDocumentationFile, Nullable and TreatWarningsAsErrors would: XML doc
/// comments are checked, and every warning counts.
/// </summary>
public sealed class CorpusTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(CorpusDocument.FullRun ? 10 : 3);

    public static IEnumerable<object[]> Documents() =>
        CorpusDocument.All.Where(d => CorpusDocument.FullRun || d.InFastRun).Select(d => new object[] { d.Name });

    [SharedTheory]
    [MemberData(nameof(Documents))]
    public void A_corpus_document_never_fails(string name)
    {
        CorpusDocument document = CorpusDocument.Named(name);

        GeneratorRun? run = BoundedGeneratorRun.Run(Limit, GeneratorHarness.DocumentedParseOptions, document.Inputs());
        CorpusOutcome outcome = run is null ? CorpusOutcome.Hung(Limit) : CorpusOutcome.Classify(run);
        CorpusResultsFile.Record(document, outcome);

        Assert.True(outcome.Result != CorpusResult.Failed, outcome.Reason);
        // What the generator warns about is the spec's; a compiler warning is the generator's own, and fails a library build.
        Assert.True(outcome.CompilerDiagnostics.Length == 0, $"the output compiles with warnings: {outcome.CompilerDiagnostics}; {outcome.Reason}");
    }
}
