using System;
using System.Linq;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// <c>readOnly</c> members (the server fills them) never go out in a request body; <c>writeOnly</c> members (only
/// requests carry them) bind a request through <c>required</c> but are never demanded of a response.
/// </summary>
public sealed class ReadWriteOnlyTests : IClassFixture<ReadWriteOnlyTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Kennel, version: '1'}
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
          /owners:
            get:
              operationId: getOwner
              responses:
                '200':
                  description: the owner
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Owner'}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: string, readOnly: true}
                name: {type: string}
                created: {type: integer, readOnly: true}
            Owner:
              oneOf:
                - $ref: '#/components/schemas/Person'
                - $ref: '#/components/schemas/Robot'
            Person:
              type: object
              required: [login, password]
              properties:
                login: {type: string}
                password: {type: string, writeOnly: true}
            Robot:
              type: object
              required: [serial]
              properties:
                serial: {type: string}
        """;

    private const string Probes = """
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Kennel;
        using OpenApiClientGen.Runtime;

        namespace Probe;

        public sealed class Recorder : HttpMessageHandler
        {
            public string Answer = "";
            public string Seen = "";

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Seen = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Answer, Encoding.UTF8, "application/json") };
            }
        }

        public static class Probes
        {
            private static (KennelClient Client, Recorder Recorder) Create(string answer)
            {
                var recorder = new Recorder { Answer = answer };
                return (new KennelClient(new HttpClient(recorder) { BaseAddress = new System.Uri("http://kennel.test/") }), recorder);
            }

            public static string SendFetchedPet()
            {
                var (client, recorder) = Create("{\"id\":\"p1\",\"name\":\"Rex\",\"created\":7}");
                Pet fetched = client.CreatePetAsync(new Pet { Name = "Rex" }).GetAwaiter().GetResult();
                string first = recorder.Seen;
                fetched.Name = "Max";
                client.CreatePetAsync(fetched).GetAwaiter().GetResult();
                return first + "|" + fetched.Id + "," + fetched.Created + "|" + recorder.Seen;
            }

            public static string SendFlattened()
            {
                var (client, recorder) = Create("{\"id\":\"p1\",\"name\":\"Rex\"}");
                client.CreatePetAsync(name: "Rex").GetAwaiter().GetResult();
                return recorder.Seen;
            }

            public static string WritePetAnywhereElse() =>
                JsonCodecs.Serialize(new Pet { Id = "p1", Name = "Rex" }, KennelClientJson.Pet);

            public static string ReadOwner()
            {
                var (client, _) = Create("{\"login\":\"ada\"}");
                Owner owner = client.GetOwnerAsync().GetAwaiter().GetResult();
                return owner.AsPerson is { } person ? "person " + person.Login + " " + (person.Password ?? "(no password)") : "robot";
            }

            public static string SendPerson() =>
                Encoding.UTF8.GetString(JsonCodecs.SerializeToUtf8Bytes(new Person { Login = "ada", Password = "secret" }, KennelClientJson.Person));
        }
        """;

    private readonly Compiled _compiled;

    public ReadWriteOnlyTests(Compiled compiled) => _compiled = compiled;

    private string Probe(string method) => (string)_compiled.Assembly.Call("Probe.Probes", method)!;

    [Fact]
    public void A_read_only_member_is_read_from_the_response_and_left_out_of_the_next_request()
    {
        string[] parts = Probe("SendFetchedPet").Split('|');

        JsonAssert.Equal("""{"name":"Rex"}""", parts[0]);
        Assert.Equal("p1,7", parts[1]);
        JsonAssert.Equal("""{"name":"Max"}""", parts[2]);
    }

    [Fact]
    public void The_flattened_overload_takes_no_read_only_member()
    {
        JsonAssert.Equal("""{"name":"Rex"}""", Probe("SendFlattened"));
        string client = string.Concat(_compiled.Run.Sources.Where(s => s.HintName.StartsWith("KennelClient.Client", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.Contains("CreatePetAsync(string name, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_member_is_still_written_outside_a_request()
    {
        JsonAssert.Equal("""{"id":"p1","name":"Rex"}""", Probe("WritePetAnywhereElse"));
    }

    [Fact]
    public void A_required_write_only_member_is_not_demanded_of_a_response()
    {
        Assert.Equal("person ada (no password)", Probe("ReadOwner"));
        JsonAssert.Equal("""{"login":"ada","password":"secret"}""", Probe("SendPerson"));
        string person = _compiled.Run.Sources.Single(s => s.HintName == "KennelClient.Model.Person.g.cs").SourceText.ToString();
        // A request must carry it, so C# demands it; a model read from a response has none, so the type admits null.
        Assert.Contains("public required string? Password { get; set; }", person, StringComparison.Ordinal);
    }


    /// <summary>The spec, generated and compiled once for the class.</summary>
    public sealed class Compiled : IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/kennel.yaml", Spec, Namespace: "Kennel", ClientName: "KennelClient"));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
