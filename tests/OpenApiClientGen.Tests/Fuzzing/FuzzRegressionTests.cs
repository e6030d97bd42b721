using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests.Fuzzing;

/// <summary>The smallest forms of the mutants that once crashed or hung the generator; each now ends in a diagnostic.</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Aliases_that_double_at_every_anchor_stop_with_a_diagnostic_instead_of_exhausting_memory()
    {
        var spec = new StringBuilder("openapi: 3.1.0\ninfo: {title: Bomb, version: '1'}\nx-a0: &a0 [lol, lol]\n");
        for (int i = 1; i < 30; i++)
        {
            spec.Append($"x-a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n");
        }

        Diagnostic diagnostic = SingleDiagnostic(spec.Append("paths: {}\n").ToString(), "/fuzz/bomb.yaml");

        Assert.Equal("OACG0013", diagnostic.Id);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line > 3);
    }

    [Fact]
    public void Aliases_nested_in_aliases_past_the_depth_limit_stop_with_a_diagnostic()
    {
        var spec = new StringBuilder("openapi: 3.1.0\ninfo: {title: Chain, version: '1'}\nx-a0: &a0 [end]\n");
        for (int i = 1; i < 400; i++)
        {
            spec.Append($"x-a{i}: &a{i} [*a{i - 1}]\n");
        }

        Diagnostic diagnostic = SingleDiagnostic(spec.Append("paths: {}\n").ToString(), "/fuzz/chain.yaml");

        Assert.Equal("OACG0013", diagnostic.Id);
    }

    [Fact]
    public void A_repeated_json_key_keeps_its_last_value()
    {
        const string spec = """
            {"openapi": "3.1.0", "info": {"title": "Twice", "version": "1"}, "paths": {},
             "components": {"schemas": {"Thing": {"type": "object", "properties": {"a": {"type": "string"}},
               "properties": {"b": {"type": "integer"}}}}}}
            """;

        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput("/fuzz/twice.json", spec))!;

        Assert.Empty(run.GeneratorDiagnostics);
        string model = run.Sources.Single(s => s.HintName == "TwiceClient.Model.Thing.g.cs").SourceText.ToString();
        Assert.Contains("long? B", model);
        Assert.DoesNotContain("string? A", model);
    }

    [Theory]
    [InlineData("/fuzz/boolean-property.json", """{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"components":{"schemas":{"Pet":{"type":"object","properties":{"name":false}}}}}""")]
    [InlineData("/fuzz/string-property.json", """{"swagger":"2.0","info":{"title":"T","version":"1"},"paths":{},"definitions":{"Pet":{"type":"object","properties":{"name":"class"}}}}""")]
    public void A_document_the_openapi_reader_throws_on_is_reported_as_a_document_error(string path, string spec)
    {
        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput(path, spec))!;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "OACG0010");
    }

    [Theory]
    [InlineData("\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": \"again\"}}}")]
    [InlineData("\"requestBody\": {\"content\": {\"application/json\": 3}}, \"responses\": {\"204\": {\"description\": \"ok\"}}")]
    public void A_media_type_that_is_not_an_object_is_skipped(string operation)
    {
        string spec = """{"openapi": "3.0.0", "info": {"title": "Media", "version": "1"}, "paths": {"/": {"post": {"operationId": "send", """ + operation + "}}}}";

        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput("/fuzz/media.json", spec))!;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        Assert.Contains(run.Sources, s => s.HintName == "MediaClient.Client.MediaClient.g.cs");
    }

    [Theory]
    [InlineData("/fuzz/string-component.json", """{"openapi":"3.1.0","info":{"title":"T","version":"1"},"webhooks":{"newPet":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}},"responses":{"200":{"description":"ok"}}}}},"components":{"schemas":{"Pet":"\u202Eevil"}}}""")]
    [InlineData("/fuzz/ref-cycle.json", """{"openapi":"3.1.0","info":{"title":"T","version":"1"},"webhooks":{"newPet":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}},"responses":{"200":{"description":"ok"}}}}},"components":{"schemas":{"Pet":{"type":"object","properties":{"id":{"type":"integer"}},"$ref":"#/webhooks/newPet/post/requestBody/content/application~1json/schema/$ref"}}}}""")]
    [InlineData("/fuzz/complex-key.yaml", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n? [a, b]\n: value\npaths: {}\n")]
    public void A_broken_value_where_a_schema_or_key_belongs_never_fails_the_generator(string path, string spec)
    {
        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput(path, spec))!;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
    }

    private static Diagnostic SingleDiagnostic(string spec, string path)
    {
        GeneratorRun? run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput(path, spec));

        Assert.NotNull(run);
        return Assert.Single(run!.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("\"bearerAuth\": \"not an object\"")]
    [InlineData("\"bearerAuth\": 7")]
    [InlineData("\"bearerAuth\": null")]
    public void A_security_scheme_that_is_not_an_object_is_left_out(string scheme)
    {
        // Found by the 10,000-mutant run: the scheme read as null and the security code threw.
        string spec = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"T\",\"version\":\"1\"},"
            + "\"security\":[{\"bearerAuth\":[]}],"
            + "\"paths\":{\"/users\":{\"get\":{\"operationId\":\"listUsers\",\"responses\":{\"204\":{\"description\":\"ok\"}}}}},"
            + "\"components\":{\"securitySchemes\":{" + scheme + "}}}";

        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput("/fuzz/security-scheme.json", spec))!;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("ListUsersAsync("));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "false")]
    [InlineData("application/x-www-form-urlencoded", "\"rows\"")]
    [InlineData("multipart/form-data", "7")]
    public void A_form_field_whose_schema_is_not_an_object_is_left_out(string mediaType, string field)
    {
        // Found by the 300- and 10,000-mutant runs: the field's schema read as null and building the form threw.
        string spec = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{\"/records\":{\"post\":{\"operationId\":\"search\","
            + "\"requestBody\":{\"content\":{\"" + mediaType + "\":{\"schema\":{\"type\":\"object\",\"properties\":{"
            + "\"criteria\":{\"type\":\"string\"},\"start\":" + field + "},\"required\":[\"criteria\"]}}}},"
            + "\"responses\":{\"204\":{\"description\":\"ok\"}}}}}}";

        GeneratorRun run = BoundedGeneratorRun.Run(System.TimeSpan.FromMinutes(1), new SpecInput("/fuzz/form-field.json", spec))!;

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "OACG0099");
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("SearchAsync(string criteria", client);
        Assert.DoesNotContain(" start", client);
    }
}
