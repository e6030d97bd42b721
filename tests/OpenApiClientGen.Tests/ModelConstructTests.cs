using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// Each schema construct in <c>tests/Specs/models.yaml</c>, read and written by the generated code. The probe source is
/// compiled with the generated code, so the conversions it relies on (<c>Inputs = "hello"</c>) are checked by the compiler.
/// </summary>
public sealed class ModelConstructTests : IClassFixture<ModelConstructTests.Compiled>
{
    private const string Probes = """
        using System.Collections.Generic;
        using System.Linq;
        using Models;
        using OpenApiClientGen.Runtime;

        namespace Probe;

        public static class Probes
        {
            public static string InputsFromString() =>
                JsonCodecs.Serialize(new ConversationRequest { Inputs = "hello" }, ModelsClientJson.ConversationRequest);

            public static string InputsFromEntries()
            {
                var entries = new List<InputEntry> { new MessageEntry { Content = "hi" }, new FunctionResultEntry { ToolCallId = "c1", Result = "42" } };
                return JsonCodecs.Serialize(new ConversationRequest { Inputs = entries }, ModelsClientJson.ConversationRequest);
            }

            public static string ReadInputs(string json)
            {
                ConversationRequest request = JsonCodecs.Deserialize(json, ModelsClientJson.ConversationRequest);
                return request.Inputs.AsString
                    ?? string.Join(",", request.Inputs.AsInputEntryList!.Select(e => e.AsMessageEntry?.Content ?? e.AsFunctionResultEntry?.Result ?? "unknown:" + e.Unknown!.Tag));
            }

            public static string ReadScale(string json)
            {
                ConversationRequest request = JsonCodecs.Deserialize(json, ModelsClientJson.ConversationRequest);
                return request.Scale!.Value.GetType().Name + ":" + request.Scale.Value;
            }

            public static string DescribeAnimal(string json)
            {
                Animal animal = JsonCodecs.Deserialize(json, ModelsClientJson.Animal);
                return animal.AsCat is { } cat ? "cat " + cat.Lives
                    : animal.AsDog is { } dog ? "dog " + dog.Good
                    : animal.AsBird is { } bird ? "bird " + bird.Wingspan
                    : "unknown " + animal.Unknown!.Tag;
            }

            public static string WriteNames()
            {
                var names = new Names { Class = "c", N2fa = true, Größe = 3, Ref = "#/x", Id = "lower", ID = "upper", Names2 = "self", When = Class.N1st };
                return JsonCodecs.Serialize(names, ModelsClientJson.Names);
            }

            public static string EnumMembers() => string.Join(",", new[] { Class.N1st, Class.Class2, Class.AB, Class.AB2, Class.AB3 }.Select(c => c.Value));

            public static string ReadFormats(string json)
            {
                Formats formats = JsonCodecs.Deserialize(json, ModelsClientJson.Formats);
                System.DateOnly? day = formats.Day;
                System.TimeOnly? at = formats.At;
                System.Uri? link = formats.Link;
                decimal? amount = formats.Amount;
                string? odd = formats.Odd;
                string? blob = formats.Blob;
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                return day?.ToString("yyyy-MM-dd", invariant) + "|" + at?.ToString("HH:mm:ss", invariant) + "|" + link + "|" + amount?.ToString(invariant) + "|" + odd + "|" + blob;
            }

            public static string WriteFormatsWithoutServerId() => JsonCodecs.Serialize(new Formats { Secret = "p" }, ModelsClientJson.Formats);

            public static string WriteCat() => JsonCodecs.Serialize<Animal>(new Cat { Lives = 9 }, ModelsClientJson.Animal);

            public static string WriteBird() => JsonCodecs.Serialize<Animal>(new Bird { Wingspan = 1.5 }, ModelsClientJson.Animal);

            public static string WriteStop(int state)
            {
                var request = new ConversationRequest { Inputs = "x" };
                if (state == 1) request.Stop = null;
                // C# applies one user-defined conversion, not two: string to the union, then to Optional, needs the cast.
                if (state == 2) request.Stop = (ConversationRequestStop)"END";
                if (state == 3) request.Stop = (ConversationRequestStop)new List<string> { "a", "b" };
                return JsonCodecs.Serialize(request, ModelsClientJson.ConversationRequest);
            }

            public static string StreamingRequest() =>
                JsonCodecs.Serialize(new StreamingConversationRequest { Inputs = "x" }, ModelsClientJson.StreamingConversationRequest);

            public static string ReadExtras(string json)
            {
                Zoo zoo = JsonCodecs.Deserialize(json, ModelsClientJson.Zoo);
                return string.Join(",", zoo.Extras!.AdditionalProperties.Keys.OrderBy(k => k)) + "|" + string.Join(",", zoo.Counted!.AdditionalProperties.Select(p => p.Key + "=" + p.Value));
            }
        }
        """;

