namespace OpenApiClientGen.Runtime.Tests;

/// <summary>Event streams as the vendors' servers write them.</summary>
internal static class Transcripts
{
    /// <summary>
    /// Mistral's conversation stream, with CRLF line ends: ids, a retry, a comment, multi-byte text, an event name the
    /// spec does not list, and data split over two lines.
    /// </summary>
    public static readonly string Mistral = """
        event: conversation.response.started
        id: evt-1
        retry: 3000
        data: {"type":"conversation.response.started","created_at":"2025-06-01T10:00:00Z","conversation_id":"conv_0195"}

        : keep-alive

        event: message.output.delta
        id: evt-2
        data: {"type":"message.output.delta","created_at":"2025-06-01T10:00:01Z","output_index":0,"id":"msg_01","content_index":0,"model":"mistral-medium-latest","agent_id":null,"role":"assistant","content":"Hello"}

        event: message.output.delta
        data: {"type":"message.output.delta","created_at":"2025-06-01T10:00:01Z","output_index":0,"id":"msg_01","content_index":0,"model":"mistral-medium-latest","agent_id":null,"role":"assistant","content":", wörld ✓"}

        event: conversation.response.heartbeat
        data: {"phase":"warming"}

        event: function.call.delta
        data: {"type":"function.call.delta","created_at":"2025-06-01T10:00:02Z",
        data: "name":"get_weather","tool_call_id":"call_1","arguments":"{\"city\":\"Paris\"}"}

        event: conversation.response.done
        data: {"type":"conversation.response.done","created_at":"2025-06-01T10:00:03Z","usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}


        """.ReplaceLineEndings("\r\n");

    /// <summary>The first two events of <see cref="Mistral"/>, complete.</summary>
    public static readonly string MistralFirstTwoEvents = Mistral.Substring(0, Mistral.IndexOf("event: message.output.delta\r\ndata:", System.StringComparison.Ordinal));

    /// <summary>Orq's reply stream: data-only JSON events, an event type this version does not know, then [DONE].</summary>
    public const string Orq = """
        data: {"type":"response.started","timestamp":"2025-06-01T10:00:00.000Z","data":{"responseId":"resp_01","taskId":"task_01","model":"openai/gpt-4o","workflowRunId":"wf_01"}}

        data: {"type":"part.delta","timestamp":"2025-06-01T10:00:00.200Z","data":{"partId":"part_01","delta":{"kind":"text","text":"Hi"}}}

        data: {"type":"part.delta","timestamp":"2025-06-01T10:00:00.300Z","data":{"partId":"part_01","delta":{"kind":"text","text":" there"}}}

        data: {"type":"tool.review.requested","timestamp":"2025-06-01T10:00:00.400Z","data":{"toolId":"tool_01"}}

        data: {"type":"response.done","timestamp":"2025-06-01T10:00:00.500Z","data":{"finishReason":"stop","usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}}

        data: [DONE]


        """;

    /// <summary><see cref="Orq"/> without its [DONE].</summary>
    public static readonly string OrqWithoutSentinel = Orq.Substring(0, Orq.IndexOf("data: [DONE]", System.StringComparison.Ordinal));

    /// <summary>PipesHub's answer stream: each event's data is JSON text, and one event name is not in the spec.</summary>
    public const string PipesHub = """
        event: connected
        data: {"message":"SSE connection established","conversationId":"66f0c1a2b3c4d5e6f7a8b9c0"}

        event: status
        data: {"status":"searching","message":"Searching your knowledge base"}

        event: chunk
        data: {"chunk":"The","accumulated":"The","citations":[]}

        event: chunk
        data: {"chunk":" answer","accumulated":"The answer","citations":[{"citationId":"c1"}]}

        event: citation
        data: {"citationId":"c1","content":"Quarterly report, page 4"}

        event: complete
        data: {"conversation":{"_id":"66f0c1a2b3c4d5e6f7a8b9c0","title":"Revenue"},"meta":{"requestId":"req_9","timestamp":"2025-06-01T10:00:05Z","duration":5120}}


        """;

    /// <summary>A PipesHub stream whose answer fails: the error is an event of the stream, not a broken stream.</summary>
    public const string PipesHubError = """
        event: connected
        data: {"message":"SSE connection established","conversationId":"66f0c1a2b3c4d5e6f7a8b9c0"}

        event: error
        data: {"error":"AI backend unavailable","details":"upstream timed out after 60s"}


        """;
}
