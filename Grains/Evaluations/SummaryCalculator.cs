using Tau2Observe.Engine.Metrics;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Evaluations;

/// <summary>An evaluation's summary: tau2's metrics (infrastructure failures left out) plus counts, costs and tokens of every trial.</summary>
public static class SummaryCalculator
{
    /// <param name="countInfrastructureAsFailure">the <c>infrastructure-errors</c> correction: such runs count as failed trials</param>
    public static EvaluationSummary Compute(IReadOnlyCollection<TrialResult> trials, int numTrials, bool countInfrastructureAsFailure = false)
    {
        var metrics = PassHatK.Compute(
            trials.Select(t => new SimulationOutcome(t.TaskId, t.Trial, t.Reward, t.AgentCost, t.TerminationReason)), numTrials, countInfrastructureAsFailure);
        var intervals = metrics.PassHatKIntervals ?? new Dictionary<int, ConfidenceInterval>();
        // trials that never took a turn (cancelled before they started) cost nothing to know about
        var ran = trials.Where(t => t.Turns > 0).ToList();
        return new EvaluationSummary
        {
            AvgReward = metrics.AvgReward,
            PassHatK = metrics.PassHatKs,
            PassHatKLower = intervals.ToDictionary(p => p.Key, p => p.Value.Lower),
            PassHatKUpper = intervals.ToDictionary(p => p.Key, p => p.Value.Upper),
            AvgAgentCost = metrics.AvgAgentCost,
            Simulations = metrics.Simulations,
            SuccessfulSimulations = metrics.Successes,
            InfrastructureErrors = metrics.InfrastructureErrors,
            TerminationCounts = trials.GroupBy(t => t.TerminationReason)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            // the user's own cost (upstream tau2's), so that an agent without a cost does not hide what the user simulator cost
            TotalCost = SumOrNull(ran.SelectMany(t => new[] { t.AgentCost, t.UserSideCost })),
            UserCost = SumOrNull(ran.Select(t => t.UserSideCost)),
            PromptTokens = trials.Sum(t => t.PromptTokens),
            CompletionTokens = trials.Sum(t => t.CompletionTokens),
            CachedPromptTokens = trials.Sum(t => t.CachedPromptTokens),
        };
    }

    /// <summary>The sum, or null if any part is unknown or there is nothing to sum: a partial sum would understate the cost.</summary>
    private static double? SumOrNull(IEnumerable<double?> costs)
    {
        var list = costs.ToList();
        return list.Count == 0 || list.Any(c => c is null) ? null : list.Sum(c => c!.Value);
    }
}
