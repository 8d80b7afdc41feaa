using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>A gold tool call of a task (tau2's <c>Action</c>).</summary>
public sealed class GoldAction
{
    public required string ActionId { get; init; }
    public string Requestor { get; init; } = Roles.Assistant;
    public required string Name { get; init; }
    public PyDict Arguments { get; init; } = new();
    public string? Info { get; init; }
    /// <summary>Argument names compared by ACTION checks; null means the predicted call's own keys, empty means name only.</summary>
    public List<string>? CompareArgs { get; init; }

    public PyDict ToPy() => new()
    {
        ["action_id"] = ActionId, ["requestor"] = Requestor, ["name"] = Name, ["arguments"] = Arguments,
        ["info"] = Info, ["compare_args"] = CompareArgs?.Select(a => (object?)a).ToList(),
    };

    public static GoldAction FromPy(PyDict d) => new()
    {
        ActionId = TaskJson.Str(d, "action_id"),
        Requestor = d.GetOrDefault("requestor") as string ?? Roles.Assistant,
        Name = TaskJson.Str(d, "name"),
        Arguments = d.GetOrDefault("arguments") as PyDict ?? new PyDict(),
        Info = d.GetOrDefault("info") as string,
        CompareArgs = TaskJson.StrList(d, "compare_args"),
    };
}
