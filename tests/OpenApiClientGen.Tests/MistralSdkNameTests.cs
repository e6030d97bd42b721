using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OpenApiClientGen.Conformance.Tests;
using OpenApiClientGen.Model;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The share of the operations in Mistral's published document whose generated <c>Group.Method</c> is the official
/// TypeScript SDK's <c>group.method</c>, case aside. The SDK's names are read from the npm package's <c>src/sdk</c>
/// classes: a getter is a group, a method calls a function in <c>src/funcs</c>, and that function's HTTP method, path
/// and <c>Accept</c> header tie it to one of the document's operations. A method of ours is the same when it sends
/// the same request (a stream and its JSON twin are two).
/// </summary>
public sealed class MistralSdkNameTests
{
    /// <summary>The share reached when this test was written: it fails if naming falls back below it.</summary>
    private const int MatchedFloor = 78;

    private readonly ITestOutputHelper _output;

    public MistralSdkNameTests(ITestOutputHelper output) => _output = output;

    [SharedNodeFact]
    public async Task The_generated_names_match_the_official_sdk_s_for_at_least_the_share_reached()
    {
        string package = await NodeSdk.EnsureInstalledAsync("@mistralai/mistralai", "2.7.0");
        Dictionary<RequestKey, string> sdk = SdkNames(Path.Combine(package, "node_modules", "@mistralai", "mistralai", "src"));
        Dictionary<RequestKey, string> ours = GeneratedNames(TestPaths.Shared("reference-specs/mistral/openapi.yaml"));

        var rows = ours.Keys.Where(sdk.ContainsKey)
            .OrderBy(k => sdk[k], StringComparer.Ordinal)
            .Select(k => (Sdk: sdk[k], Ours: ours[k], Same: string.Equals(sdk[k], ours[k], StringComparison.OrdinalIgnoreCase)))
            .ToList();
        int matched = rows.Count(r => r.Same);
        _output.WriteLine($"{matched} of {rows.Count} operations named as the SDK names them ({100.0 * matched / rows.Count:F1}%)");
        foreach ((string official, string generated, _) in rows.Where(r => !r.Same))
        {
            _output.WriteLine($"  {official,-55} ours: {generated}");
        }

        // The SDK knows most of the document's operations; far fewer would mean the reading above broke.
        Assert.True(rows.Count >= 140, $"Only {rows.Count} of the document's operations were found in the SDK.");
        Assert.True(matched >= MatchedFloor, $"{matched} of {rows.Count} names match the SDK's; they were {MatchedFloor}.");
    }

    private readonly record struct RequestKey(string Method, string Path, bool Stream);

    /// <summary>Each operation's <c>Group.Sub.Method</c> as the generator names it, by the request it sends.</summary>
    private static Dictionary<RequestKey, string> GeneratedNames(string specPath)
    {
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(specPath, File.ReadAllText(specPath), Namespace: "Mistral", ClientName: "MistralClient"));
        var model = (ModelResult)run.Result.Results.Single().TrackedSteps[TrackingNames.BuildModel].Single().Outputs.Single().Value;
        var names = new Dictionary<RequestKey, string>();
        foreach (OperationSpec operation in model.Api!.Operations)
        {
            bool stream = operation.Stream is not null;
            IEnumerable<string> group = operation.GroupPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Identifiers.ToPascalCase);
            string method = operation.MethodName.Substring(0, operation.MethodName.Length - "Async".Length);
            names.TryAdd(new RequestKey(operation.HttpMethod, operation.Path, stream), string.Join(".", group.Append(method)));
        }

        return names;
    }

    /// <summary>Each SDK method's <c>group.sub.method</c>, walked from the <c>Mistral</c> class, by the request it sends.</summary>
    private static Dictionary<RequestKey, string> SdkNames(string source)
    {
        var classes = new Dictionary<string, (List<(string Name, string Type)> Getters, List<(string Name, string Function)> Methods)>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(source, "sdk"), "*.ts"))
        {
            foreach (Match type in Regex.Matches(File.ReadAllText(file), @"export class (\w+) extends ClientSDK \{(.*?)\n\}", RegexOptions.Singleline))
            {
                string body = type.Groups[2].Value;
                classes[type.Groups[1].Value] = (
                    Regex.Matches(body, @"get (\w+)\(\): (\w+) \{").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList(),
                    Regex.Matches(body, @"async (\w+)\([^)]*?\)[^{]*?\{\s*return unwrapAsync\((\w+)\(", RegexOptions.Singleline).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList());
            }
        }

        var names = new Dictionary<RequestKey, string>();
        Walk("Mistral", new List<string>());
        return names;

        void Walk(string type, List<string> prefix)
        {
            if (!classes.TryGetValue(type, out var members))
            {
                return;
            }

            foreach ((string name, string function) in members.Methods)
            {
                string text = File.ReadAllText(Path.Combine(source, "funcs", function + ".ts"));
                string path = Regex.Match(text, @"pathToFunc\(\s*""([^""]+)""").Groups[1].Value.Split('#')[0].Split('?')[0];
                string method = Regex.Match(text, @"method: ""(\w+)""").Groups[1].Value;
                bool stream = text.Contains("Accept: \"text/event-stream\"", StringComparison.Ordinal);
                names.TryAdd(new RequestKey(method, path, stream), string.Join(".", prefix.Append(name)));
            }

            foreach ((string name, string child) in members.Getters)
            {
                Walk(child, prefix.Append(name).ToList());
            }
        }
    }
}

/// <summary>A fact that needs both the shared folder (Mistral's document) and node with npm (Mistral's SDK).</summary>
public sealed class SharedNodeFactAttribute : FactAttribute
{
    public SharedNodeFactAttribute()
    {
        if (!TestPaths.SharedAvailable)
        {
            Skip = $"Needs {TestPaths.SharedDirectory}, which is not present in this checkout.";
        }
        else if (NodeSdk.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
