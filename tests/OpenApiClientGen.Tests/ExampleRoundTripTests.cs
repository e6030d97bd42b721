using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGen.Model;
using OpenApiClientGen.Parsing;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace OpenApiClientGen.Tests;

/// <summary>
/// Every example a vendor document attaches to a schema, a request body or a response reads into the generated type
/// and writes back as equivalent JSON, with reflection-free codecs. Exclusions are examples that contradict their own
/// schema, each with the reason.
/// </summary>
public sealed class ExampleRoundTripTests
{
    /// <summary>Examples that contradict the schema they are attached to, by document and JSON pointer; a <c>*</c> stands for any run of characters.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1agents~1completions/post/responses/200/content/application~1json/examples/userExample/value"] =
            "usage.prompt_audio_seconds is an object; the schema says integer or null",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1embeddings/post/responses/200/content/application~1json/examples/userExample/value"] =
            "the required member id is missing",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1files/get/responses/200/content/application~1json/examples/userExample/value"] =
            "id is the placeholder \"<your_file_id>\"; the schema says format uuid",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1files/post/responses/200/content/application~1json/examples/userExample/value"] =
            "bytes is null; the schema says a required, non-nullable integer",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1files~1{file_id}/get/responses/200/content/application~1json/examples/userExample/value"] =
            "bytes is null; the schema says a required, non-nullable integer",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1models/get/responses/200/content/application~1json/examples/userExample/value"] =
            "the example is an array; the schema (ModelList) is an object",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1models~1{model_id}/get/responses/200/content/application~1json/examples/userExample/value"] =
            "the tag is spelled TYPE; the schema's discriminator and const member is type",
        ["reference-specs/mistral/openapi.yaml#/paths/~1v1~1ocr/post/responses/200/content/application~1json/examples/userExample/value"] =
            "pages[2].dimensions is {}; the schema requires dpi, height and width",
        ["reference-specs/pipeshub/pipeshub-openapi.yaml#/paths/~1agents/get/responses/200/content/application~1json/examples/success/value"] =
            "agents[0] lacks the required member mcpServers (and additionalProperties is false)",
        ["reference-specs/pipeshub/pipeshub-openapi.yaml#/paths/~1configurationManager~1ai-models~1prepare-model/post/responses/202/content/application~1json/example"] =
            "started_at 1751900000.123 does not fit the schema's format float (about 7 significant digits)",
        ["reference-specs/orq/openapi.yaml#*/properties/load_balancer/example"] =
            "load_balancer.models is an object (a second load balancer nested inside); the schema says an array of models",
        ["reference-specs/orq/openapi.yaml#/paths/~1v2~1identities/get/responses/200/content/application~1json/example"] =
            "data[0] lacks the required member metrics",
        ["reference-specs/orq/openapi.yaml#/paths/~1v2~1identities~1{id}/patch/responses/200/content/application~1json/example"] =
            "the identifier is spelled id; the schema names it _id",
        ["reference-specs/orq/openapi.yaml#/paths/~1v2~1chunking/post/responses/200/content/application~1json/example"] =
            "chunks[0].id is not in the schema, which lists text, index and metadata only; an undeclared member is skipped, not kept",
    };

    private readonly ITestOutputHelper _output;

    public ExampleRoundTripTests(ITestOutputHelper output) => _output = output;

    [SharedTheory]
    [InlineData("reference-specs/mistral/openapi.yaml", false)]
    [InlineData("reference-specs/orq/openapi.yaml", false)]
    [InlineData("reference-specs/pipeshub/sdk-python-speakeasy/out.openapi.yaml", false)]
    [InlineData("reference-specs/pipeshub/pipeshub-openapi.yaml", false)]
    [InlineData("reference-specs/pieces/sdk-csharp-bundled/openapi.yaml", false)]

    // Orq's document repeats most of its shapes in place; with shared types, a quarter of the types read them all.
    [InlineData("reference-specs/orq/openapi.yaml", true)]
    public void Every_example_in_a_reference_document_round_trips(string relativePath, bool shareIdenticalTypes)
    {
        string path = TestPaths.Shared(relativePath);
        string text = File.ReadAllText(path);
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, text, Namespace: "Vendor", ClientName: "VendorClient", ShareIdenticalTypes: shareIdenticalTypes ? "true" : null));
        ApiSpec api = run.Result.Results[0].TrackedSteps[TrackingNames.BuildModel]
            .SelectMany(step => step.Outputs)
            .Select(output => ((ModelResult)output.Value).Api)
            .Single()!;
        var document = (JsonObject)SpecTextConverter.Convert(path, text).Node!;
        ExampleCatalog catalog = ExampleCatalog.Build(document, api);

        using GeneratedAssembly assembly = GeneratedAssembly.Load(run);
        var failures = new List<string>();
        int passed = 0, excluded = 0;
        foreach (DocumentExample example in catalog.Examples)
        {
            string key = relativePath + "#" + example.Pointer;
            string? failure = RoundTrip(assembly, example);
            if (failure is null)
            {
                passed++;
            }
            else if (IsExcluded(key))
            {
                excluded++;
            }
            else
            {
                failures.Add(key + ": " + failure);
            }
        }

        _output.WriteLine($"{relativePath}: {catalog.Examples.Count} examples tested, {passed} passed, {excluded} excluded, {failures.Count} failed; {catalog.Unreached.Count} not paired with a generated type.");
        foreach (string unreached in catalog.Unreached)
        {
            _output.WriteLine("  not paired: " + unreached);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(60)) + Environment.NewLine + failures.Count + " failed in all");
    }

    private static bool IsExcluded(string key) => Exclusions.Keys.Any(pattern =>
        pattern.IndexOf('*') is int star and >= 0
            ? key.StartsWith(pattern.Substring(0, star), StringComparison.Ordinal) && key.EndsWith(pattern.Substring(star + 1), StringComparison.Ordinal)
            : key == pattern);

    private static string? RoundTrip(GeneratedAssembly assembly, DocumentExample example)
    {
        string json = example.Value?.ToJsonString() ?? "null";
        try
        {
            object codec = assembly.CodecFor((TypeRef)example.Type, "Vendor.VendorClientJson", allowNull: example.Value is null);
            string written = assembly.RoundTrip(codec, json);
            return JsonEquivalence.AreEquivalent(example.Value, JsonNode.Parse(written), out string difference) ? null : difference;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or NotSupportedException)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }
}
