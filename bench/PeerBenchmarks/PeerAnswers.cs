using System.Globalization;
using System.Text;
using StreamingBenchmarks;

namespace PeerBenchmarks;

/// <summary>
/// The bytes the server answers with, shaped as the vendors send them. OpenAI's chunks carry their nulls
/// (<c>"finish_reason":null</c>, <c>"usage":null</c>, <c>"logprobs":null</c>) until the last, then a usage chunk
/// with no choices, then <c>data: [DONE]</c>; Mistral's stream is the recorded conversation stream of
/// StreamingBenchmarks.
/// </summary>
internal sealed class PeerAnswers
{
    public const int EventCount = 10_000;

    private const string ChunkHead =
        "\"id\":\"chatcmpl-CJq0bHdL2mG8tTnE1aZQ0sXkV9pRf\",\"object\":\"chat.completion.chunk\",\"created\":1758793413," +
        "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"";

    public byte[] MistralStream { get; } = RecordedMistralStream.Create(EventCount);

    public byte[] MistralResponse { get; } = Encoding.UTF8.GetBytes(
        "{\"object\":\"conversation.response\",\"conversation_id\":\"conv_0195b1c2\",\"outputs\":[{\"object\":\"entry\"," +
        "\"type\":\"message.output\",\"created_at\":\"2025-06-01T10:00:03.120Z\",\"completed_at\":\"2025-06-01T10:00:04.410Z\"," +
        "\"id\":\"msg_0195b1c2d3\",\"agent_id\":null,\"model\":\"mistral-medium-latest\",\"role\":\"assistant\"," +
        "\"content\":\"Paris is sunny today, with a high of 24 degrees and a light breeze from the west.\"}]," +
        "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":21,\"total_tokens\":33,\"connector_tokens\":null,\"connectors\":null}}");

    public byte[] OpenAICompletion { get; } = Encoding.UTF8.GetBytes(
        "{\"id\":\"chatcmpl-CJq0aWqVnTCbXk0Yb3mXyGo7sEuT1\",\"object\":\"chat.completion\",\"created\":1758793412," +
        "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"," +
        "\"content\":\"Paris is sunny today, with a high of 24 degrees and a light breeze from the west.\",\"refusal\":null," +
        "\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12," +
        "\"completion_tokens\":21,\"total_tokens\":33,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}," +
        "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0," +
        "\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\",\"system_fingerprint\":\"fp_560af6e559\"}");

    /// <summary>
    /// <see cref="EventCount"/> chunks: the role, then text deltas, then the finish reason, then usage; and
    /// <c>[DONE]</c>, which is not an event of the stream.
    /// </summary>
    public byte[] OpenAIStream { get; } = CreateOpenAIStream(EventCount);

    private static byte[] CreateOpenAIStream(int chunkCount)
    {
        var text = new StringBuilder(chunkCount * 330);
        text.Append("data: {").Append(ChunkHead)
            .Append(",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x1\"}\n\n");
        for (int i = 1; i < chunkCount - 2; i++)
        {
            text.Append("data: {").Append(ChunkHead)
                .Append(",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token")
                .Append(i.ToString(CultureInfo.InvariantCulture))
                .Append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"Gz7\"}\n\n");
        }

        text.Append("data: {").Append(ChunkHead)
            .Append(",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null,\"obfuscation\":\"pT\"}\n\n");
        text.Append("data: {").Append(ChunkHead)
            .Append(",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":")
            .Append((chunkCount - 3).ToString(CultureInfo.InvariantCulture))
            .Append(",\"total_tokens\":").Append((chunkCount + 9).ToString(CultureInfo.InvariantCulture))
            .Append(",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"obfuscation\":\"a9\"}\n\n");
        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
