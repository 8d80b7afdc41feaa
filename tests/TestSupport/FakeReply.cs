using System.Text.Json.Nodes;

namespace Tau2Observe.TestSupport;

/// <summary>A scripted reply of the fake provider, in the OpenAI wire format.</summary>
public sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Completion(
        string? content,
        IReadOnlyList<(string Id, string Name, string Arguments)>? toolCalls = null,
        int promptTokens = 100, int completionTokens = 20, int? cachedTokens = null,
        string model = "gpt-4.1-2025-04-14", string? finishReason = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null };
        if (toolCalls is { Count: > 0 })
        {
            message["tool_calls"] = new JsonArray(toolCalls.Select(tc => (JsonNode)new JsonObject
            {
                ["id"] = tc.Id, ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tc.Name, ["arguments"] = tc.Arguments },
            }).ToArray());
        }
        var usage = new JsonObject
        {
            ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens,
        };
        if (cachedTokens is { } cached) usage["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cached, ["audio_tokens"] = 0 };
        var body = new JsonObject
        {
            ["id"] = "chatcmpl-fake1", ["object"] = "chat.completion", ["created"] = 1_750_000_000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = message, ["logprobs"] = null,
                ["finish_reason"] = finishReason ?? (toolCalls is { Count: > 0 } ? "tool_calls" : "stop"),
            }),
            ["usage"] = usage,
            ["system_fingerprint"] = "fp_fake",
        };
        return new FakeReply(200, body.ToJsonString());
    }

    public static FakeReply Error(int status, string message, string? type = null, string? code = null, string? param = null, string? retryAfter = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = param, ["code"] = code },
        };
        return new FakeReply(status, body.ToJsonString(), retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });
    }
}
