using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Simulation;

/// <summary>One finished simulation, shaped as tau2's results files store it (tau2-engine §1.4).</summary>
public sealed class SimulationRun
{
    public string Id { get; set; } = Guid.NewGuid().ToString();
    public required string TaskId { get; init; }
    public string Timestamp { get; set; } = Timestamps.Now();
    public required string StartTime { get; init; }
    public required string EndTime { get; init; }
    public double Duration { get; init; }
    public required string TerminationReason { get; set; }
    public double? AgentCost { get; init; }
    public double? UserCost { get; init; }
    public RewardInfo? RewardInfo { get; set; }
    public List<Message> Messages { get; init; } = [];
    public int? Trial { get; set; }
    public long? Seed { get; init; }
    /// <summary>Not in tau2's schema: why an agent/user/infrastructure error ended the run (never contains secrets).</summary>
    public string? Error { get; set; }

    /// <summary>Not in tau2's schema and never stored: the context of the run's <c>tau2.trial</c> span, when traced.</summary>
    public System.Diagnostics.ActivityContext TraceContext { get; set; }

    public PyDict ToPy()
    {
        var d = new PyDict
        {
            ["id"] = Id, ["task_id"] = TaskId, ["timestamp"] = Timestamp, ["start_time"] = StartTime, ["end_time"] = EndTime,
            ["duration"] = Duration, ["termination_reason"] = TerminationReason, ["agent_cost"] = AgentCost, ["user_cost"] = UserCost,
            ["reward_info"] = RewardInfo?.ToPy(), ["messages"] = Messages.Select(m => (object?)m.ToPy()).ToList(),
            ["trial"] = (long?)Trial, ["seed"] = Seed,
        };
        if (Error is not null) d["error"] = Error;
        return d;
    }

    public static SimulationRun FromPy(PyDict d) => new()
    {
        Id = d.GetOrDefault("id") as string ?? Guid.NewGuid().ToString(),
        TaskId = d.GetOrDefault("task_id") as string ?? throw new FormatException("simulation without task_id"),
        Timestamp = d.GetOrDefault("timestamp") as string ?? "",
        StartTime = d.GetOrDefault("start_time") as string ?? "",
        EndTime = d.GetOrDefault("end_time") as string ?? "",
        Duration = d.GetOrDefault("duration") is { } du && PyValue.IsNumber(du) ? PyValue.ToDouble(du) : 0,
        TerminationReason = d.GetOrDefault("termination_reason") as string ?? throw new FormatException("simulation without termination_reason"),
        AgentCost = d.GetOrDefault("agent_cost") is { } ac && PyValue.IsNumber(ac) ? PyValue.ToDouble(ac) : null,
        UserCost = d.GetOrDefault("user_cost") is { } uc && PyValue.IsNumber(uc) ? PyValue.ToDouble(uc) : null,
        RewardInfo = d.GetOrDefault("reward_info") is PyDict ri ? RewardInfo.FromPy(ri) : null,
        Messages = ((List<object?>?)d.GetOrDefault("messages") ?? []).Select(m => Message.FromPy((PyDict)m!)).ToList(),
        Trial = d.GetOrDefault("trial") is long t ? (int)t : null,
        Seed = d.GetOrDefault("seed") as long?,
        Error = d.GetOrDefault("error") as string,
    };
}
