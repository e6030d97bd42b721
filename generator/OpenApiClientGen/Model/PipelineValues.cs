using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenApiClientGen.Model;

// The values that pass between incremental steps are classes, never structs or tuples of structs. The compiler's
// step tables are generic over the value's type: over any class they share one machine-code copy, over each struct
// they need one of their own, compiled from IL before its first use, and the compiler loads the generator afresh in
// every build without the compiler server. Combine therefore only ever pairs two classes (IncrementalCachingTests
// walks every step and checks).

/// <summary>The files that specs' relative <c>$ref</c>s may point into, in path order.</summary>
internal sealed record ReferencedFiles(EquatableArray<ReferencedFile> Files);

/// <summary>What reading a spec needs beside the spec itself: the files its <c>$ref</c>s reach and the target's features.</summary>
internal sealed record ReadContext(EquatableArray<ReferencedFile> ReferencedFiles, TargetFeatures Features);

/// <summary>The C# version the project compiles with: generated code needs C# 11 (required members).</summary>
internal sealed record LanguageSupport(LanguageVersion Version)
{
    public const LanguageVersion Minimum = LanguageVersion.CSharp11;

    public bool CanCompileClients => Version >= Minimum;
}

/// <summary>The diagnostics of one spec, apart from its model: their positions depend on the text, the model does not.</summary>
internal sealed record SpecDiagnostics(EquatableArray<DiagnosticInfo> Items);

/// <summary>One additional file's path and text, to place diagnostics at their line.</summary>
internal sealed record AdditionalFileText(string Path, string Text);

/// <summary>Every additional file's text; equal while the compiler hands over the same collection.</summary>
internal sealed record AdditionalFileTexts(ImmutableArray<AdditionalFileText> Files);

/// <summary>A yes or a no, as one of two shared instances.</summary>
internal sealed class Flag
{
    public static readonly Flag Yes = new(true);
    public static readonly Flag No = new(false);

    private Flag(bool value) => Value = value;

    public bool Value { get; }

    public static Flag Of(bool value) => value ? Yes : No;
}
