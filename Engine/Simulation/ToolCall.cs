using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Simulation;

/// <summary>A tool call as tau2 records it; arguments keep their raw JSON kinds.</summary>
public sealed class ToolCall
{
    public string Id { get; set; } = "";
    public required string Name { get; set; }
    public PyDict Arguments { get; set; } = new();
    public string Requestor { get; set; } = Roles.Assistant;

    public PyDict ToPy() => new()
    {
        ["id"] = Id, ["name"] = Name, ["arguments"] = Arguments, ["requestor"] = Requestor,
    };

    public static ToolCall FromPy(PyDict d) => new()
    {
        Id = d.GetOrDefault("id") as string ?? "",
        Name = d.GetOrDefault("name") as string ?? throw new FormatException("tool call without a name"),
        Arguments = d.GetOrDefault("arguments") switch
        {
            PyDict args => args,
            string json when PyJson.ParseOrString(json) is PyDict parsed => parsed,
            null => new PyDict(),
            var other => throw new FormatException($"tool call arguments must be an object, got {PyValue.TypeName(other)}"),
        },
        Requestor = d.GetOrDefault("requestor") as string ?? Roles.Assistant,
    };
}
