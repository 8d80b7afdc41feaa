namespace Tau2Observe.Engine.Results;

/// <summary>One simulation of a re-graded file: its stored reward, the new one, and why grading failed if it did.</summary>
public sealed record RegradedSimulation(
    string TaskId,
    int Trial,
    string TerminationReason,
    double? StoredReward,
    double Reward,
    double? AgentCost,
    string? Error)
{
    /// <summary>True when the file held a reward and the new one differs from it.</summary>
    public bool Changed => StoredReward is { } stored && Math.Abs(stored - Reward) > 1e-9;
}
