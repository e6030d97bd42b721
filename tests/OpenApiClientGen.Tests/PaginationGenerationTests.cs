using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OpenApiClientGen.Tests.Infrastructure;
using Xunit;

namespace OpenApiClientGen.Tests;

/// <summary>Which lists are read as paged, from a declaration or from their shape, and the info OACG0025 that says so.</summary>
public sealed class PaginationGenerationTests
{
    // The operation's `get:` (or `post:`) key is on line 7 of every spec below, column 5.
    private const int OperationLine = 7;

    private const string Header = """
        openapi: 3.1.0
        info:
          title: Lists
          version: '1'
        paths:
          /things:

        """;

    private const string ThingSchema = """
            Thing:
              type: object
              required: [id]
              properties:
                id: { type: string }
                name: { type: string }

        """;

    // A list beside the one under test that is read as paged, so that a test of a list that is not shows the rule ran.
    private const string PagedSibling = """

          /others:
            get:
              operationId: listOthers
              parameters:
                - { name: after, in: query, schema: { type: string } }
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/OtherList' }
        """;

    private const string OtherListSchema = """

            OtherList:
              type: object
              properties:
                data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                has_more: { type: boolean }
        """;

    [Fact]
    public void Speakeasy_cursor_pagination_as_Mistral_declares_it_gives_the_item_and_page_methods()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: page_size, in: query, schema: { type: integer } }
                    - name: page_token
                      in: query
                      schema:
                        anyOf: [{ type: string }, { type: 'null' }]
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
                  x-speakeasy-pagination:
                    type: cursor
                    inputs:
                      - { name: page_token, in: parameters, type: cursor }
                      - { name: page_size, in: parameters, type: limit }
                    outputs:
                      results: $.data
                      nextCursor: $.next_page_token
            """, """
                ThingPage:
                  type: object
                  required: [data]
                  properties:
                    data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    next_page_token:
                      anyOf: [{ type: string }, { type: 'null' }]
            """);

        AssertDetected(run, "listThings", "by cursor (x-speakeasy-pagination)");
        string client = Client(run);
        Assert.Contains("IAsyncEnumerable<global::Lists.Thing> ListAllThingsAsync(long? pageSize = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("IAsyncEnumerable<global::Lists.ThingPage> ListThingsPagesAsync(long? pageSize = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("(cursor, ct) => ListThingsAsync(pageSize: pageSize, pageToken: cursor, cancellationToken: ct)", client);
        Assert.Contains("listPage => listPage.NextPageToken.GetValueOrDefault()", client);
    }

    [Fact]
    public void Speakeasy_offsetLimit_pagination_by_page_reads_the_page_count()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: page, in: query, schema: { type: integer, format: int32 } }
                    - { name: limit, in: query, schema: { type: integer, format: int32 } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
                  x-speakeasy-pagination:
                    type: offsetLimit
                    inputs:
                      - { name: page, in: parameters, type: page }
                      - { name: limit, in: parameters, type: limit }
                    outputs:
                      results: $.result.things
                      numPages: $.result.pages
            """, """
                ThingPage:
                  type: object
                  properties:
                    result:
                      type: object
                      properties:
                        things: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                        pages: { type: integer }
            """);

        AssertDetected(run, "listThings", "by page number (x-speakeasy-pagination)");
        string client = Client(run);
        Assert.Contains("OACG::ApiPages.ByPageNumber<global::Lists.ThingPage, global::Lists.Thing>(", client);
        Assert.Contains("(position, ct) => ListThingsAsync(page: checked((int)position), limit: limit, cancellationToken: ct)", client);
        Assert.Contains("listPage => listPage.Result?.Things", client);
        Assert.Contains("totalPages: listPage => listPage.Result?.Pages", client);
    }

    [Fact]
    public void Fern_cursor_pagination_reads_request_and_response_paths()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: starting_after, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
                  x-fern-pagination:
                    cursor: $request.starting_after
                    next_cursor: $response.next
                    results: $response.things
            """, """
                ThingPage:
                  type: object
                  properties:
                    things: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    next: { type: string }
            """);

        AssertDetected(run, "listThings", "by cursor (x-fern-pagination)");
        string client = Client(run);
        Assert.Contains("ListThingsPagesAsync(global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("(cursor, ct) => ListThingsAsync(startingAfter: cursor, cancellationToken: ct)", client);
        Assert.Contains("listPage => listPage.Next,", client);
    }

    [Fact]
    public void Fern_offset_pagination_counts_pages_from_the_parameter_default()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: page, in: query, schema: { type: integer, default: 0 } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
                  x-fern-pagination:
                    offset: $request.page
                    results: $response.things
                    has-next-page: $response.more
            """, """
                ThingPage:
                  type: object
                  properties:
                    things: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    more: { type: boolean }
            """);

        AssertDetected(run, "listThings", "by page number (x-fern-pagination)");
        string client = Client(run);
        Assert.Contains("ByPageNumber<global::Lists.ThingPage, global::Lists.Thing>(\n            0,", client.Replace("\r", ""));
        Assert.Contains("hasMore: listPage => listPage.More", client);
    }

    [Fact]
    public void Azure_x_ms_pageable_follows_the_next_link_and_reads_value_by_default()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: api-version, in: query, required: true, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingList' }
                  x-ms-pageable:
                    nextLinkName: odata.nextLink
            """, """
                ThingList:
                  type: object
                  properties:
                    value: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    odata.nextLink: { type: string }
            """);

        AssertDetected(run, "listThings", "by next link (x-ms-pageable)");
        string client = Client(run);
        Assert.Contains("ListAllThingsAsync(string apiVersion, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("(nextLink, ct) => nextLink is null ? ListThingsAsync(apiVersion: apiVersion, cancellationToken: ct) : NextPageAsync(nextLink, ct)", client);
        Assert.Contains("listPage => listPage.OdataNextLink,", client);
        Assert.Contains("request.NextLink(link);", client);
    }

    [Fact]
    public void An_OpenAI_style_list_with_after_and_has_more_pages_after_the_last_id()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: after, in: query, schema: { type: string } }
                    - { name: limit, in: query, schema: { type: integer } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingList' }
            """, """
                ThingList:
                  type: object
                  required: [data, has_more]
                  properties:
                    object: { type: string }
                    data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    last_id: { type: string }
                    has_more: { type: boolean }
            """);

        AssertDetected(run, "listThings", "by cursor (after/has_more)");
        string client = Client(run);
        Assert.Contains("ListAllThingsAsync(long? limit = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("listPage => listPage.HasMore == true ? listPage.LastId ?? OACG::ApiPages.Last(listPage.Data)?.Id : null", client);
    }

    [Fact]
    public void A_list_with_page_and_page_size_pages_by_number()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: page, in: query, schema: { type: integer, minimum: 1 } }
                    - { name: pageSize, in: query, schema: { type: integer } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
            """, """
                ThingPage:
                  type: object
                  properties:
                    items: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    total: { type: integer }
            """);

        AssertDetected(run, "listThings", "by page number (page/pageSize)");
        string client = Client(run);
        Assert.Contains("ListAllThingsAsync(long? pageSize = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("ByPageNumber<global::Lists.ThingPage, global::Lists.Thing>(\n            1,", client.Replace("\r", ""));
        Assert.Contains("totalItems: listPage => listPage.Total", client);
    }

    [Fact]
    public void A_page_number_list_reads_its_totals_from_a_pagination_member_as_PipesHub_writes_them()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: getAll
                  parameters:
                    - { name: page, in: query, schema: { type: integer, minimum: 1, default: 1 } }
                    - { name: limit, in: query, schema: { type: integer } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              success: { type: boolean }
                              data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                              pagination:
                                type: object
                                properties:
                                  total: { type: integer }
                                  totalPages: { type: integer }
            """, "");

        AssertDetected(run, "getAll", "by page number (page/limit)");
        string client = Client(run);
        Assert.Contains("GetAllItemsAsync(long? limit = null, global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("totalPages: listPage => listPage.Pagination?.TotalPages,", client);
        Assert.Contains("totalItems: listPage => listPage.Pagination?.Total,", client);
    }

    [Theory]
    [InlineData("after", "limit", "data")]       // no has_more
    [InlineData("page", "offset", "data")]       // no page size
    [InlineData("page", "limit", "entries")]     // the items are not where the rule looks
    public void A_list_that_misses_part_of_a_shape_is_one_page_per_call_without_a_diagnostic(string position, string size, string items)
    {
        GeneratorRun run = Run($$"""
                get:
                  operationId: listThings
                  parameters:
                    - { name: {{position}}, in: query, schema: { type: {{(position == "after" ? "string" : "integer")}} } }
                    - { name: {{size}}, in: query, schema: { type: integer } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
            """ + PagedSibling, $$"""
                ThingPage:
                  type: object
                  properties:
                    {{items}}: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    total_pages: { type: integer }
            """ + OtherListSchema);

        AssertOnlyTheSiblingIsPaged(run);
    }

    [Fact]
    public void A_shape_is_read_on_GET_only()
    {
        GeneratorRun run = Run("""
                post:
                  operationId: searchThings
                  parameters:
                    - { name: after, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingList' }
            """ + PagedSibling, """
                ThingList:
                  type: object
                  properties:
                    data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    has_more: { type: boolean }
            """ + OtherListSchema);

        AssertOnlyTheSiblingIsPaged(run);
    }

    [Theory]
    [InlineData("x-speakeasy-pagination: { type: cursor, inputs: [{ name: cursor, in: parameters, type: cursor }], outputs: { results: '$.data[*]', nextCursor: $.next } }", "'$.data[*]' is not a path of the form '$.a.b'")]
    [InlineData("x-speakeasy-pagination: { type: url, outputs: { results: $.data } }", "type 'url' is not one of cursor and offsetLimit")]
    [InlineData("x-speakeasy-pagination: { type: cursor, inputs: [cursor], outputs: { results: $.data, nextCursor: $.next } }", "an input has no name or type")]
    [InlineData("x-speakeasy-pagination: { type: cursor, inputs: [{ name: cursor, in: requestBody, type: cursor }], outputs: { results: $.data, nextCursor: $.next } }", "input 'cursor' is in 'requestBody'")]
    [InlineData("x-speakeasy-pagination: { type: cursor, inputs: [{ name: cursor, in: parameters, type: cursor }], outputs: { results: $.data, nextCursor: $.missing } }", "the page has no member at '$.missing'")]
    [InlineData("x-fern-pagination: { cursor: $request.body.cursor, next_cursor: $response.next, results: $response.data }", "a cursor list needs cursor '$request.<parameter>'")]
    [InlineData("x-fern-pagination: true", "not an object")]
    [InlineData("x-ms-pageable: { nextLinkName: null }", "nextLinkName is null")]
    public void A_declaration_that_is_not_read_is_one_page_per_call_with_the_reason(string declaration, string reason)
    {
        GeneratorRun run = Run($$"""
                get:
                  operationId: listThings
                  parameters:
                    - { name: cursor, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
                  {{declaration}}
            """, """
                ThingPage:
                  type: object
                  properties:
                    data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    next: { type: string }
            """);

        Diagnostic diagnostic = AssertInfoAtOperation(run);
        Assert.Contains(reason, diagnostic.GetMessage());
        Assert.Contains("one page per call", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        Assert.DoesNotContain("PagesAsync(", Client(run));
    }

    [Fact]
    public void The_paged_methods_never_take_a_name_an_operation_has()
    {
        GeneratorRun run = Run("""
                get:
                  operationId: listThings
                  parameters:
                    - { name: after, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingList' }
              /things/all:
                get:
                  operationId: listAllThings
                  responses:
                    '204':
                      description: Nothing.
            """, """
                ThingList:
                  type: object
                  properties:
                    data: { type: array, items: { $ref: '#/components/schemas/Thing' } }
                    has_more: { type: boolean }
            """);

        string client = Client(run);
        Assert.Contains("Task ListAllThingsAsync(global::System.Threading.CancellationToken cancellationToken = default)", client);
        Assert.Contains("IAsyncEnumerable<global::Lists.Thing> ListAllThings2Async(", client);
        Assert.Contains("ListAllThings2Async yields every item", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0025").GetMessage());
    }

    [SharedFact]
    public void The_published_Mistral_document_pages_the_lists_it_declares_and_its_page_number_lists()
    {
        string path = TestPaths.Shared("reference-specs/mistral/openapi.yaml");

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "Mistral", ClientName: "MistralClient"));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string[] paged = run.GeneratorDiagnostics.Where(d => d.Id == "OACG0025").Select(d => d.GetMessage().Split(':')[0]).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "Operation 'agents_api_v1_agents_list_pages' is a list paged by cursor (x-speakeasy-pagination)",
                "Operation 'files_api_routes_list_files' is a list paged by page number (page/page_size)",
                "Operation 'jobs_api_routes_batch_get_batch_jobs' is a list paged by page number (page/page_size)",
                "Operation 'jobs_api_routes_fine_tuning_get_fine_tuning_jobs' is a list paged by page number (page/page_size)",
                "Operation 'libraries_documents_list_v1' is a list paged by page number (page/page_size)",
                "Operation 'list_runs_v1_workflows_runs_get' is a list paged by cursor (x-speakeasy-pagination)",
            },
            paged);
        string client = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        // GET /v1/agents/pages is `ListPages`: its walks are ListAll and ListAllPages, not ListAllPages and ListPagesPages.
        Assert.Contains("IAsyncEnumerable<global::Mistral.Agent> ListAllAsync(", client);
        Assert.Contains("IAsyncEnumerable<global::Mistral.AgentListPage> ListAllPagesAsync(", client);
        Assert.DoesNotContain("ListPagesPagesAsync", client);
    }

    [SharedFact]
    public void The_published_OpenAI_document_pages_its_after_and_has_more_lists_by_cursor()
    {
        string path = TestPaths.Shared("corpus/openai__openapi.yaml");
        var filter = new System.Collections.Generic.Dictionary<string, string> { ["IncludePaths"] = "/files;/batches;/fine_tuning/jobs;/vector_stores;/assistants" };

        GeneratorRun run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), Namespace: "OpenAI", ClientName: "OpenAIClient", Metadata: filter));

        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string[] paged = run.GeneratorDiagnostics.Where(d => d.Id == "OACG0025").Select(d => d.GetMessage().Split(':')[0]).OrderBy(m => m, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[] { "listAssistants", "listBatches", "listFiles", "listPaginatedFineTuningJobs", "listVectorStores" }
                .Select(id => $"Operation '{id}' is a list paged by cursor (after/has_more)"),
            paged);
    }

    private static GeneratorRun Run(string operation, string schemas) =>
        GeneratorHarness.Run(new SpecInput("/specs/lists.yaml", Header + operation + "\ncomponents:\n  schemas:\n" + ThingSchema + schemas, Namespace: "Lists", ClientName: "ListsClient"));

    private static void AssertOnlyTheSiblingIsPaged(GeneratorRun run)
    {
        Assert.Contains("Operation 'listOthers' is a list paged by cursor", Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0025").GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
        string client = Client(run);
        Assert.Contains("ListOthersPagesAsync(", client);
        Assert.DoesNotContain("ListThingsPagesAsync(", client);
        Assert.DoesNotContain("SearchThingsPagesAsync(", client);
    }

    private static void AssertDetected(GeneratorRun run, string operationId, string kind)
    {
        Diagnostic diagnostic = AssertInfoAtOperation(run);
        Assert.Contains($"Operation '{operationId}' is a list paged {kind}", diagnostic.GetMessage());
        Assert.True(run.CompilationErrors.Count == 0, run.Describe(run.CompilationErrors));
    }

    private static Diagnostic AssertInfoAtOperation(GeneratorRun run)
    {
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OACG0025");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.DefaultSeverity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/specs/lists.yaml", span.Path);
        Assert.Equal((OperationLine, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        return diagnostic;
    }

    private static string Client(GeneratorRun run) => string.Concat(run.Sources.Where(s => s.HintName.Contains(".Client.")).Select(s => s.SourceText.ToString()));
}
