using System.Text.Json;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.A2A;

/// <summary>
/// Turns the agent's reply text into a tau2 assistant message (a2a.md §3.6): the whole text as one
/// JSON document with <c>tool_call</c> or <c>tool_calls</c> is a tool-call message (ids the agent
/// left out are generated), anything else is text, and an empty reply becomes a fixed apology.
/// A tool call without a name or arguments is a <see cref="FormatException"/>.
/// </summary>
public static class ReplyToolCallParser
{
    public const string EmptyReplyText =
        "I apologize, but I was unable to generate a response. Could you please rephrase your request?";

    public static Message ToAssistantMessage(string replyText)
    {
        var trimmed = replyText.Trim();
        if (trimmed.Length == 0) return Message.Assistant(EmptyReplyText);
        object? json;
        try { json = PyJson.Parse(trimmed); }
        catch (JsonException) { return Message.Assistant(replyText); }

        if (json is not PyDict obj) return Message.Assistant(replyText);
        if (obj.TryGetValue("tool_call", out var single)) return Message.Assistant(null, [ReadCall(single)]);
        if (obj.TryGetValue("tool_calls", out var many))
        {
            if (many is not List<object?> items) throw new FormatException("'tool_calls' must be a list");
            var calls = items.OfType<PyDict>().Where(i => i.ContainsKey("tool_call")).Select(i => ReadCall(i["tool_call"])).ToList();
            return calls.Count > 0 ? Message.Assistant(null, calls) : Message.Assistant(replyText);
        }
        return Message.Assistant(replyText);
    }

    private static ToolCall ReadCall(object? value)
    {
        if (value is not PyDict call) throw new FormatException("'tool_call' must be an object");
        if (call.GetOrDefault("name") is not string { Length: > 0 } name) throw new FormatException("the tool call has no 'name'");
        if (!call.TryGetValue("arguments", out var rawArguments)) throw new FormatException($"the call of '{name}' has no 'arguments'");
        var arguments = rawArguments switch
        {
            PyDict d => d,
            string s when PyJson.ParseOrString(s) is PyDict parsed => parsed,
            _ => throw new FormatException($"the arguments of '{name}' are not an object"),
        };
        string id = call.GetOrDefault("id") is string { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        return new ToolCall { Id = id, Name = name, Arguments = arguments, Requestor = Roles.Assistant };
    }
}