    private readonly Compiled _compiled;

    public ModelConstructTests(Compiled compiled) => _compiled = compiled;

    private GeneratedAssembly Assembly => _compiled.Assembly;

    private string Probe(string method, params object?[] arguments) => (string)Assembly.Call("Probe.Probes", method, arguments)!;

    private string RoundTrip(string codec, string json) => Assembly.RoundTrip(Assembly.Codec("Models.ModelsClientJson", codec), json);

    [Fact]
    public void A_union_without_discriminator_converts_from_a_string_and_from_a_list()
    {
        AssertJson("""{"inputs":"hello"}""", Probe("InputsFromString"));
        AssertJson(
            """{"inputs":[{"type":"message.input","content":"hi"},{"type":"function.result","tool_call_id":"c1","result":"42"}]}""",
            Probe("InputsFromEntries"));
    }

    [Fact]
    public void A_union_without_discriminator_reads_by_shape()
    {
        Assert.Equal("hello", Probe("ReadInputs", """{"inputs":"hello"}"""));
        Assert.Equal("hi,42", Probe("ReadInputs", """{"inputs":[{"type":"message.input","content":"hi"},{"type":"function.result","tool_call_id":"c1","result":"42"}]}"""));
    }

    [Fact]
    public void Branches_that_each_fix_the_same_member_are_told_apart_by_it_and_an_unknown_value_is_kept()
    {
        string json = """{"inputs":[{"type":"message.input","content":"hi"},{"type":"agent.handoff","content":"kept","extra":[1,2]}]}""";

        Assert.Equal("hi,unknown:agent.handoff", Probe("ReadInputs", json));
        AssertJson(json, RoundTrip("ConversationRequest", json));
    }

