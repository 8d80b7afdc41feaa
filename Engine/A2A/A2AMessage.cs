using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>An A2A Message: one turn of a user or an agent.</summary>
public sealed class A2AMessage : A2AEvent
{
    public const string KindValue = "message";

    public override string Kind => KindValue;
    public string? MessageId { get; set; }
    public string? Role { get; set; }
    public List<Part>? Parts { get; set; }
    public string? ContextId { get; set; }
    public string? TaskId { get; set; }
    public List<string>? ReferenceTaskIds { get; set; }
    public List<string>? Extensions { get; set; }
    public JsonObject? Metadata { get; set; }

    public static A2AMessage AgentText(string text, string? contextId = null, string? taskId = null) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Role = A2ARoles.Agent,
        Parts = [new TextPart(text)],
        ContextId = contextId,
        TaskId = taskId,
    };
}
