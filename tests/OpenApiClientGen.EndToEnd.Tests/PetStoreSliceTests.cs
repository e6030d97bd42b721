using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenApiClientGen.Runtime;
using PetStore;
using Xunit;

namespace OpenApiClientGen.EndToEnd.Tests;

/// <summary>The first vertical slice: a generated client talking to a real server over HTTP.</summary>
public sealed class PetStoreSliceTests
{
    private const string PetJson = """{"id":7,"name":"Rex","tag":"dog","status":"available","nickname":null,"born":"2024-05-01T10:00:00+00:00"}""";

    [Fact]
    public async Task Get_fills_the_path_parameter_and_parses_the_response()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 200, PetJson));
        using var client = new PetStoreClient(server.CreateHttpClient());

        Pet pet = await client.Pets.GetPetAsync("7");

        Assert.Equal("GET", server.LastRequest.Method);
        Assert.Equal("/pets/7", server.LastRequest.RawTarget);
        Assert.Equal(7, pet.Id);
        Assert.Equal("Rex", pet.Name);
        Assert.Equal("dog", pet.Tag);
        Assert.Equal(PetStatus.Available, pet.Status);
        Assert.True(pet.Nickname.IsSet);
        Assert.Null(pet.Nickname.Value);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), pet.Born);
    }

    [Fact]
    public async Task List_sends_query_parameters_and_leaves_out_unset_ones()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 200, "[" + PetJson + "]"));
        using var client = new PetStoreClient(server.CreateHttpClient());

        var pets = await client.Pets.ListPetsAsync(limit: 5, status: PetStatus.Sold);
        await client.Pets.ListPetsAsync();

        RecordedRequest[] requests = server.Requests.ToArray();
        Assert.Equal("/pets?limit=5&status=sold", requests[0].RawTarget);
        Assert.Equal("/pets", requests[1].RawTarget);
        Assert.Equal("Rex", Assert.Single(pets).Name);
    }

    [Fact]
    public async Task Create_sends_the_json_body_with_exact_member_names()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 201, PetJson));
        using var client = new PetStoreClient(server.CreateHttpClient());

        Pet created = await client.Pets.CreatePetAsync(new NewPet { Name = "Rex", Status = PetStatus.Available, Nickname = null });

        RecordedRequest request = server.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/pets", request.RawTarget);
        Assert.StartsWith("application/json", request.Headers.ContentType.ToString());
        // tag is unset and left out; nickname was set to null and is sent as null.
        Assert.Equal("""{"name":"Rex","status":"available","nickname":null}""", request.Body);
        Assert.Equal(7, created.Id);
    }

    [Fact]
    public async Task Delete_with_no_content_completes()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var client = new PetStoreClient(server.CreateHttpClient());

        await client.Pets.DeletePetAsync("7");

        Assert.Equal("DELETE", server.LastRequest.Method);
        Assert.Equal("/pets/7", server.LastRequest.RawTarget);
    }

    [Theory]
    [InlineData("../admin", "/pets/..%2Fadmin")]
    [InlineData("a/b", "/pets/a%2Fb")]
    [InlineData("..", "/pets/%2E%2E")]
    [InlineData("x?y#z", "/pets/x%3Fy%23z")]
    public async Task A_path_value_stays_one_segment(string petId, string expectedTarget)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 200, PetJson));
        using var client = new PetStoreClient(server.CreateHttpClient());

        await client.Pets.GetPetAsync(petId);

        Assert.Equal(expectedTarget, server.LastRequest.RawTarget);
    }

    [Fact]
    public async Task A_failure_status_throws_ApiException_with_status_and_body()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 404, """{"message":"no pet 9"}"""));
        using var client = new PetStoreClient(server.CreateHttpClient());

        // The spec declares the 404 body, so the exception carries it typed.
        ApiException<Error> error = await Assert.ThrowsAsync<ApiException<Error>>(() => client.Pets.GetPetAsync("9"));

        Assert.Equal("no pet 9", error.Error.Message);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("""{"message":"no pet 9"}""", error.Body);
        Assert.Contains("GET /pets/{petId}", error.Message);
    }

    [Fact]
    public async Task The_HttpClient_base_address_wins_over_the_spec_server()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync((context, _) => Json(context, 200, PetJson));
        using var client = new PetStoreClient(server.CreateHttpClient());

        await client.Pets.GetPetAsync("1");

        Assert.Equal("https://petstore.example.com/v1", PetStoreClient.DefaultBaseAddress);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Reflection_based_serialization_is_off_in_this_project()
    {
        // The generated codecs are the only way JSON is read here; this proves the tests run without reflection.
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
    }

    private static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }
}
