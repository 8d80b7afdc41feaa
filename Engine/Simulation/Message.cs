using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// One trajectory message. tau2 has system, user, assistant and tool messages; they share this
/// type and are told apart by <see cref="Role"/>, which also decides the JSON field order.
/// </summary>
public sealed class Message
{
    public required string Role { get; init; }
    public string? Content { get; set; }
    public List<ToolCall>? ToolCalls { get; set; }
    public int? TurnIdx { get; set; }
    public string? Timestamp { get; set; } = Timestamps.Now();
    public double? Cost { get; set; }
    public PyDict? Usage { get; set; }
    public object? RawData { get; set; }

    // tool messages
    public string Id { get; set; } = "";
    public string Requestor { get; set; } = Roles.Assistant;
    public bool Error { get; set; }

    public bool IsTool => Role == Roles.Tool;
    public bool IsUser => Role == Roles.User;
    public bool IsAssistant => Role == Roles.Assistant;

    /// <summary>tau2's "has text content": not null and not blank.</summary>
    public bool HasTextContent => !string.IsNullOrWhiteSpace(Content);

    /// <summary>tau2's "is tool call": the tool call list is present (even if empty).</summary>
    public bool IsToolCall => ToolCalls is not null;

    public bool IsValid => HasTextContent || IsToolCall;

    public static Message Assistant(string? content, List<ToolCall>? toolCalls = null, double? cost = null) =>
        new() { Role = Roles.Assistant, Content = content, ToolCalls = toolCalls is { Count: > 0 } ? toolCalls : null, Cost = cost };

    public static Message User(string? content, List<ToolCall>? toolCalls = null, double? cost = null) =>
        new() { Role = Roles.User, Content = content, ToolCalls = toolCalls is { Count: > 0 } ? toolCalls : null, Cost = cost };

    public static Message ToolResult(string id, string content, string requestor, bool error) =>
        new() { Role = Roles.Tool, Id = id, Content = content, Requestor = requestor, Error = error };

    public Message Clone() => FromPy(ToPy());

    /// <summary>The message as tau2 serialises it, fields in tau2's declaration order.</summary>
    public PyDict ToPy()
    {
        var d = new PyDict();
        switch (Role)
        {
            case Roles.Tool:
                d["id"] = Id; d["role"] = Role; d["content"] = Content; d["requestor"] = Requestor; d["error"] = Error;
                d["turn_idx"] = (long?)TurnIdx; d["timestamp"] = Timestamp;
                break;
            case Roles.System:
                d["role"] = Role; d["content"] = Content; d["turn_idx"] = (long?)TurnIdx; d["timestamp"] = Timestamp;
                break;
            default:
                d["role"] = Role; d["content"] = Content;
                d["tool_calls"] = ToolCalls?.Select(tc => (object?)tc.ToPy()).ToList();
                d["turn_idx"] = (long?)TurnIdx; d["timestamp"] = Timestamp;
                d["cost"] = Cost; d["usage"] = Usage; d["raw_data"] = RawData;
                break;
        }
        return d;
    }

    public static Message FromPy(PyDict d)
    {
        string role = d.GetOrDefault("role") as string ?? throw new FormatException("message without a role");
        if (role is not (Roles.System or Roles.User or Roles.Assistant or Roles.Tool))
            throw new FormatException($"unknown message role '{role}'");
        var m = new Message
        {
            Role = role,
            Content = d.GetOrDefault("content") as string,
            TurnIdx = d.GetOrDefault("turn_idx") is long t ? (int)t : null,
            Timestamp = d.GetOrDefault("timestamp") as string,
        };
        if (role == Roles.Tool)
        {
            m.Id = d.GetOrDefault("id") as string ?? "";
            m.Requestor = d.GetOrDefault("requestor") as string ?? Roles.Assistant;
            m.Error = d.GetOrDefault("error") is true;
        }
        else if (role != Roles.System)
        {
            m.ToolCalls = d.GetOrDefault("tool_calls") is List<object?> calls
                ? calls.Select(c => ToolCall.FromPy((PyDict)c!)).ToList()
                : null;
            if (m.ToolCalls is { Count: 0 }) m.ToolCalls = null;
            m.Cost = d.GetOrDefault("cost") is { } c && PyValue.IsNumber(c) ? PyValue.ToDouble(c) : null;
            m.Usage = d.GetOrDefault("usage") as PyDict;
            m.RawData = d.GetOrDefault("raw_data");
        }
        return m;
    }
}
