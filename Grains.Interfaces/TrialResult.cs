namespace Tau2Observe.Grains.Interfaces;

/// <summary>The graded outcome of one (task, trial) simulation, without its trajectory.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.TrialResult")]
public sealed record TrialResult
{
    [Id(0)] public required string TaskId { get; init; }
    [Id(1)] public int Trial { get; init; }
    [Id(2)] public double Reward { get; init; }
    [Id(3)] public required string TerminationReason { get; init; }
    [Id(4)] public double? AgentCost { get; init; }
    [Id(5)] public double? UserCost { get; init; }
    [Id(6)] public double DurationSeconds { get; init; }
    [Id(7)] public int Turns { get; init; }
    [Id(8)] public long? Seed { get; init; }
    /// <summary>Why the run failed, if it did (never contains secrets).</summary>
    [Id(9)] public string? Error { get; init; }
    [Id(10)] public bool? DbMatch { get; init; }
    [Id(11)] public string SimulationId { get; init; } = "";
    /// <summary>Tokens reported in the usage of the run's messages (agent and user simulator).</summary>
    [Id(12)] public long PromptTokens { get; init; }
    [Id(13)] public long CompletionTokens { get; init; }
    /// <summary>The part of <see cref="PromptTokens"/> the providers served from their prompt cache.</summary>
    [Id(14)] public long CachedPromptTokens { get; init; }
    /// <summary>Runs of the simulation that ended in an infrastructure failure and were retried (watchdog, exceptions).</summary>
    [Id(15)] public int RetriedFailures { get; init; }
    /// <summary>How often the run continued from a stored checkpoint (after a crash, a move to another silo, or a retry).</summary>
    [Id(16)] public int Resumptions { get; init; }

    /// <summary>
    /// What the user simulator's messages cost, summed over those that report a cost (the seed's
    /// <c>tau2.simulator.cost_usd</c>); null when none does. Unlike tau2's <see cref="UserCost"/> it is
    /// not voided by an agent message without a cost, which every A2A agent sends.
    /// </summary>
    [Id(17)] public double? SimulatorCost { get; init; }

    /// <summary>
    /// Upstream tau2-bench's <c>user_cost</c>: the user messages' costs summed, null when one of them
    /// has none. The fork's <see cref="UserCost"/> (the results file's) is also null when an agent
    /// message has no cost, as every message of an A2A agent that reports no usage has; this one
    /// still says what the user simulator cost.
    /// </summary>
    [Id(18)] public double? UserSideCost { get; init; }
}
