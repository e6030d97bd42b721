using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime;
using OpenApiClientGen.Runtime.Tests.Infrastructure;
using Sequential;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>The client generated from tests/Specs/sequential.yaml (OpenAPI 3.2 itemSchema on application/jsonl and application/json-seq).</summary>
public sealed class SequentialStreamTests
{
    private const string RS = "\u001e";

    [Fact]
    public async Task A_json_lines_operation_yields_its_item_schema_and_asks_for_json_lines()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/jsonl",
            "{\"id\":1,\"action\":\"login\",\"actor\":\"ada\"}\n{\"id\":2,\"action\":\"rename\",\"actor\":\"Zoë\"}\n\n{\"id\":3,\"action\":\"logout\"}\n"));
        using var client = new SequentialClient(new HttpClient { BaseAddress = server.BaseAddress });

        List<AuditEntry> entries = await client.ExportAuditAsync().CollectAsync();

        Assert.Equal([1L, 2L, 3L], entries.Select(e => (long)e.Id));
        Assert.Equal(["login", "rename", "logout"], entries.Select(e => e.Action));
        Assert.Equal("Zoë", entries[1].Actor);
        Assert.Equal("GET /audit/export", server.LastRequestLine);
        Assert.Equal("application/jsonl", server.LastRequestHeaders!.Accept.ToString());
    }

    [Fact]
    public async Task A_json_text_sequence_yields_union_items_and_keeps_a_kind_it_does_not_know_as_raw_json()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/json-seq",
            RS + "{\"kind\":\"created\",\"id\":\"a\",\"name\":\"Alpha\"}\n" +
            RS + "{\"kind\":\"archived\",\"id\":\"a\",\"until\":\"2030-01-01\"}\n" +
            RS + "{\n  \"kind\": \"deleted\",\n  \"id\": \"a\"\n}\n"));
        using var client = new SequentialClient(new HttpClient { BaseAddress = server.BaseAddress });

        List<Change> changes = await client.WatchChangesAsync().CollectAsync();

        Assert.Equal("Alpha", changes[0].AsCreated!.Name);
        Assert.Equal("2030-01-01", changes[1].Unknown!.Json.GetProperty("until").GetString());
        Assert.Equal("a", changes[2].AsDeleted!.Id);
        Assert.Equal("application/json-seq", server.LastRequestHeaders!.Accept.ToString());
    }

    [Fact]
    public async Task A_json_text_sequence_cut_inside_a_record_is_a_failure()
    {
        await using StreamServer server = await StreamServer.StartAsync(context => WriteAsync(context, "application/json-seq",
            RS + "{\"kind\":\"created\",\"id\":\"a\",\"name\":\"Alpha\"}\n" + RS + "{\"kind\":\"deleted\","));
        using var client = new SequentialClient(new HttpClient { BaseAddress = server.BaseAddress });

        (List<Change> changes, Exception? failure) = await client.WatchChangesAsync().CollectUntilFailureAsync();

        Assert.Single(changes);
        ApiStreamException ex = Assert.IsType<ApiStreamException>(failure);
        Assert.Equal((ApiStreamFailure.Truncated, 1), (ex.Failure, ex.EventIndex));
    }

    [Fact]
    public async Task An_operation_offering_json_and_json_lines_gets_two_methods_that_each_set_the_stream_member()
    {
        await using StreamServer server = await StreamServer.StartAsync(async context =>
        {
            if (context.Request.Headers.Accept == "application/jsonl")
            {
                await WriteAsync(context, "application/jsonl", "{\"delta\":\"Hel\"}\n{\"delta\":\"lo\"}\n{\"delta\":\"\",\"done\":true}\n");
            }
            else
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"text\":\"Hello\"}");
            }
        });
        using var client = new SequentialClient(new HttpClient { BaseAddress = server.BaseAddress });

        List<CompletionChunk> chunks = await client.CompleteStreamAsync("Say hello").CollectAsync();
        JsonElement streamBody = JsonDocument.Parse(server.LastRequestBody!).RootElement.Clone();
        Completion whole = await client.CompleteAsync("Say hello");
        JsonElement wholeBody = JsonDocument.Parse(server.LastRequestBody!).RootElement.Clone();

        Assert.Equal("Hello", string.Concat(chunks.Select(c => c.Delta)));
        Assert.True(chunks[^1].Done);
        Assert.True(streamBody.GetProperty("stream").GetBoolean());
        Assert.Equal("Hello", whole.Text);
        Assert.False(wholeBody.GetProperty("stream").GetBoolean());
        Assert.Equal("application/json", server.LastRequestHeaders!.Accept.ToString());
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        await StreamServer.WriteSlowlyAsync(context, body, pieceSize: 3);
    }
}
