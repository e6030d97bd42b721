using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Diagnostics;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Every diagnostic is documented where its help link points, listed in the README and in the release file.</summary>
public sealed class DiagnosticCatalogueTests
{
    public static TheoryData<string> Ids()
    {
        var ids = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            ids.Add(descriptor.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_diagnostic_is_documented_where_its_help_link_points(string id)
    {
        DiagnosticDescriptor descriptor = Descriptors().Single(d => d.Id == id);
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));
        string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        string releases = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "generator", "OpenApiClientGen", "AnalyzerReleases.Unshipped.md"));

        Assert.EndsWith("/docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri);
        Assert.Contains("\n## " + id + "\n", docs.Replace("\r", "", System.StringComparison.Ordinal));
        Assert.Contains(id, readme);
        Assert.Contains($"{id} | OpenApiClientGen | {descriptor.DefaultSeverity} | {descriptor.Title}", releases);
    }

    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}
