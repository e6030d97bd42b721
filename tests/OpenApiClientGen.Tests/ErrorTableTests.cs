using System.Linq;
using System.Text.RegularExpressions;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>
/// The operations of a group that declare the same typed error bodies share one error table; the same statuses with
/// other bodies, or another group, get a table of their own. Each call still reads its own declared body.
/// </summary>
public sealed class ErrorTableTests : IClassFixture<ErrorTableTests.Compiled>
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Shelf, version: '1'}
        paths:
          /books/{id}:
            get:
              operationId: getBook
              tags: [books]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
                '404': {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
            delete:
              operationId: deleteBook
              tags: [books]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '204': {description: gone}
                '404': {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
          /books:
            post:
              operationId: addBook
              tags: [books]
              requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
                '404': {description: no shelf, content: {application/json: {schema: {$ref: '#/components/schemas/NoShelf'}}}}
          /shelves/{id}:
            get:
              operationId: getShelf
              tags: [shelves]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Book'}}}}
                '404': {description: missing, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}
        components:
          schemas:
            Book: {type: object, properties: {title: {type: string}}}
            Missing: {type: object, properties: {what: {type: string}}}
            NoShelf: {type: object, properties: {shelf: {type: string}}}
        """;

    private const string Probes = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using OpenApiClientGen.Runtime;
        using Shelf;

        namespace Probe;

        public sealed class NotFound : HttpMessageHandler
        {
            public string Answer = "";

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(Answer, Encoding.UTF8, "application/json") });
        }

        public static class Probes
        {
            private static ShelfClient Create(string answer) =>
                new(new HttpClient(new NotFound { Answer = answer }) { BaseAddress = new Uri("http://shelf.test/") });

            private static string Caught(Func<Task> call)
            {
                try
                {
                    call().GetAwaiter().GetResult();
                    return "no exception";
                }
                catch (ApiException<Missing> e)
                {
                    return "missing " + e.Error.What;
                }
                catch (ApiException<NoShelf> e)
                {
                    return "no shelf " + e.Error.Shelf;
                }
                catch (ApiException e)
                {
                    return "untyped " + e.Body;
                }
            }

            public static string GetBook() => Caught(() => Create("{\"what\":\"b1\"}").Books.GetBookAsync("b1"));

            public static string DeleteBook() => Caught(() => Create("{\"what\":\"b2\"}").Books.DeleteBookAsync("b2"));

            public static string AddBook() => Caught(() => Create("{\"shelf\":\"s1\"}").Books.AddBookAsync(new Book()));

            public static string GetShelf() => Caught(() => Create("{\"what\":\"s2\"}").Shelves.GetShelfAsync("s2"));
        }
        """;

    private readonly Compiled _compiled;

    public ErrorTableTests(Compiled compiled) => _compiled = compiled;

    [Fact]
    public void Operations_that_declare_the_same_bodies_share_a_table_and_the_others_have_their_own()
    {
        string books = _compiled.Source("Books");
        Assert.Equal(new[] { "_on404Errors", "_on404Errors2" }, Tables(books));
        Assert.Equal(2, Regex.Matches(books, @"\.Errors\(_on404Errors\)").Count);
        Assert.Single(Regex.Matches(books, @"\.Errors\(_on404Errors2\)"));
        Assert.Equal(new[] { "_on404Errors" }, Tables(_compiled.Source("Shelves")));
    }

    [Theory]
    [InlineData("GetBook", "missing b1")]
    [InlineData("DeleteBook", "missing b2")]
    [InlineData("AddBook", "no shelf s1")]
    [InlineData("GetShelf", "missing s2")]
    public void Each_call_reads_the_error_body_its_operation_declares(string probe, string expected) =>
        Assert.Equal(expected, (string)_compiled.Assembly.Call("Probe.Probes", probe)!);

    private static string[] Tables(string source) =>
        Regex.Matches(source, @"ApiErrorTable (\w+) = new").Select(m => m.Groups[1].Value).ToArray();

    public sealed class Compiled : System.IDisposable
    {
        public Compiled()
        {
            Run = GeneratorHarness.RunWith(Probes, new SpecInput("/specs/shelf.yaml", Spec, Namespace: "Shelf", ClientName: "ShelfClient"));
            Assert.True(Run.CompilationErrors.Count == 0, Run.Describe(Run.CompilationErrors));
            Assembly = GeneratedAssembly.Load(Run);
        }

        public GeneratorRun Run { get; }

        public GeneratedAssembly Assembly { get; }

        /// <summary>The generated class of the group <paramref name="group"/>.</summary>
        public string Source(string group) =>
            Run.Sources.Single(s => s.HintName.EndsWith($".Group.{group}Client.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();

        public void Dispose() => Assembly.Dispose();
    }
}
