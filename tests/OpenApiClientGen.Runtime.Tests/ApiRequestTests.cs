using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OpenApiClientGen.Runtime;
using Xunit;

namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Query styles for objects, which declared error body a failure status picks, and shared state that stays put.</summary>
public sealed class ApiRequestTests
{
    private static readonly Uri Base = new("https://api.example.com/v1/");

    [Theory]
    [InlineData("""{"model":"m","stream":true,"n":1}""", """{"model":"m","stream":false,"n":1}""")]
    [InlineData("""{"model":"m"}""", """{"model":"m","stream":false}""")]
    [InlineData("""{}""", """{"stream":false}""")]
    [InlineData("""{"café":1,"stream":true}""", """{"caf\u00E9":1,"stream":false}""")]
    [InlineData("""{"a\u0062":{"stream":true,"x":[1,{"y":"z"}]},"stream":null,"t":"q\"uote"}""", """{"ab":{"stream":true,"x":[1,{"y":"z"}]},"stream":false,"t":"q\u0022uote"}""")]
    public async Task A_fixed_member_replaces_the_body_s_own_in_its_place_or_comes_last_and_the_rest_is_kept(string body, string expected)
    {
        var map = JsonCodecs.Map(JsonCodecs.Element);
        var value = JsonCodecs.Deserialize(body, map);

        using HttpRequestMessage message = new ApiRequest("POST", "/x").JsonBody(value, map, "stream", false).ToHttpRequestMessage(Base);

        Assert.Equal(expected, await message.Content!.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""[{"stream":true}]""")]
    [InlineData("\"text\"")]
    [InlineData("true")]
    public async Task A_body_that_is_no_object_is_sent_as_it_is_without_the_fixed_member(string body)
    {
        var value = JsonCodecs.Deserialize(body, JsonCodecs.Element);

        using HttpRequestMessage message = new ApiRequest("POST", "/x").JsonBody(value, JsonCodecs.Element, "stream", true).ToHttpRequestMessage(Base);

        Assert.Equal(body, await message.Content!.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(QueryStyle.Form, true, "https://api.example.com/v1/x?status=open&owner=me")]
    [InlineData(QueryStyle.Form, false, "https://api.example.com/v1/x?filter=status,open,owner,me")]
    [InlineData(QueryStyle.DeepObject, true, "https://api.example.com/v1/x?filter[status]=open&filter[owner]=me")]
    public void An_object_query_parameter_follows_its_style(QueryStyle style, bool explode, string expected)
    {
        var filter = new Dictionary<string, string> { ["status"] = "open", ["owner"] = "me" };

        using HttpRequestMessage message = new ApiRequest("GET", "/x").QueryObject("filter", filter, JsonCodecs.Map(JsonCodecs.String), style, explode).ToHttpRequestMessage(Base);

        Assert.Equal(expected, message.RequestUri!.OriginalString);
    }

    [Fact]
    public void A_delimited_list_keeps_its_items_escaped_and_its_delimiters_literal()
    {
        using HttpRequestMessage message = new ApiRequest("GET", "/x")
            .Query("a", new[] { "1,2", "3" }, QueryStyle.Form, explode: false)
            .Query("b", new[] { "x y", "z" }, QueryStyle.SpaceDelimited, explode: false)
            .ToHttpRequestMessage(Base);

        Assert.Equal("https://api.example.com/v1/x?a=1%2C2,3&b=x%20y%20z", message.RequestUri!.OriginalString);
    }

    [Theory]
    [InlineData(404, "exact")]
    [InlineData(409, "range")]
    [InlineData(503, "default")]
    public async Task An_exact_status_wins_over_a_range_which_wins_over_default(int status, string expected)
    {
        var errors = new ApiErrorTable()
            .On("default", JsonCodecs.String)
            .On("4XX", JsonCodecs.String)
            .On("404", JsonCodecs.String);
        using var connection = new ApiConnection(new HttpClient(new FixedResponse(status, "\"" + expected + "\"")), new ApiClientOptions { BaseAddress = Base }, null, ownsHttpClient: true);

        var error = await Assert.ThrowsAsync<ApiException<string>>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/x").Errors(errors), CancellationToken.None));

        Assert.Equal(expected, error.Error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task Adding_to_the_shared_empty_table_leaves_every_other_operation_as_it_was()
    {
        ApiErrorTable typed = ApiErrorTable.None.On("4XX", JsonCodecs.String);
        using var connection = new ApiConnection(new HttpClient(new FixedResponse(404, "\"gone\"")), new ApiClientOptions { BaseAddress = Base }, null, ownsHttpClient: true);

        ApiException untyped = await Assert.ThrowsAsync<ApiException>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/x"), CancellationToken.None));
        var error = await Assert.ThrowsAsync<ApiException<string>>(() => connection.SendForResponseAsync(new ApiRequest("GET", "/x").Errors(typed), CancellationToken.None));

        Assert.Equal("gone", error.Error);
        Assert.Equal(HttpStatusCode.NotFound, untyped.StatusCode);
    }

    [Fact]
    public void The_codec_options_shared_by_every_client_cannot_be_changed()
    {
        Assert.True(JsonCodecs.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => JsonCodecs.Options.MaxDepth = 1);
    }

    private sealed class FixedResponse(int status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
