using System.Text.Json.Nodes;

namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// Answers shaped as OpenAI's API sends them, nulls included: a <c>chat.completion</c> object, and a stream of
/// <c>chat.completion.chunk</c> events whose chunks carry <c>"finish_reason": null</c> until the last, then a usage
/// chunk with no choices, then <c>data: [DONE]</c>.
/// </summary>
public static class OpenAIAnswers
{
    public const string CompletionText = "Hello! How can I help you today?";
    public const string StreamText = "Hello there!";
    public const int StreamChunkCount = 6;

    public const string Completion = """
        {
          "id": "chatcmpl-CJq0aWqVnTCbXk0Yb3mXyGo7sEuT1",
          "object": "chat.completion",
          "created": 1758793412,
          "model": "gpt-4o-mini-2024-07-18",
          "choices": [
            {
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "Hello! How can I help you today?",
                "refusal": null,
                "annotations": []
              },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 10,
            "completion_tokens": 9,
            "total_tokens": 19,
            "prompt_tokens_details": { "cached_tokens": 0, "audio_tokens": 0 },
            "completion_tokens_details": { "reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0 }
          },
          "service_tier": "default",
          "system_fingerprint": "fp_560af6e559"
        }
        """;

    private const string ChunkHead = "\"id\":\"chatcmpl-CJq0bHdL2mG8tTnE1aZQ0sXkV9pRf\",\"object\":\"chat.completion.chunk\",\"created\":1758793413,\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"";

    public const string Stream =
        "data: {" + ChunkHead + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x1\"}\n\n" +
        "data: {" + ChunkHead + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Gz7\"}\n\n" +
        "data: {" + ChunkHead + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"k\"}\n\n" +
        "data: {" + ChunkHead + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"qW2e\"}\n\n" +
        "data: {" + ChunkHead + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null,\"obfuscation\":\"pT\"}\n\n" +
        "data: {" + ChunkHead + ",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"obfuscation\":\"a9\"}\n\n" +
        "data: [DONE]\n\n";

    /// <summary>The stream when the request asks for one (<c>"stream": true</c>), the completion otherwise.</summary>
    public static (int, string, string) Answer(CapturedRequest request) =>
        request.Body.Length > 0 && JsonNode.Parse(request.Body)?["stream"]?.GetValue<bool>() == true
            ? (200, "text/event-stream; charset=utf-8", Stream)
            : (200, "application/json", Completion);
}
