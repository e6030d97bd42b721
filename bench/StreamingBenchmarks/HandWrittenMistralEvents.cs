using System;
using System.Text.Json.Serialization;

namespace StreamingBenchmarks;

// The event classes a developer would write by hand for the events the recorded stream holds, read by the
// System.Text.Json source generator: the strictest baseline for the generated, typed stream.

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FallBackToBaseType)]
[JsonDerivedType(typeof(ResponseStarted), "conversation.response.started")]
[JsonDerivedType(typeof(ToolExecutionStarted), "tool.execution.started")]
[JsonDerivedType(typeof(FunctionCallDelta), "function.call.delta")]
[JsonDerivedType(typeof(MessageOutputDelta), "message.output.delta")]
[JsonDerivedType(typeof(ResponseDone), "conversation.response.done")]
internal class MistralEvent
{
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }
}

internal sealed class ResponseStarted : MistralEvent
{
    [JsonPropertyName("conversation_id")]
    public string ConversationId { get; set; } = "";
}

internal sealed class ToolExecutionStarted : MistralEvent
{
    [JsonPropertyName("output_index")]
    public long? OutputIndex { get; set; }

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("arguments")]
    public string? Arguments { get; set; }
}

internal sealed class FunctionCallDelta : MistralEvent
{
    [JsonPropertyName("output_index")]
    public long? OutputIndex { get; set; }

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("tool_call_id")]
    public string ToolCallId { get; set; } = "";

    [JsonPropertyName("arguments")]
    public string Arguments { get; set; } = "";
}

internal sealed class MessageOutputDelta : MistralEvent
{
    [JsonPropertyName("output_index")]
    public long? OutputIndex { get; set; }

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("content_index")]
    public long? ContentIndex { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("content")]
    public string Content { get; set; } = "";
}

internal sealed class ResponseDone : MistralEvent
{
    [JsonPropertyName("usage")]
    public Usage? Usage { get; set; }
}

internal sealed class Usage
{
    [JsonPropertyName("prompt_tokens")]
    public long PromptTokens { get; set; }

    [JsonPropertyName("completion_tokens")]
    public long CompletionTokens { get; set; }

    [JsonPropertyName("total_tokens")]
    public long TotalTokens { get; set; }
}
