namespace Tau2Observe.Grains.Interfaces;

/// <summary>tau2's aggregate metrics for an evaluation, plus counts that tau2 does not report.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.EvaluationSummary")]
public sealed record EvaluationSummary
{
    [Id(0)] public double AvgReward { get; init; }
    [Id(1)] public IReadOnlyDictionary<int, double> PassHatK { get; init; } = new Dictionary<int, double>();
    [Id(2)] public double? AvgAgentCost { get; init; }
    [Id(3)] public int Simulations { get; init; }
    [Id(4)] public int SuccessfulSimulations { get; init; }
    [Id(5)] public IReadOnlyDictionary<string, int> TerminationCounts { get; init; } = new Dictionary<string, int>();
    /// <summary>Runs that failed for infrastructure reasons; left out of avg reward and pass^k.</summary>
    [Id(6)] public int InfrastructureErrors { get; init; }
    /// <summary>Agent plus user cost of every trial; null when a trial that ran had an unknown cost, never a partial sum.</summary>
    [Id(7)] public double? TotalCost { get; init; }
    [Id(8)] public long PromptTokens { get; init; }
    [Id(9)] public long CompletionTokens { get; init; }
    [Id(10)] public long CachedPromptTokens { get; init; }
    /// <summary>
    /// Total user-simulator cost (each trial's <see cref="TrialResult.UserSideCost"/>, not voided by an
    /// agent that reports no cost); null when a trial that ran had an unknown one (an unpriced model, or a
    /// task's message history, which carries no costs).
    /// </summary>
    [Id(11)] public double? UserCost { get; init; }
    /// <summary>Not tau2's: the bounds of a 95% confidence interval for each pass^k (normal approximation over tasks; docs/fidelity.md).</summary>
    [Id(12)] public IReadOnlyDictionary<int, double> PassHatKLower { get; init; } = new Dictionary<int, double>();
    [Id(13)] public IReadOnlyDictionary<int, double> PassHatKUpper { get; init; } = new Dictionary<int, double>();
}
