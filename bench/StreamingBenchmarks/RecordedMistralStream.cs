using System.Globalization;
using System.Text;

namespace StreamingBenchmarks;

/// <summary>
/// A Mistral conversation stream of any length, in the shape the server writes: a start, tool and function-call
/// events, a long run of message deltas, and a done event with usage. Built the same way every time.
/// </summary>
internal static class RecordedMistralStream
{
    public static byte[] Create(int eventCount)
    {
        var text = new StringBuilder(eventCount * 260);
        text.Append("event: conversation.response.started\r\nid: evt-0\r\ndata: {\"type\":\"conversation.response.started\",\"created_at\":\"2025-06-01T10:00:00Z\",\"conversation_id\":\"conv_0195\"}\r\n\r\n");
        for (int i = 1; i < eventCount - 1; i++)
        {
            string id = i.ToString(CultureInfo.InvariantCulture);
            switch (i % 50)
            {
                case 1:
                    text.Append("event: tool.execution.started\r\ndata: {\"type\":\"tool.execution.started\",\"created_at\":\"2025-06-01T10:00:01Z\",\"output_index\":1,\"id\":\"tool_")
                        .Append(id).Append("\",\"name\":\"web_search\",\"arguments\":\"\"}\r\n\r\n");
                    break;
                case 2:
                    text.Append("event: function.call.delta\r\ndata: {\"type\":\"function.call.delta\",\"created_at\":\"2025-06-01T10:00:02Z\",\"output_index\":2,\"id\":\"fc_")
                        .Append(id).Append("\",\"name\":\"get_weather\",\"tool_call_id\":\"call_1\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}\r\n\r\n");
                    break;
                case 3:
                    text.Append(": keep-alive\r\n\r\n");
                    goto default;
                default:
                    text.Append("event: message.output.delta\r\ndata: {\"type\":\"message.output.delta\",\"created_at\":\"2025-06-01T10:00:03Z\",\"output_index\":3,\"id\":\"msg_01\",\"content_index\":0,\"model\":\"mistral-medium-latest\",\"role\":\"assistant\",\"content\":\"token ")
                        .Append(id).Append("\"}\r\n\r\n");
                    break;
            }
        }

        text.Append("event: conversation.response.done\r\ndata: {\"type\":\"conversation.response.done\",\"created_at\":\"2025-06-01T10:00:05Z\",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":9998,\"total_tokens\":10010}}\r\n\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
