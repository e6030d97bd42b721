using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests.Security;

/// <summary>
/// Spec text is untrusted: text that would end a doc comment or a string literal and go on as code is put in every
/// place where a spec string reaches the output, and the compiled result must declare the same types and members as
/// the same spec with plain text in that place.
/// </summary>
public sealed class HostileSpecTextTests
{
    /// <summary>Every line terminator C# knows, each followed by code that would declare a type and a module initializer.</summary>
    public static readonly string[] HostileStrings = new[] { "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029" }
        .Select(t => $"x{t}[global::System.Runtime.CompilerServices.ModuleInitializer] internal static void Injected() {{ }} public class Injected {{ }} */ </summary> {t}#if DEBUG{t}\" \\ {{ }}{t}#endif{t}/* \uD800 \u202E")
        .ToArray();

    public static readonly string[] Positions =
    {
        "info.title", "info.description", "server url", "tag", "path key", "operationId", "summary", "operation description",
        "parameter name", "parameter description", "parameter example", "parameter default", "schema name", "schema title",
        "schema description", "property name", "property description", "property default", "property example", "const",
        "enum value", "security scheme name", "api key header name", "response description", "discriminator value",
    };

    /// <summary>Positions whose text the generator spells as a name, so a different text declares differently named things.</summary>
    private static readonly HashSet<string> NamePositions = new(StringComparer.Ordinal)
    {
        "tag", "path key", "operationId", "parameter name", "schema name", "property name", "const", "enum value", "security scheme name", "discriminator value",
    };

    private const string Benign = "plain";

    private static string OneLine(string text) =>
        string.Concat(text.Select(c => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c));

