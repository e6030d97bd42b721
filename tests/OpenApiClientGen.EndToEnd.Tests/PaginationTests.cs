using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime;
using Pagination;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>The client generated from tests/Specs/pagination.yaml walks every page of a list, on the wire.</summary>
public sealed class PaginationTests
{
    [Fact]
    public async Task ListAllAsync_walks_three_pages_of_an_OpenAI_style_cursor_list()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, request) => Respond(context, context.Request.Query["after"].ToString() switch
        {
            "" => """{"object":"list","data":[{"id":"f1"},{"id":"f2"}],"first_id":"f1","has_more":true}""",
            "f2" => """{"object":"list","data":[{"id":"f3"},{"id":"f4"}],"first_id":"f3","has_more":true}""",
            "f4" => """{"object":"list","data":[{"id":"f5"}],"first_id":"f5","has_more":false}""",
            _ => throw new InvalidOperationException(request.RawTarget),
        }));
        using var client = new PaginationClient(server.CreateHttpClient());

        List<string> ids = await ToListAsync(client.Files.ListAllFilesAsync(limit: 2, purpose: "batch"), f => f.Id);

        Assert.Equal(new[] { "f1", "f2", "f3", "f4", "f5" }, ids);
        Assert.Equal(
            new[] { "/files?limit=2&purpose=batch", "/files?after=f2&limit=2&purpose=batch", "/files?after=f4&limit=2&purpose=batch" },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task ListAllAsync_walks_three_pages_by_number_and_stops_at_a_short_page()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, context.Request.Query["page"].ToString() switch
        {
            "1" => """{"data":[{"name":"a"},{"name":"b"}]}""",
            "2" => """{"data":[{"name":"c"},{"name":"d"}]}""",
            "3" => """{"data":[{"name":"e"}]}""",
            _ => """{"data":[]}""",
        }));
        using var client = new PaginationClient(server.CreateHttpClient());

        List<string> names = await ToListAsync(client.Projects.ListAllProjectsAsync(pageSize: 2), p => p.Name);

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, names);
        Assert.Equal(
            new[] { "/projects?page=1&page_size=2", "/projects?page=2&page_size=2", "/projects?page=3&page_size=2" },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task The_pages_form_stops_where_total_pages_says_when_every_page_is_full()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, """{"data":[{"name":"p"},{"name":"q"}],"total_pages":3}"""));
        using var client = new PaginationClient(server.CreateHttpClient());

        var pages = new List<ProjectPage>();
        await foreach (ProjectPage page in client.Projects.ListProjectsPagesAsync())
        {
            pages.Add(page);
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(new[] { "/projects?page=1", "/projects?page=2", "/projects?page=3" }, server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task ListAllAsync_walks_three_pages_of_a_list_declared_with_x_speakeasy_pagination()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Respond(context, context.Request.Query["page_token"].ToString() switch
        {
            "" => """{"object":"list","data":[{"id":"a1"}],"next_page_token":"t1"}""",
            "t1" => """{"object":"list","data":[{"id":"a2"}],"next_page_token":"t2"}""",
            _ => """{"object":"list","data":[{"id":"a3"}],"next_page_token":null}""",
        }));
        using var client = new PaginationClient(server.CreateHttpClient());

        List<string> ids = await ToListAsync(client.Agents.ListAllAgentsAsync(pageSize: 1), a => a.Id);

        Assert.Equal(new[] { "a1", "a2", "a3" }, ids);
        Assert.Equal(
            new[] { "/agents?page_size=1", "/agents?page_size=1&page_token=t1", "/agents?page_size=1&page_token=t2" },
            server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task Cancelling_between_pages_sends_no_further_request()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, """{"object":"list","data":[{"id":"f1"},{"id":"f2"}],"has_more":true}"""));
        using var client = new PaginationClient(server.CreateHttpClient());
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (File file in client.Files.ListAllFilesAsync(cancellationToken: cancellation.Token))
            {
                seen.Add(file.Id);
                if (seen.Count == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(new[] { "f1", "f2" }, seen);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_that_repeats_a_cursor_ends_the_walk_with_an_exception_instead_of_a_loop()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, """{"object":"list","data":[{"id":"a1"}],"next_page_token":"same"}"""));
        using var client = new PaginationClient(server.CreateHttpClient());

        var seen = new List<string>();
        ApiPageRepeatedException error = await Assert.ThrowsAsync<ApiPageRepeatedException>(async () =>
        {
            await foreach (Agent agent in client.Agents.ListAllAgentsAsync())
            {
                seen.Add(agent.Id);
            }
        });

        Assert.Contains("cursor that an earlier page gave already", error.Message);
        Assert.Equal(2, error.Page);
        Assert.Equal(new[] { "a1", "a1" }, seen);
        Assert.Equal(new[] { "/agents", "/agents?page_token=same" }, server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task A_server_that_ignores_the_page_number_ends_the_walk_with_an_exception_instead_of_a_loop()
    {
        // Every page full and the same, with no total: only the repeat itself tells that the walk would never end. Past a
        // few pages the server gives up, so that a walk without the check fails the test rather than hang it.
        int answered = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, Interlocked.Increment(ref answered) > 5 ? """{"data":[]}""" : """{"data":[{"name":"a"},{"name":"b"}]}"""));
        using var client = new PaginationClient(server.CreateHttpClient());

        var seen = new List<string>();
        ApiPageRepeatedException error = await Assert.ThrowsAsync<ApiPageRepeatedException>(async () =>
        {
            await foreach (Project project in client.Projects.ListAllProjectsAsync())
            {
                seen.Add(project.Name);
            }
        });

        Assert.Equal(2, error.Page);
        Assert.Equal(new[] { "a", "b" }, seen);
        Assert.Equal(new[] { "/projects?page=1", "/projects?page=2" }, server.Requests.Select(r => r.RawTarget));
    }

    [Fact]
    public async Task ListAllAsync_follows_three_pages_of_x_ms_pageable_next_links_with_the_first_call_s_headers()
    {
        LoopbackServer? self = null;
        await using LoopbackServer server = self = await LoopbackServer.StartAsync((context, _) => Respond(context, context.Request.Query["page"].ToString() switch
        {
            "" => $$"""{"value":[{"id":"r1"}],"nextLink":"{{self!.BaseAddress}}reports?api-version=2024-01-01&page=2"}""",
            "2" => """{"value":[{"id":"r2"}],"nextLink":"/reports?api-version=2024-01-01&page=3"}""",
            _ => """{"value":[{"id":"r3"}]}""",
        }));
        using var client = new PaginationClient(server.CreateHttpClient());

        List<string> ids = await ToListAsync(client.Reports.ListAllReportsAsync("2024-01-01", xMsClientRequestId: "req-1"), r => r.Id);

        Assert.Equal(new[] { "r1", "r2", "r3" }, ids);
        Assert.Equal(
            new[] { "/reports?api-version=2024-01-01", "/reports?api-version=2024-01-01&page=2", "/reports?api-version=2024-01-01&page=3" },
            server.Requests.Select(r => r.RawTarget));
        Assert.All(server.Requests, r => Assert.Equal("req-1", r.Headers["x-ms-client-request-id"].ToString()));
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_refused_before_anything_is_sent_there()
    {
        await using LoopbackServer elsewhere = await LoopbackServer.StartAsync((context, _) => Respond(context, """{"value":[]}"""));
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
            Respond(context, $$"""{"value":[{"id":"r1"}],"nextLink":"{{elsewhere.BaseAddress}}reports?page=2"}"""));
        using var client = new PaginationClient(server.CreateHttpClient());

        var seen = new List<string>();
        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (Report report in client.Reports.ListAllReportsAsync("1"))
            {
                seen.Add(report.Id);
            }
        });

        Assert.Contains("another origin", error.Message);
        Assert.Equal(new[] { "r1" }, seen);
        Assert.Single(server.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    private static async Task<List<string>> ToListAsync<T>(IAsyncEnumerable<T> items, Func<T, string> key)
    {
        var result = new List<string>();
        await foreach (T item in items)
        {
            result.Add(key(item));
        }

        return result;
    }

    private static Task Respond(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
