using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>An A2A Task: the server's record of one piece of work inside a context.</summary>
public sealed class A2ATask : A2AEvent
{
    public const string KindValue = "task";

    public override string Kind => KindValue;
    public string? Id { get; set; }
    public string? ContextId { get; set; }
    public A2ATaskStatus Status { get; set; } = new();
    public List<Artifact>? Artifacts { get; set; }
    public List<A2AMessage>? History { get; set; }
    public JsonObject? Metadata { get; set; }
}
