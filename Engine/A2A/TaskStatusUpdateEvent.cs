using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>A streamed change of a task's status; <see cref="Final"/> marks the last event of a stream.</summary>
public sealed class TaskStatusUpdateEvent : A2AEvent
{
    public const string KindValue = "status-update";

    public override string Kind => KindValue;
    public string? TaskId { get; set; }
    public string? ContextId { get; set; }
    public A2ATaskStatus Status { get; set; } = new();
    public bool Final { get; set; }
    public JsonObject? Metadata { get; set; }
}
