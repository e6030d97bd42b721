using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OpenApiClientGen.Parsing;

namespace OpenApiClientGen.Diagnostics;

/// <summary>Turns <see cref="DiagnosticInfo"/>s into Roslyn diagnostics located at their line and column in the spec.</summary>
internal static class DiagnosticReporter
{
    public static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics, AdditionalFileTexts texts)
    {
        foreach (IGrouping<string, DiagnosticInfo> byFile in diagnostics.GroupBy(d => d.Location.FilePath, StringComparer.Ordinal))
        {
            string text = texts.Files.FirstOrDefault(t => string.Equals(t.Path, byFile.Key, StringComparison.Ordinal))?.Text ?? "";
            List<string> pointers = byFile.Where(d => !d.Location.IsResolved && d.Location.Pointer is not null).Select(d => d.Location.Pointer!).Distinct().ToList();
            Dictionary<string, (int Line, int Column)> positions = pointers.Count == 0
                ? new Dictionary<string, (int, int)>()
                : SpecTextLocator.Locate(text, pointers);
            var lineStarts = SourceText.From(text).Lines;

            foreach (DiagnosticInfo info in byFile)
            {
                (int line, int column) = info.Location.IsResolved
                    ? (info.Location.Line, info.Location.Column)
                    : info.Location.Pointer is not null && positions.TryGetValue(SpecTextLocator.Normalize(info.Location.Pointer), out var found) ? found : (1, 1);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.Get(info.DescriptorId),
                    CreateLocation(byFile.Key, lineStarts, line, column),
                    info.MessageArgs.Cast<object>().ToArray()));
            }
        }
    }

    private static Location CreateLocation(string path, TextLineCollection lines, int line, int column)
    {
        int lineIndex = Math.Min(Math.Max(0, line - 1), Math.Max(0, lines.Count - 1));
        int offset = lines.Count == 0 ? 0 : Math.Min(lines[lineIndex].Start + Math.Max(0, column - 1), lines[lineIndex].End);
        var position = new LinePosition(line - 1, Math.Max(0, column - 1));
        return Location.Create(path, new TextSpan(offset, 0), new LinePositionSpan(position, position));
    }
}
