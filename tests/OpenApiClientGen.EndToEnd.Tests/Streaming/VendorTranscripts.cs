namespace OpenApiClientGen.EndToEnd.Tests.Streaming;

/// <summary>Event streams shaped as the vendors' servers write them, for the clients generated from <c>specs/*.yaml</c>.</summary>
internal static class VendorTranscripts
{
    /// <summary>
    /// A Mistral agent turn that uses every one of the ten SSETypes events, with CRLF line ends, an id and a retry on
    /// the first event, a keep-alive comment, data split over two lines, and one event name the spec does not list.
    /// </summary>
    public static readonly string Mistral = """
        event: conversation.response.started
        id: evt-1
        retry: 3000
        data: {"type":"conversation.response.started","created_at":"2025-06-01T10:00:00Z","conversation_id":"conv_0195"}

        : keep-alive

        event: agent.handoff.started
        data: {"type":"agent.handoff.started","created_at":"2025-06-01T10:00:00Z","output_index":0,"id":"ho_1","previous_agent_id":"ag_router","previous_agent_name":"router"}

        event: agent.handoff.done
        data: {"type":"agent.handoff.done","created_at":"2025-06-01T10:00:00Z","output_index":0,"id":"ho_1","next_agent_id":"ag_weather","next_agent_name":"weather"}

        event: tool.execution.started
        id: evt-4
        data: {"type":"tool.execution.started","created_at":"2025-06-01T10:00:01Z","output_index":1,"id":"tool_1","name":"web_search","arguments":""}

        event: tool.execution.delta
        data: {"type":"tool.execution.delta","created_at":"2025-06-01T10:00:01Z","output_index":1,"id":"tool_1","name":"web_search","arguments":"{\"query\":\"Paris weather\"}"}

        event: tool.execution.done
        data: {"type":"tool.execution.done","created_at":"2025-06-01T10:00:02Z","output_index":1,"id":"tool_1","name":"web_search","info":{}}

        event: conversation.response.heartbeat
        data: {"phase":"warming"}

        event: function.call.delta
        data: {"type":"function.call.delta","created_at":"2025-06-01T10:00:02Z","output_index":2,"id":"fc_1",
        data: "name":"get_weather","tool_call_id":"call_1","arguments":"{\"city\":\"Paris\"}"}

        event: message.output.delta
        data: {"type":"message.output.delta","created_at":"2025-06-01T10:00:03Z","output_index":3,"id":"msg_01","content_index":0,"model":"mistral-medium-latest","role":"assistant","content":"Sunny, wörld ✓"}

        event: conversation.response.error
        data: {"type":"conversation.response.error","created_at":"2025-06-01T10:00:04Z","message":"tool quota exceeded","code":3100}

        event: conversation.response.done
        data: {"type":"conversation.response.done","created_at":"2025-06-01T10:00:05Z","usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}


        """.ReplaceLineEndings("\r\n");

    /// <summary>The first event of <see cref="Mistral"/>, complete, with the comment after it.</summary>
    public static readonly string MistralFirstEvent = Mistral.Substring(0, Mistral.IndexOf("event: agent.handoff.started", System.StringComparison.Ordinal));

    /// <summary>Orq's reply stream: data-only JSON events, part deltas, then [DONE].</summary>
    public const string Orq = """
        data: {"type":"response.started","timestamp":"2025-06-01T10:00:00.000Z","data":{"responseId":"resp_01","taskId":"task_01","model":"openai/gpt-4o","workflowRunId":"wf_01"}}

        data: {"type":"part.delta","timestamp":"2025-06-01T10:00:00.200Z","data":{"partId":"part_01","delta":{"kind":"text","text":"Hi"}}}

        data: {"type":"part.delta","timestamp":"2025-06-01T10:00:00.300Z","data":{"partId":"part_01","delta":{"kind":"text","text":" there"}}}

        data: {"type":"part.delta","timestamp":"2025-06-01T10:00:00.400Z","data":{"partId":"part_01","delta":{"kind":"text","text":"!"}}}

        data: {"type":"response.done","timestamp":"2025-06-01T10:00:00.500Z","data":{"finishReason":"stop","usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}}

        data: [DONE]


        """;

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
        data: {"citationId":"c1","relevanceScore":0.92,"excerpt":"Quarterly report, page 4"}

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
