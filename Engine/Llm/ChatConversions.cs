using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Llm;

/// <summary>Between tau2's messages, tool calls and tool lists and Microsoft.Extensions.AI's chat types.</summary>
internal static class ChatConversions
{
    /// <summary>OpenAI-format tool definitions (<c>[{"type": "function", "function": {...}}]</c>), parameters schema kept byte for byte.</summary>
    public static List<ChatTool> OpenAiTools(string? toolsJson)
    {
        var tools = new List<ChatTool>();
        if (string.IsNullOrWhiteSpace(toolsJson)) return tools;
        using var doc = JsonDocument.Parse(toolsJson);
        foreach (var tool in doc.RootElement.EnumerateArray())
        {
            var function = tool.GetProperty("function");
            string? description = function.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var parameters = function.TryGetProperty("parameters", out var p) ? BinaryData.FromString(p.GetRawText()) : null;
            tools.Add(ChatTool.CreateFunctionTool(function.GetProperty("name").GetString()!, description, parameters));
        }
        return tools;
    }

    /// <summary>
    /// A <see cref="ChatOptions.RawRepresentationFactory"/> that offers <paramref name="tools"/> with tool
    /// choice auto. The tools travel as the connector's raw options because its declaration path rewrites
    /// schemas (adds <c>additionalProperties</c>, reorders keys); clients other than the OpenAI connector
    /// do not see them, and the simulated model needs none.
    /// </summary>
    public static Func<IChatClient, object?> OfferTools(IReadOnlyList<ChatTool> tools) => _ =>
    {
        var options = new ChatCompletionOptions { ToolChoice = ChatToolChoice.CreateAutoChoice() };
        foreach (var tool in tools) options.Tools.Add(tool);
        return options;
    };

    /// <summary>
    /// The user's own earlier turn as an assistant message. The OpenAI connector sends the attached
    /// wire form, so the arguments go out encoded as tau2 encodes them (<c>json.dumps</c>); other
    /// clients read the contents.
    /// </summary>
    public static Microsoft.Extensions.AI.ChatMessage OwnTurn(Message m)
    {
        var contents = new List<AIContent>();
        if (m.Content is { } text) contents.Add(new TextContent(text));
        contents.AddRange((m.ToolCalls ?? []).Select(ToFunctionCall));
        OpenAI.Chat.AssistantChatMessage wire = m.ToolCalls is { Count: > 0 } calls
            ? new(calls.Select(c => ChatToolCall.CreateFunctionToolCall(c.Id, c.Name, BinaryData.FromString(PyJson.Dumps(c.Arguments)))))
            : new(m.Content ?? "");
        if (m.ToolCalls is { Count: > 0 } && m.Content is { } t) wire.Content.Add(ChatMessageContentPart.CreateTextPart(t));
        return new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, contents) { RawRepresentation = wire };
    }

    public static FunctionCallContent ToFunctionCall(ToolCall call) =>
        new(call.Id, call.Name, call.Arguments.ToDictionary(kv => kv.Key, kv => (object?)ToJsonElement(kv.Value)));

    /// <summary>
    /// The reply's tool calls with ids kept and <paramref name="requestor"/> set, arguments keeping their
    /// JSON kinds (integers stay integers); null when there are none (tau2 turns an empty list into null).
    /// </summary>
    /// <exception cref="FormatException">A tool call's arguments were not a JSON object.</exception>
    public static List<ToolCall>? ToolCalls(ChatResponse response, string requestor)
    {
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(fc =>
        {
            if (fc.Exception is not null) throw new FormatException($"the arguments of tool call '{fc.Name}' are not valid JSON: {fc.Exception.Message}");
            var args = new PyDict();
            foreach (var (name, value) in fc.Arguments ?? new Dictionary<string, object?>()) args[name] = FromArgumentValue(value);
            return new ToolCall { Id = fc.CallId, Name = fc.Name, Arguments = args, Requestor = requestor };
        }).ToList();
        return calls.Count > 0 ? calls : null;
    }

    /// <summary>The reply's text, or null when it has none (reasoning text is not part of it).</summary>
    public static string? Text(ChatResponse response)
    {
        var texts = response.Messages.SelectMany(m => m.Contents).OfType<TextContent>().Select(t => t.Text).ToList();
        return texts.Count > 0 ? string.Concat(texts) : null;
    }

    /// <summary><c>{"completion_tokens", "prompt_tokens"}</c> as tau2 records it, plus <c>cached_tokens</c> when the provider reported them.</summary>
    public static PyDict? UsageDict(LlmUsage usage)
    {
        if (usage.PromptTokens is null && usage.CompletionTokens is null) return null;
        var d = new PyDict { ["completion_tokens"] = usage.CompletionTokens ?? 0, ["prompt_tokens"] = usage.PromptTokens ?? 0 };
        if (usage.CachedPromptTokens is { } cached) d["cached_tokens"] = cached;
        return d;
    }

    /// <summary>
    /// tau2's <c>raw_data</c>: the provider's first choice object as it came over the wire. Clients with
    /// no wire payload (the simulated model) get the same shape built from the reply.
    /// </summary>
    public static PyDict RawChoice(ChatResponse response)
    {
        if (response.RawRepresentation is ChatCompletion completion
            && PyJson.Parse(ModelReaderWriter.Write(completion).ToString()) is PyDict wire
            && wire.GetOrDefault("choices") is List<object?> { Count: > 0 } choices && choices[0] is PyDict choice)
            return choice;
        var calls = ToolCalls(response, Roles.User);
        return new PyDict
        {
            ["finish_reason"] = response.FinishReason?.Value,
            ["index"] = 0L,
            ["message"] = new PyDict
            {
                ["content"] = Text(response),
                ["role"] = "assistant",
                ["tool_calls"] = calls?.Select(c => (object?)new PyDict
                {
                    ["id"] = c.Id, ["type"] = "function",
                    ["function"] = new PyDict { ["name"] = c.Name, ["arguments"] = PyJson.Dumps(c.Arguments) },
                }).ToList(),
            },
        };
    }

    private static JsonElement ToJsonElement(object? value)
    {
        using var doc = JsonDocument.Parse(PyJson.Dumps(value));
        return doc.RootElement.Clone();
    }

    private static object? FromArgumentValue(object? value) => value switch
    {
        JsonElement e => PyJson.FromElement(e),
        null => null,
        _ => PyJson.Parse(JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions)),
    };
}
