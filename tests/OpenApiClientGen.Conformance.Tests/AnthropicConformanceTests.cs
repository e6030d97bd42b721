#if ANTHROPIC_DOCUMENT
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Anthropic;
using Anthropic.Models.Messages;
using GeneratedAnthropic;
using Xunit;
using Xunit.Abstractions;
using Message = Anthropic.Models.Messages.Message;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// A message created once through Anthropic's official .NET SDK (NuGet Anthropic) and once through the client generated
/// from the published document the corpus keeps (<c>anthropic-via-tryagi__openapi.yaml</c>, unmodified, filtered to
/// <c>/v1/messages</c> in the project file), called as the README says. The document declares no security scheme, so
/// the key goes in the options' default headers, and <c>anthropic-version</c> is the operation's header parameter.
/// The document's <c>/v1/messages</c> answers only JSON, so the generated client has no streaming method to compare.
/// </summary>
public sealed class AnthropicConformanceTests
{
    public const string SdkVersion = "13.14.0";
    private const string ApiKey = "sk-ant-test-key";
    // The API version SDK 13.14.0 sends; with our client the caller passes it, as the operation's header parameter.
    private const string ApiVersion = "2026-10-21";
    private const string Model = "claude-sonnet-4-5";
    private const string Prompt = "Hello, Claude";
    private const long MaxTokens = 1024;

    private const string KeyHeaders =
        "the document declares no security scheme, so with our client the caller names the key's header and sends it in the options' default headers; " +
        "this test sends x-api-key, the header Anthropic's API documents for keys, where SDK 13.14.0 sends the same key as Authorization: Bearer, which the API also takes";

    private static readonly AllowedDifference[] Allowed =
    {
        new("create", "authorization", $"'Bearer {ApiKey}' vs ''", KeyHeaders),
        new("create", "header.x-api-key", $"absent in the SDK's; ours sends '{ApiKey}'", KeyHeaders),
        new("create", "accept", "'' vs 'application/json'",
            "the SDK sends no Accept, which takes any type; ours names the JSON the operation declares, which is what the API answers"),
        new("create", "header.accept-encoding", "absent in ours; the SDK sends 'gzip'",
            "the HttpClient's handler decides it: the SDK's asks for gzip, the one this test hands our client does not decompress; a caller who wants compression turns on AutomaticDecompression in its handler"),
    };

    /// <summary>Headers left out of the comparison, and why.</summary>
    private static readonly Dictionary<string, string> HeadersNotCompared = new()
    {
        ["x-stainless-*"] = "the SDK's telemetry (its language, package version, runtime, OS, architecture, retry count and timeout); no API behaviour depends on it",
        ["user-agent"] = "each client names itself: the SDK sends AnthropicClient/C# with its version, ours sends none unless the options set one",
        ["content-length"] = "follows the body's bytes; the body is compared as JSON, member by member",
        ["host"] = "both are sent to the same capture server",
    };

    private readonly ITestOutputHelper _output;

    public AnthropicConformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Creating_a_message_sends_what_the_official_sdk_sends()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(AnthropicAnswers.Answer);

        await OfficialClient(server).Messages.Create(Parameters());
        List<CapturedRequest> official = server.Drain();

        using GeneratedAnthropicClient ours = GeneratedClient(server);
        await ours.Messages.CreateAsync(Request(), anthropicVersion: ApiVersion);
        List<CapturedRequest> generated = server.Drain();

        CapturedRequest sdk = Assert.Single(official);
        CapturedRequest mine = Assert.Single(generated);
        (List<string> unexplained, string table) = ConformanceCheck.Compare(new[] { new ComparedCall("create", sdk, mine) }, Allowed, HeadersNotCompared);
        _output.WriteLine(table);
        Assert.True(unexplained.Count == 0, "Requests differ from the official SDK's:\n" + string.Join("\n", unexplained) + "\n\n" + table);
        Assert.Equal(ApiKey, mine.Headers["x-api-key"]);
        Assert.Equal(ApiVersion, mine.Headers["anthropic-version"]);
    }

    [Fact]
    public async Task Both_clients_read_the_same_text_and_stop_reason_from_a_real_shaped_message()
    {
        await using CaptureServer server = await CaptureServer.StartAsync(AnthropicAnswers.Answer);

        Message official = await OfficialClient(server).Messages.Create(Parameters());
        using GeneratedAnthropicClient client = GeneratedClient(server);
        GeneratedAnthropic.Message ours = await client.Messages.CreateAsync(Request(), anthropicVersion: ApiVersion);

        Assert.True(Assert.Single(official.Content).TryPickText(out TextBlock? officialText));
        ResponseTextBlock oursText = Assert.Single(ours.Content).AsResponseTextBlock!;
        Assert.Equal(AnthropicAnswers.MessageText, officialText!.Text);
        Assert.Equal(officialText.Text, oursText.Text);
        Assert.Equal(official.StopReason?.Raw(), ours.StopReason?.Value);
        Assert.Null(ours.StopSequence);
        Assert.Equal(official.Usage.OutputTokens, ours.Usage.OutputTokens);
    }

    private static AnthropicClient OfficialClient(CaptureServer server) =>
        new() { ApiKey = ApiKey, BaseUrl = server.BaseAddress.ToString().TrimEnd('/'), MaxRetries = 0 };

    private static GeneratedAnthropicClient GeneratedClient(CaptureServer server)
    {
        var options = new GeneratedAnthropicClientOptions();
        options.DefaultHeaders["x-api-key"] = ApiKey;
        return new GeneratedAnthropicClient(new HttpClient { BaseAddress = server.BaseAddress }, options);
    }

    private static MessageCreateParams Parameters() => new()
    {
        MaxTokens = MaxTokens,
        Messages = [new UserMessageParam { Content = Prompt }],
        Model = Model,
    };

    // What a user writes for the same call.
    private static CreateMessageParams Request() => new()
    {
        Model = Model,
        MaxTokens = MaxTokens,
        Messages = new List<InputMessage> { new() { Role = InputMessageRole.User, Content = Prompt } },
    };
}
#else
using Xunit;

namespace OpenApiClientGen.Conformance.Tests;

public sealed class AnthropicConformanceTests
{
    [Fact(Skip = "Needs ../shared/corpus/anthropic-via-tryagi__openapi.yaml beside the repository; the project generates the client from it.")]
    public void Needs_the_published_document()
    {
    }
}
#endif
