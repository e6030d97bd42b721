using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading.Tasks;

namespace PeerBenchmarks;

/// <summary>
/// Every client under test, each over its own <see cref="HttpClient"/> with the same handler settings, all pointed at
/// one <see cref="PeerServer"/>.
/// </summary>
internal sealed class PeerClients : IAsyncDisposable
{
    public const string ApiKey = "sk-bench-0000000000000000";
    public const string Model = "gpt-4o-mini";

    private PeerClients(PeerServer server)
    {
        Server = server;
        HandWritten = new HandWrittenClients(NewHttpClient(server.BaseAddress));
        GeneratedMistral = new MistralFull.MistralClient(NewHttpClient(server.BaseAddress), new MistralFull.MistralClientOptions { BearerToken = ApiKey });
        GeneratedOpenAI = new OpenAIFull.GeneratedOpenAIClient(
            NewHttpClient(new Uri(server.BaseAddress, "v1/")),
            new OpenAIFull.GeneratedOpenAIClientOptions { BearerToken = ApiKey });
        OfficialOpenAI = new OpenAI.Chat.ChatClient(Model, new ApiKeyCredential(ApiKey), new OpenAI.OpenAIClientOptions
        {
            Endpoint = new Uri(server.BaseAddress, "v1"),
            Transport = new HttpClientPipelineTransport(NewHttpClient(server.BaseAddress)),
        });
#if KIOTA
        Kiota = KiotaOpenAI.Create(NewHttpClient(new Uri(server.BaseAddress, "v1/")), new Uri(server.BaseAddress, "v1"));
#endif
    }

    public PeerServer Server { get; }

    public HandWrittenClients HandWritten { get; }

    public MistralFull.MistralClient GeneratedMistral { get; }

    public OpenAIFull.GeneratedOpenAIClient GeneratedOpenAI { get; }

    public OpenAI.Chat.ChatClient OfficialOpenAI { get; }

#if KIOTA
    public KiotaOpenAI Kiota { get; }
#endif

    public static async Task<PeerClients> StartAsync() => new(await PeerServer.StartAsync(new PeerAnswers()));

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The settings every client gets: pooled connections, no proxy, no decompression, no cookies.</summary>
    private static HttpClient NewHttpClient(Uri baseAddress) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
    };
}
