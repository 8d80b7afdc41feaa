using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>A streamed artifact (or a chunk of one, when <see cref="Append"/> is set).</summary>
public sealed class TaskArtifactUpdateEvent : A2AEvent
{
    public const string KindValue = "artifact-update";

    public override string Kind => KindValue;
    public string? TaskId { get; set; }
    public string? ContextId { get; set; }
    public Artifact Artifact { get; set; } = new();
    public bool? Append { get; set; }
    public bool? LastChunk { get; set; }
    public JsonObject? Metadata { get; set; }
}
