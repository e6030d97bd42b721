using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Edits that change only layout, in a JSON spec or in a referenced file, leave the generated output as it was.</summary>
public sealed class SpecEditCachingTests
{
    private const string JsonSpec = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Layout", "version": "1"},
          "paths": {"/things": {"get": {"operationId": "listThings",
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
          "components": {"schemas": {"Thing": {"type": "object", "properties": {"name": {"type": "string"}}}}}
        }
        """;

    private const string RootSpec = """
        openapi: 3.0.3
        info: {title: Split, version: '1'}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'common/library.yaml#/components/schemas/Thing'}
        """;

    private const string Library = """
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
        """;

    [Theory]
    [InlineData("reindented")]
    [InlineData("commented")]
    public void A_layout_only_edit_of_a_json_spec_leaves_the_output_unchanged(string edit)
    {
        var run = new CachingRun(new SpecInput("/specs/layout.json", JsonSpec));

        string edited = edit == "reindented"
            ? string.Join("\n", JsonSpec.Split('\n').Select(line => "    " + line.Trim())) + "\n\n"
            : "// the catalogue API\n" + JsonSpec.Replace("\"paths\":", "/* operations */ \"paths\":", System.StringComparison.Ordinal);
        GeneratorRunResult result = run.Replace("/specs/layout.json", edited);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, CachingRun.Reasons(result, TrackingNames.ReadSpec));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, CachingRun.Reasons(result, TrackingNames.ConvertToJson));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, CachingRun.Reasons(result, TrackingNames.BuildModel));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, CachingRun.Reasons(result, TrackingNames.EmitSource));
    }

    [Fact]
    public void A_layout_only_edit_of_a_referenced_file_leaves_the_output_unchanged()
    {
        var run = new CachingRun(new SpecInput("/api/split.yaml", RootSpec), new SpecInput("/api/common/library.yaml", Library, Role: "reference"));

        GeneratorRunResult result = run.Replace("/api/common/library.yaml", "# shared schemas\n\n" + Library.Replace("name: {type: string}", "name:   { type: string }  # shown to users", System.StringComparison.Ordinal));

        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, CachingRun.Reasons(result, TrackingNames.ReadReferencedFile));
        Assert.All(CachingRun.Reasons(result, TrackingNames.BuildModel), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(CachingRun.Reasons(result, TrackingNames.EmitSource), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void A_real_edit_of_a_referenced_file_regenerates_the_spec_that_uses_it()
    {
        var run = new CachingRun(new SpecInput("/api/split.yaml", RootSpec), new SpecInput("/api/common/library.yaml", Library, Role: "reference"));

        GeneratorRunResult result = run.Replace("/api/common/library.yaml", Library.Replace("name: {type: string}", "title: {type: string}", System.StringComparison.Ordinal));

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, CachingRun.Reasons(result, TrackingNames.BuildModel));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Title", System.StringComparison.Ordinal));
    }

    /// <summary>A driver that has run once, so the next run's step reasons say what the edit cost.</summary>
    private sealed class CachingRun
    {
        private readonly CSharpCompilation _compilation = GeneratorHarness.CreateCompilation();
        private readonly IReadOnlyList<AdditionalText> _texts;
        private GeneratorDriver _driver;

        public CachingRun(params SpecInput[] specs)
        {
            _driver = GeneratorHarness.CreateDriver(specs, out _texts).RunGenerators(_compilation);
        }

        public GeneratorRunResult Replace(string path, string text)
        {
            _driver = _driver.ReplaceAdditionalText(_texts.Single(t => t.Path == path), GeneratorHarness.Text(path, text));
            return _driver.RunGenerators(_compilation).GetRunResult().Results.Single();
        }

        public static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
            result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
    }
}
