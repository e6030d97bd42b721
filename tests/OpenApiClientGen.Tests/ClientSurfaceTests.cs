using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenApiClientGen.Parsing;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The generated surface of the vendors' full documents, printed to checked-in baselines (group, method and
/// parameters per operation) so that a naming change shows up in review, and the size of every generated method.
/// </summary>
public sealed class ClientSurfaceTests(ITestOutputHelper output)
{
    /// <summary>A generated method longer than this is doing work that belongs in the runtime.</summary>
    public const int MaxMethodLines = 40;

    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    [SharedTheory]
    [InlineData("Mistral", "reference-specs/mistral/openapi.yaml")]
    [InlineData("Orq", "reference-specs/orq/openapi.yaml")]
    [InlineData("PipesHub", "reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml")]
    public void Every_operation_is_a_method_with_a_unique_readable_name(string name, string relativePath)
    {
        string path = TestPaths.Shared(relativePath);
        string text = File.ReadAllText(path);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text, Namespace: "Vendor", ClientName: "VendorClient"));

        List<string> surface = Surface(run.Output, "Vendor.VendorClient");
        // One WithResponse method per operation, or for streams one method name (its flattened overload shares it);
        // two operations that collided into one name would make the count come out short.
        List<string> operations = surface
            .Where(line => line.Contains("WithResponseAsync(", StringComparison.Ordinal) || line.EndsWith(" : stream", StringComparison.Ordinal))
            .Select(line => line.Substring(0, line.IndexOf('(')))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(CountOperations(path, text), operations.Count);
        Assert.All(operations, name => Assert.Matches(@"^(\w+\.)*[A-Z][A-Za-z0-9]*Async$", name));
        Baselines.AssertMatches("Surface/" + name, new[] { ("surface.txt", string.Join("\n", surface.Where(l => !l.Contains("WithResponseAsync(", StringComparison.Ordinal))) + "\n") });
    }

    [SharedTheory]
    [InlineData("reference-specs/mistral/openapi.yaml")]
    [InlineData("reference-specs/orq/openapi.yaml")]
    [InlineData("reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml")]
    public void No_generated_method_of_a_reference_document_is_longer_than_the_limit(string relativePath)
    {
        string path = TestPaths.Shared(relativePath);

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Vendor", ClientName: "VendorClient"));

        AssertMethodsFit(run);
    }

    [Fact]
    public void No_generated_method_of_the_operations_spec_is_longer_than_the_limit()
    {
        string path = TestPaths.TestSpec("operations.yaml");

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Operations", ClientName: "OperationsClient"));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        AssertMethodsFit(run);
    }

    private void AssertMethodsFit(GeneratorRun run)
    {
        var lengths = run.Sources
            .SelectMany(source => CSharpSyntaxTree.ParseText(source.SourceText).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Select(method => (Name: source.HintName + ": " + method.Identifier.Text, Lines: LineCount(method))))
            .ToList();
        Assert.NotEmpty(lengths);
        (string longest, int lines) = lengths.OrderByDescending(m => m.Lines).First();
        output.WriteLine($"{lengths.Count} methods; the longest is {longest} with {lines} lines.");
        var tooLong = lengths.Where(m => m.Lines > MaxMethodLines).Select(m => $"{m.Name} ({m.Lines} lines)").ToList();
        Assert.True(tooLong.Count == 0, "Longer than " + MaxMethodLines + " lines: " + string.Join(", ", tooLong));
    }

    // The declaration from its signature to its closing brace; the doc comment above it does not count.
    private static int LineCount(MethodDeclarationSyntax method)
    {
        FileLinePositionSpan span = method.GetLocation().GetLineSpan();
        int attributes = method.AttributeLists.Count;
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1 - attributes;
    }

    /// <summary>One line per public method: <c>Group.Sub.MethodAsync(param, param)</c>, reached from the client's properties.</summary>
    private static List<string> Surface(Compilation compilation, string clientType)
    {
        INamedTypeSymbol client = compilation.GetTypeByMetadataName(clientType)!;
        var lines = new List<string>();
        Walk(client, "", lines, depth: 0);
        return lines;
    }

    private static void Walk(INamedTypeSymbol type, string prefix, List<string> lines, int depth)
    {
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Parameters.Length))
        {
            // Streams have no WithResponse form; they are marked so they count as operations of their own. The two
            // methods of a paged list walk the pages of another operation, so they are marked apart.
            bool paged = method.GetDocumentationCommentXml()?.Contains("of the list <c>", StringComparison.Ordinal) == true;
            string stream = method.ReturnType.Name != "IAsyncEnumerable" ? "" : paged ? " : paged" : " : stream";
            lines.Add($"{prefix}{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Name))}){stream}");
        }

        foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && depth < 8)
            .Where(p => p.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } group && SymbolEqualityComparer.Default.Equals(group.ContainingNamespace, type.ContainingNamespace))
            .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            Walk((INamedTypeSymbol)property.Type, prefix + property.Name + ".", lines, depth + 1);
        }
    }

    // Counted from the document's JSON, independently of how the generator names or groups operations.
    private static int CountOperations(string path, string text)
    {
        JsonNode? node = SpecTextConverter.Convert(path, text).Node;
        JsonObject paths = node!["paths"]!.AsObject();
        return paths.Sum(item => item.Value is JsonObject operations
            ? operations.Where(o => HttpMethods.Contains(o.Key)).Sum(o => OffersJsonAndEvents(o.Value) ? 2 : 1)
            : 0);
    }

    // Such an operation is two methods, one reading JSON and one the stream.
    private static bool OffersJsonAndEvents(JsonNode? operation)
    {
        if (operation is not JsonObject { } op || op["responses"] is not JsonObject responses || op.ContainsKey("x-websocket"))
        {
            return false;
        }

        IEnumerable<string> media = responses.Where(r => r.Key.StartsWith('2') && r.Value?["content"] is JsonObject)
            .SelectMany(r => r.Value!["content"]!.AsObject().Select(c => c.Key.Split(';')[0].Trim().ToLowerInvariant()));
        List<string> types = media.ToList();
        return types.Contains("text/event-stream") && types.Any(t => t == "application/json" || t.EndsWith("+json", StringComparison.Ordinal));
    }
}
