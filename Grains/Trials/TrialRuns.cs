using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Trials;

/// <summary>Converts runs for the grains: runs that were stopped before the orchestrator finished, and trial results.</summary>
public static class TrialRuns
{
    /// <summary>
    /// A run that ended outside the orchestrator (cancelled, or an infrastructure failure): the
    /// conversation up to the last checkpoint, scored 0 the way tau2 scores premature ends.
    /// </summary>
    public static SimulationRun Stopped(TrialAssignment assignment, SimulationCheckpoint? last, string reason, string error, TimeSpan elapsed)
    {
        var messages = last?.Trajectory.Select(m => m.Clone()).ToList() ?? [];
        for (int i = 0; i < messages.Count; i++) messages[i].TurnIdx = i;
        return new SimulationRun
        {
            TaskId = assignment.TaskId,
            StartTime = last?.StartTime ?? Timestamps.Now(),
            EndTime = Timestamps.Now(),
            Duration = elapsed.TotalSeconds,
            TerminationReason = reason,
            Messages = messages,
            Trial = assignment.Trial,
            Seed = assignment.Seed,
            Error = error,
            RewardInfo = new RewardInfo
            {
                Reward = 0.0,
                Info = new PyDict { ["note"] = $"Simulation terminated prematurely. Termination reason: {reason}" },
            },
        };
    }

    public static TrialResult ToResult(SimulationRun run, int trial)
    {
        var usages = run.Messages.Where(m => m.Usage is not null).Select(m => m.Usage!).ToList();
        var simulatorCosts = run.Messages.Where(m => m.IsUser && m.Cost is not null).Select(m => m.Cost!.Value).ToList();
        return new TrialResult
        {
            TaskId = run.TaskId,
            Trial = trial,
            Reward = run.RewardInfo?.Reward ?? 0.0,
            TerminationReason = run.TerminationReason,
            AgentCost = run.AgentCost,
            UserCost = run.UserCost,
            DurationSeconds = run.Duration,
            Turns = run.Messages.Count(m => m.IsUser || m.IsAssistant),
            Seed = run.Seed,
            Error = run.Error,
            DbMatch = run.RewardInfo?.DbCheck?.GetOrDefault("db_match") as bool?,
            SimulationId = run.Id,
            PromptTokens = usages.Sum(u => Tokens(u, "prompt_tokens")),
            CompletionTokens = usages.Sum(u => Tokens(u, "completion_tokens")),
            CachedPromptTokens = usages.Sum(u => Tokens(u, "cached_tokens")),
            SimulatorCost = simulatorCosts.Count == 0 ? null : simulatorCosts.Sum(),
            UserSideCost = SumOrNull(run.Messages.Where(m => m.IsUser).Select(m => m.Cost)),
        };
    }

    private static long Tokens(PyDict usage, string key) => usage.GetOrDefault(key) is long n ? n : 0;

    /// <summary>tau2's sum of message costs: 0 for no message, null as soon as one has no cost.</summary>
    private static double? SumOrNull(IEnumerable<double?> costs)
    {
        double sum = 0;
        foreach (var cost in costs)
        {
            if (cost is not { } c) return null;
            sum += c;
        }
        return sum;
    }
}
