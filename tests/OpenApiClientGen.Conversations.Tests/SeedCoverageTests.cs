using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Conversations.Tests;

/// <summary>
/// Every operation of the five seed documents is a method of the generated clients in samples/Conversations, in the
/// seed's group, with the seed's parameters. A Speakeasy seed lists the request body's fields as parameters
/// (<c>query</c>, <c>record_ids</c>); our methods take the body as one model, so such a name is found as a property of
/// the body's type. An OpenAPI Generator seed names the body itself (<c>seeded_conversation</c>), and the method's body
/// parameter has that name (<c>seededConversation</c>).
/// </summary>
public sealed class SeedCoverageTests
{
    /// <summary>The seed files and the client each one is compiled into.</summary>
    private static readonly Dictionary<string, Type> ClientBySeed = new(StringComparer.Ordinal)
    {
        ["000_58222613710e8738.txt"] = typeof(PipesHub.PipesHubClient),
        ["001_e14560051e331988.txt"] = typeof(PipesHub.PipesHubClient),
        ["002_990b2be885ad9fda.txt"] = typeof(PiecesOs.PiecesClient),
        ["003_ce2e0cbf5066247a.txt"] = typeof(Orq.OrqClient),
        ["004_09671e559888db6e.txt"] = typeof(Mistral.MistralClient),
    };

    public static IEnumerable<object[]> Operations() =>
        TestPaths.SharedAvailable
            ? AllOperations().Select(o => new object[] { o.SeedFile, o.ToString() })
            : [];

    [SharedFact]
    public void The_seed_documents_hold_46_operations()
    {
        IReadOnlyList<SeedOperation> operations = AllOperations();

        Assert.Equal(46, operations.Count);
        Assert.Equal(new[] { 8, 15, 6, 7, 10 }, operations.GroupBy(o => o.SeedFile).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count()));
    }

    [SharedTheory]
    [MemberData(nameof(Operations))]
    public void The_client_has_the_seed_operation(string seedFile, string operation)
    {
        SeedOperation seed = AllOperations().Single(o => o.SeedFile == seedFile && o.ToString() == operation);
        Type group = ClientBySeed[seedFile];
        foreach (string step in seed.GroupPath)
        {
            PropertyInfo? property = group.GetProperty(step, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null, $"{group.Name} has no group '{step}' for {seed}.");
            group = property.PropertyType;
        }

        string methodName = SeedDocuments.ToPascal(seed.Name) + "Async";
        MethodInfo[] overloads = group.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == methodName).ToArray();
        Assert.True(overloads.Length > 0, $"{group.Name} has no method {methodName} for {seed}.");

        // One overload must take every seed parameter: as a parameter (the flattened overload takes the body's members),
        // as a member of the body model, or as the body itself.
        var misses = overloads.Select(method => (Method: method, Missing: MissingParameters(seed, method.GetParameters()))).ToList();
        Assert.True(
            misses.Any(m => m.Missing.Count == 0),
            $"{group.Name}.{methodName} has no overload with all the seed's parameters: "
            + string.Join("; ", misses.Select(m => $"({string.Join(", ", m.Method.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))}) lacks {string.Join(", ", m.Missing)}")));
        Assert.All(overloads, method => Assert.Equal(typeof(CancellationToken), method.GetParameters()[^1].ParameterType));
    }

    private static List<string> MissingParameters(SeedOperation seed, ParameterInfo[] parameters)
    {
        // The body is the parameter whose type is one of the client's models, whatever it is named.
        Type[] models = parameters.Select(p => Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)
            .Where(t => t.Assembly == ClientBySeed[seed.SeedFile].Assembly && t.IsClass)
            .ToArray();
        var missing = new List<string>();
        foreach (string name in seed.Parameters)
        {
            bool asParameter = parameters.Any(p => p.Name == SeedDocuments.ToCamel(name));
            bool asBodyMember = models.Any(m => m.GetProperty(SeedDocuments.ToPascal(name)) is not null);
            if (!(asParameter || asBodyMember))
            {
                missing.Add(SeedDocuments.ToCamel(name));
            }
        }

        return missing;
    }

    [Fact]
    public void Seed_parameter_names_become_camel_case_and_pascal_case()
    {
        Assert.Equal("agentKey", SeedDocuments.ToCamel("agent_key"));
        Assert.Equal("RecordIds", SeedDocuments.ToPascal("record_ids"));
        Assert.Equal("CreateWithStreaming", SeedDocuments.ToPascal("create_with_streaming"));
    }

    private static IReadOnlyList<SeedOperation> AllOperations() =>
        ClientBySeed.Keys.OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(file => SeedDocuments.Read(TestPaths.Shared(Path.Combine("seeds", file))))
            .ToList();
}