    [Fact]
    public void JSON_that_fits_no_variant_fails_with_the_union_name()
    {
        var error = Assert.Throws<JsonException>(() => Probe("ReadInputs", """{"inputs":42}"""));

        Assert.Contains("ConversationInputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_pick_the_integer_variant_only_when_they_are_whole()
    {
        Assert.Equal("Int64:3", Probe("ReadScale", """{"inputs":"x","scale":3}"""));
        Assert.Equal("Double:2.5", Probe("ReadScale", """{"inputs":"x","scale":2.5}"""));
        Assert.Equal("Boolean:True", Probe("ReadScale", """{"inputs":"x","scale":true}"""));
    }

    [Theory]
    [InlineData("""{"kind":"cat","lives":9}""", "cat 9")]
    [InlineData("""{"kind":"dog","good":true}""", "dog True")]
    [InlineData("""{"good":false,"kind":"puppy"}""", "dog False")]
    [InlineData("""{"kind":"bird","wingspan":0.5}""", "bird 0.5")]
    [InlineData("""{"kind":"fish","fins":2}""", "unknown fish")]
    public void A_discriminated_union_reads_the_variant_its_tag_names(string json, string expected)
    {
        Assert.Equal(expected, Probe("DescribeAnimal", json));
    }

    [Fact]
    public void A_union_member_whose_tag_is_missing_is_matched_by_its_members()
    {
        Assert.Equal("dog True", Probe("DescribeAnimal", """{"good":true}"""));
    }

    [Theory]
    [InlineData("""{"kind":"fish","fins":2,"water":{"salt":true}}""")]
    [InlineData("""{"kind":"dog","good":true}""")]
    public void A_discriminated_union_round_trips_known_and_unknown_variants(string json)
    {
        AssertJson(json, RoundTrip("Animal", json));
    }

    [Fact]
    public void A_const_tag_is_sent_even_when_the_schema_leaves_it_optional()
    {
        AssertJson("""{"kind":"bird","wingspan":1.5}""", Probe("WriteBird"));
    }

    [Fact]
    public void A_variant_built_in_CSharp_starts_with_its_mapping_tag()
    {
        AssertJson("""{"kind":"cat","lives":9}""", Probe("WriteCat"));
    }

    [Fact]
    public void A_nullable_union_sends_unset_null_or_either_variant()
    {
        AssertJson("""{"inputs":"x"}""", Probe("WriteStop", 0));
        AssertJson("""{"inputs":"x","stop":null}""", Probe("WriteStop", 1));
        AssertJson("""{"inputs":"x","stop":"END"}""", Probe("WriteStop", 2));
        AssertJson("""{"inputs":"x","stop":["a","b"]}""", Probe("WriteStop", 3));
    }

    [Fact]
    public void A_subtype_that_narrows_a_base_member_compiles_and_writes_it()
    {
        AssertJson("""{"inputs":"x","stream":true}""", Probe("StreamingRequest"));
    }

    [Fact]
    public void Additional_properties_are_kept_typed_or_as_JSON_and_written_back()
    {
        string json = """{"extras":{"note":"n","x":1,"y":{"a":[1]}},"counted":{"total":3,"apples":2},"labels":{"a":"b"}}""";

        Assert.Equal("x,y|apples=2", Probe("ReadExtras", json));
        AssertJson(json, RoundTrip("Zoo", json));
    }

    [Fact]
    public void Unknown_members_never_fail_and_are_dropped_where_the_schema_closes_the_object()
    {
        string written = RoundTrip("Zoo", """{"closed":{"only":"o","zzz":1},"surprise":[true]}""");

        AssertJson("""{"closed":{"only":"o"}}""", written);
    }

    [Fact]
    public void Names_that_are_not_CSharp_identifiers_get_valid_members_and_keep_their_wire_names()
    {
        AssertJson("""{"class":"c","2fa":true,"größe":3,"$ref":"#/x","id":"lower","ID":"upper","names":"self","when":"1st"}""", Probe("WriteNames"));
        Assert.Equal("1st,class,a-b,A_B,a b", Probe("EnumMembers"));
    }

    [Fact]
    public void Formats_map_to_their_types_and_unknown_formats_stay_strings()
    {
        string json = """{"day":"2024-02-29","at":"13:45:30","stamp":"2024-02-29T13:45:30+00:00","link":"https://x.example/a?b=c","amount":12.345,"blob":"abc","odd":"whatever","big":9007199254740993,"small":7,"ratio":0.5,"raw":"AQID","key":"0f8fad5b-d9cb-469f-a165-70867728950e","server_id":"s1","secret":"p"}""";

        Assert.Equal("2024-02-29|13:45:30|https://x.example/a?b=c|12.345|whatever|abc", Probe("ReadFormats", json));
        AssertJson(json, RoundTrip("Formats", json));
    }

    [Fact]
    public void A_required_read_only_member_need_not_be_set_to_send_a_request()
    {
        AssertJson("""{"secret":"p"}""", Probe("WriteFormatsWithoutServerId"));
    }

    [Fact]
    public void Date_and_time_formats_stay_strings_when_the_compilation_has_no_codecs_for_them()
    {
        string path = TestPaths.TestSpec("models.yaml");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Bare", references: new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecInput(path, File.ReadAllText(path), Namespace: "Models", ClientName: "ModelsClient") }).RunGenerators(compilation);

        string formats = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == "ModelsClient.Model.Formats.g.cs").SourceText.ToString();
        Assert.Contains("public string? Day { get; set; }", formats, StringComparison.Ordinal);
        Assert.Contains("public string? At { get; set; }", formats, StringComparison.Ordinal);
        Assert.Contains("global::System.DateOnly? Day", _compiled.Run.Sources.Single(s => s.HintName == "ModelsClient.Model.Formats.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}{Environment.NewLine}but got  {actual}");

    /// <summary>The models spec, generated and compiled once for the class.</summary>
    public sealed class Compiled : IDisposable
    {
        public Compiled()
        {
            string path = TestPaths.TestSpec("models.yaml");
            Run = GeneratorHarness.RunWith(Probes, new SpecInput(path, File.ReadAllText(path), Namespace: "Models", ClientName: "ModelsClient"));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
