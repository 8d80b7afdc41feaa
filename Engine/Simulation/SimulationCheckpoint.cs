using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Simulation;

/// <summary>
/// The orchestrator's whole state after a step: enough to continue the run in another process
/// (the environment is rebuilt by replaying the trajectory's tool calls).
/// </summary>
public sealed class SimulationCheckpoint
{
    public required List<Message> Trajectory { get; init; }
    public required string FromRole { get; init; }
    public required string ToRole { get; init; }
    /// <summary>How many trailing trajectory messages are in flight (1, or several tool results).</summary>
    public int InflightCount { get; init; } = 1;
    public int StepCount { get; init; }
    public int NumErrors { get; init; }
    public required ParticipantState Agent { get; init; }
    public required ParticipantState User { get; init; }
    public required string StartTime { get; init; }

    public PyDict ToPy() => new()
    {
        ["trajectory"] = Trajectory.Select(m => (object?)m.ToPy()).ToList(),
        ["from_role"] = FromRole, ["to_role"] = ToRole, ["inflight_count"] = (long)InflightCount,
        ["step_count"] = (long)StepCount, ["num_errors"] = (long)NumErrors,
        ["agent"] = Agent.ToPy(), ["user"] = User.ToPy(), ["start_time"] = StartTime,
    };

    public static SimulationCheckpoint FromPy(PyDict d) => new()
    {
        Trajectory = ((List<object?>)d["trajectory"]!).Select(m => Message.FromPy((PyDict)m!)).ToList(),
        FromRole = (string)d["from_role"]!,
        ToRole = (string)d["to_role"]!,
        InflightCount = (int)(long)d["inflight_count"]!,
        StepCount = (int)(long)d["step_count"]!,
        NumErrors = (int)(long)d["num_errors"]!,
        Agent = ParticipantState.FromPy((PyDict)d["agent"]!),
        User = ParticipantState.FromPy((PyDict)d["user"]!),
        StartTime = (string)d["start_time"]!,
    };

    public string ToJson() => PyJson.Dumps(ToPy());

    public static SimulationCheckpoint FromJson(string json) => FromPy((PyDict)PyJson.Parse(json)!);
}
