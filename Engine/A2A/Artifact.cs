using System.Text.Json.Nodes;

namespace Tau2Observe.Engine.A2A;

/// <summary>An output of a task (e.g. a result document), made of parts.</summary>
public sealed class Artifact
{
    public string ArtifactId { get; set; } = Guid.NewGuid().ToString();
    public string? Name { get; set; }
    public string? Description { get; set; }
    public List<Part> Parts { get; set; } = [];
    public JsonObject? Metadata { get; set; }
    public List<string>? Extensions { get; set; }
}
