#if KIOTA
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using KiotaOpenAIClient;
using KiotaOpenAIClient.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace PeerBenchmarks;

/// <summary>
/// Kiota's client for OpenAI's published document, which run.sh generates into obj/kiota/openai; the key goes in the
/// same header the other clients send it in.
/// </summary>
public sealed class KiotaOpenAI
{
    private readonly KiotaOpenAIApi _api;

    private KiotaOpenAI(KiotaOpenAIApi api) => _api = api;

    public static KiotaOpenAI Create(HttpClient http, Uri baseUrl)
    {
        // Kiota's key provider refuses plain http, which the loopback server speaks, so the key is a default header.
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PeerClients.ApiKey);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl.ToString().TrimEnd('/') };
        return new KiotaOpenAI(new KiotaOpenAIApi(adapter));
    }

    /// <summary>One chat completion; gives the number of choices, as the other clients' calls do.</summary>
    public async Task<int> ChatAsync(string question)
    {
        var request = new CreateChatCompletionRequest
        {
            Model = new ModelIdsShared { String = PeerClients.Model },
            Messages = new List<ChatCompletionRequestMessage>
            {
                new()
                {
                    ChatCompletionRequestUserMessage = new ChatCompletionRequestUserMessage
                    {
                        Role = ChatCompletionRequestUserMessage_role.User,
                        Content = new ChatCompletionRequestUserMessage.ChatCompletionRequestUserMessage_content { String = question },
                    },
                },
            },
        };
        CreateChatCompletionResponse? answer = await _api.Chat.Completions.PostAsync(request).ConfigureAwait(false);
        return answer?.Choices?.Count ?? 0;
    }
}
#endif
