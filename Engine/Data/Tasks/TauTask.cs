using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data.Tasks;

/// <summary>One tau2 task. Unknown keys in the file (e.g. <c>annotations</c>, newer <c>issues</c>) are ignored.</summary>
public sealed class TauTask
{
    public required string Id { get; init; }
    public PyDict? Description { get; init; }
    public required UserScenario UserScenario { get; init; }
    public string? Ticket { get; init; }
    public InitialState? InitialState { get; init; }
    public EvaluationCriteria? EvaluationCriteria { get; init; }

    /// <summary>The task as tau2 writes it into results files (normalised: defaults filled, unknown keys dropped).</summary>
    public PyDict ToPy() => new()
    {
        ["id"] = Id,
        ["description"] = Description is null ? null : new PyDict
        {
            ["purpose"] = Description.GetOrDefault("purpose"),
            ["relevant_policies"] = Description.GetOrDefault("relevant_policies"),
            ["notes"] = Description.GetOrDefault("notes"),
        },
        ["user_scenario"] = UserScenario.ToPy(),
        ["ticket"] = Ticket,
        ["initial_state"] = InitialState?.ToPy(),
        ["evaluation_criteria"] = EvaluationCriteria?.ToPy(),
    };

    public static TauTask FromPy(PyDict d) => new()
    {
        Id = d.GetOrDefault("id") switch
        {
            string s => s,
            long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new FormatException("task without an id"),
        },
        Description = d.GetOrDefault("description") as PyDict,
        UserScenario = UserScenario.FromPy(d.GetOrDefault("user_scenario") as PyDict ?? throw new FormatException($"task {d.GetOrDefault("id")} has no user_scenario")),
        Ticket = d.GetOrDefault("ticket") as string,
        InitialState = d.GetOrDefault("initial_state") is PyDict s0 ? InitialState.FromPy(s0) : null,
        EvaluationCriteria = d.GetOrDefault("evaluation_criteria") is PyDict c ? EvaluationCriteria.FromPy(c) : null,
    };
}