    public static TheoryData<string> AllPositions()
    {
        var data = new TheoryData<string>();
        foreach (string position in Positions)
        {
            data.Add(position);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPositions))]
    public void Hostile_text_declares_nothing_the_model_does_not_ask_for(string position)
    {
        Shape plain = Generate(Spec(position, Benign), position, Benign);
        Assert.NotEmpty(plain.Declarations);
        for (int i = 0; i < HostileStrings.Length; i++)
        {
            // The same text on one line declares what the model asks for: names spelled from it split into the same
            // words, and a tag with dots nests its groups the same way.
            Shape expected = NamePositions.Contains(position) ? Generate(Spec(position, OneLine(HostileStrings[i])), position, $"one-line string {i}") : plain;
            Shape actual = Generate(Spec(position, HostileStrings[i]), position, $"hostile string {i}");
            Assert.Equal(expected.Declarations, actual.Declarations);
            Assert.Equal(expected.Directives, actual.Directives);
            Assert.All(actual.Directives, d => Assert.Contains(d, new[] { "NullableDirectiveTrivia", "PragmaWarningDirectiveTrivia" }));
            Assert.DoesNotContain("Injected", actual.Identifiers);
        }
    }

    [Fact]
    public void Hostile_text_in_every_position_at_once_compiles_to_the_shape_of_the_same_text_on_one_line()
    {
        for (int i = 0; i < HostileStrings.Length; i++)
        {
            Shape expected = Generate(Spec(null, OneLine(HostileStrings[i])), "all", $"one-line string {i}");
            Shape actual = Generate(Spec(null, HostileStrings[i]), "all", $"hostile string {i}");
            Assert.Equal(expected.Declarations, actual.Declarations);
            Assert.DoesNotContain("Injected", actual.Identifiers);
        }
    }

    /// <summary>
    /// A spec that uses every position; <paramref name="hostilePosition"/> (or, when null, every position) holds
    /// <paramref name="text"/>, and the others hold plain words.
    /// </summary>
    public static string Spec(string? hostilePosition, string text)
    {
        string At(string position, string plain) => hostilePosition is null || hostilePosition == position ? text : plain;

        var pet = new JsonObject
        {
            ["type"] = "object",
            ["title"] = At("schema title", "Pet"),
            ["description"] = At("schema description", "A pet."),
            ["required"] = new JsonArray("kind"),
            ["properties"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["type"] = "string", ["const"] = At("const", "pet") },
                [At("property name", "nickname")] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = At("property description", "What it answers to."),
                    ["default"] = At("property default", "Rex"),
                    ["example"] = At("property example", "Fido"),
                },
                ["colour"] = new JsonObject { ["$ref"] = "#/components/schemas/Colour" },
            },
        };
        var robot = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("kind"),
            ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(At("discriminator value", "robot")) } },
        };
        var spec = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = At("info.title", "Hostile"), ["version"] = "1", ["description"] = At("info.description", "An API.") },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://api.example.com/" + At("server url", "v1") }),
            ["tags"] = new JsonArray(new JsonObject { ["name"] = At("tag", "pets"), ["description"] = At("tag", "Pets.") }),
            ["security"] = new JsonArray(new JsonObject { [At("security scheme name", "apiKey")] = new JsonArray() }),
            ["paths"] = new JsonObject
            {
                ["/pets/" + At("path key", "all") + "/{id}"] = new JsonObject
                {
                    ["post"] = new JsonObject
                    {
                        ["operationId"] = At("operationId", "updatePet"),
                        ["tags"] = new JsonArray(At("tag", "pets")),
                        ["summary"] = At("summary", "Updates a pet."),
                        ["description"] = At("operation description", "Changes what is stored."),
                        ["parameters"] = new JsonArray(
                            new JsonObject { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } },
                            new JsonObject
                            {
                                ["name"] = At("parameter name", "filter"),
                                ["in"] = "query",
                                ["description"] = At("parameter description", "Which pets."),
                                ["example"] = At("parameter example", "dogs"),
                                ["schema"] = new JsonObject { ["type"] = "string", ["default"] = At("parameter default", "all") },
                            }),
                        ["requestBody"] = new JsonObject
                        {
                            ["required"] = true,
                            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Pet" } } },
                        },
                        ["responses"] = new JsonObject
                        {
                            ["200"] = new JsonObject
                            {
                                ["description"] = At("response description", "The pet."),
                                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Thing" } } },
                            },
                        },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["Pet"] = pet,
                    [At("schema name", "Extra")] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["size"] = new JsonObject { ["type"] = "integer" } } },
                    ["Robot"] = robot,
                    ["Colour"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("red", At("enum value", "green")) },
                    ["Thing"] = new JsonObject
                    {
                        ["oneOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/Pet" }, new JsonObject { ["$ref"] = "#/components/schemas/Robot" }),
                        ["discriminator"] = new JsonObject
                        {
                            ["propertyName"] = "kind",
                            ["mapping"] = new JsonObject
                            {
                                [At("const", "pet")] = "#/components/schemas/Pet",
                                [At("discriminator value", "robot")] = "#/components/schemas/Robot",
                            },
                        },
                    },
                },
                ["securitySchemes"] = new JsonObject
                {
                    [At("security scheme name", "apiKey")] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = At("api key header name", "X-Api-Key") },
                },
            },
        };
        return spec.ToJsonString();
    }

    private static Shape Generate(string spec, string position, string label)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput("/specs/hostile.json", spec));
        string where = $"{position}, {label}";
        Assert.False(run.GeneratorDiagnostics.Any(d => d.Id is "CS8785" or "OACG0099"), where + ": " + run.Describe(run.GeneratorDiagnostics));
        Assert.True(run.CompilationErrors.Count == 0, where + ": " + run.Describe(run.CompilationErrors));
        Assert.True(run.CompilationWarnings.Count == 0, where + ": " + run.Describe(run.CompilationWarnings));
        return Shape.Of(run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)));
    }

    /// <summary>What the generated trees declare, with names left out, since a hostile name is spelled differently.</summary>
    private sealed record Shape(IReadOnlyList<string> Declarations, IReadOnlyList<string> Directives, ISet<string> Identifiers)
    {
        public static Shape Of(IEnumerable<SyntaxTree> trees)
        {
            var declarations = new List<string>();
            var directives = new List<string>();
            var identifiers = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in trees)
            {
                SyntaxNode root = tree.GetRoot();
                foreach (MemberDeclarationSyntax member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
                {
                    int depth = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().Count();
                    string attributes = string.Join(",", member.AttributeLists.SelectMany(a => a.Attributes).Select(a => a.Name.ToString()));
                    declarations.Add($"{depth} {member.Kind()} [{attributes}] {string.Join(" ", member.Modifiers)}");
                }

                directives.AddRange(root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.Kind().ToString()));
                foreach (SyntaxToken token in root.DescendantTokens(descendIntoTrivia: false).Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
                {
                    identifiers.Add(token.ValueText);
                }
            }

            declarations.Sort(StringComparer.Ordinal);
            directives.Sort(StringComparer.Ordinal);
            return new Shape(declarations, directives, identifiers);
        }
    }
}
