using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenApiClientGen.Tests.Corpus;

/// <summary>
/// The public names of a generated client that read as made by a machine: types named by position or status
/// (<c>ModelVariant3</c>, <c>Delete404Error</c>, <c>ListResponseItem2</c>) and methods that spell the route and the
/// HTTP method (<c>SpeechV1AudioSpeechPostAsync</c>). The naming rules exist to keep this count low.
/// </summary>
public static class MachineNames
{
    private static readonly Regex TypeName = new(@"(Variant\d+|\d{3}Error|Item\d*)$", RegexOptions.CultureInvariant);

    // A version segment inside the name (V1Audio), or an HTTP method after the words of a name (...SpeechPostAsync).
    private static readonly Regex MethodName = new(@"V\d+[A-Z]|[a-z0-9](Get|Post|Put|Patch|Delete)Async$", RegexOptions.CultureInvariant);

    public static (int Types, int Methods) Count(IEnumerable<SyntaxTree> trees)
    {
        var types = new HashSet<string>(System.StringComparer.Ordinal);
        var methods = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (SyntaxTree tree in trees)
        {
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes(n => n is not BlockSyntax))
            {
                switch (node)
                {
                    case BaseTypeDeclarationSyntax type when IsPublic(type.Modifiers) && TypeName.IsMatch(type.Identifier.ValueText):
                        types.Add(type.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method when IsPublic(method.Modifiers) && MethodName.IsMatch(method.Identifier.ValueText)
                        && method.Parent is BaseTypeDeclarationSyntax owner:
                        methods.Add(owner.Identifier.ValueText + "." + method.Identifier.ValueText);
                        break;
                }
            }
        }

        return (types.Count, methods.Count);
    }

    private static bool IsPublic(SyntaxTokenList modifiers) => modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword));
}
