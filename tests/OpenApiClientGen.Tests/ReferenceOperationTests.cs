using System.IO;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>The real cases the operation features exist for, read off the clients generated from the vendors' documents.</summary>
public sealed class ReferenceOperationTests
{
    [SharedFact]
    public void Mistral_sends_its_bearer_key_reads_422_as_HTTPValidationError_and_sends_metadata_as_json()
    {
        string groups = GroupSources("reference-specs/mistral/openapi.yaml");

        Assert.Contains(".Security(global::Vendor.VendorClientSecurity.ApiKey)", groups);
        Assert.Contains(".On(\"422\", global::Vendor.VendorClientJson.HttpValidationError)", groups);
        Assert.Contains(".QueryJson(\"metadata\", metadata, ", groups);
    }

    [SharedFact]
    public void Orq_reads_its_404_bodies_as_typed_errors()
    {
        string groups = GroupSources("reference-specs/orq/openapi.yaml");

        Assert.Contains(".On(\"404\", global::Vendor.VendorClientJson.", groups);
    }

    private static string GroupSources(string relativePath)
    {
        string path = TestPaths.Shared(relativePath);
        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Vendor", ClientName: "VendorClient"));
        return string.Join("\n", run.Sources.Where(s => s.HintName.Contains(".Group.", System.StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
    }
}
