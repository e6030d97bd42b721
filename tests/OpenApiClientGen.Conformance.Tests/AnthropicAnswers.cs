namespace OpenApiClientGen.Conformance.Tests;

/// <summary>
/// A <c>message</c> object shaped as Anthropic's Messages API answers a short text request: one text block, the
/// <c>"stop_sequence": null</c> it always sends, and usage with the cache counters and service tier.
/// </summary>
public static class AnthropicAnswers
{
    public const string MessageText = "Hello! How can I help you today?";

    public const string Message = """
        {
          "model": "claude-sonnet-4-5-20250929",
          "id": "msg_01HCDu5LRGeP2o7s2xGmxyFE",
          "type": "message",
          "role": "assistant",
          "content": [
            {
              "type": "text",
              "text": "Hello! How can I help you today?"
            }
          ],
          "stop_reason": "end_turn",
          "stop_sequence": null,
          "usage": {
            "input_tokens": 10,
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
            "cache_creation": { "ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0 },
            "output_tokens": 12,
            "service_tier": "standard"
          }
        }
        """;

    public static (int, string, string) Answer(CapturedRequest request) => (200, "application/json", Message);
}
