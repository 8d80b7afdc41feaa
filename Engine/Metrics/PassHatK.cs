using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Metrics;

/// <summary>
/// pass^k as tau-bench defines it and tau2 computes it: per task C(c, k) / C(n, k) with n its
/// simulation count and c its successes, averaged over tasks without weighting; K is the trial
/// count, lowered to the smallest per-task count.
/// </summary>
public static class PassHatK
{
    /// <summary>A reward counts as success within tau2's tolerance.</summary>
    public static bool IsSuccessful(double reward) => reward >= 1 - 1e-6 && reward <= 1 + 1e-6;

    /// <summary>
    /// Computes the metrics. By default (upstream tau2) infrastructure failures are left out, which
    /// lowers n for their task; with <paramref name="countInfrastructureAsFailure"/> they count as failed trials instead.
    /// </summary>
    public static MetricsSummary Compute(IEnumerable<SimulationOutcome> outcomes, int numTrials, bool countInfrastructureAsFailure = false)
    {
        var all = outcomes.ToList();
        int infra = all.Count(o => TerminationReason.IsInfrastructure(o.TerminationReason));
        var sims = countInfrastructureAsFailure
            ? all.Select(o => TerminationReason.IsInfrastructure(o.TerminationReason) ? o with { Reward = 0.0 } : o).ToList()
            : all.Where(o => !TerminationReason.IsInfrastructure(o.TerminationReason)).ToList();

        double avgReward = sims.Count == 0 ? double.NaN : sims.Sum(s => s.Reward) / sims.Count;
        var costs = sims.Where(s => s.AgentCost is not null).Select(s => s.AgentCost!.Value).ToList();
        double? avgCost = costs.Count == 0 ? null : costs.Sum() / costs.Count;

        var byTask = sims.GroupBy(s => s.TaskId).Select(g => (n: g.Count(), c: g.Count(s => IsSuccessful(s.Reward)))).ToList();
        var passHatKs = new Dictionary<int, double>();
        var intervals = new Dictionary<int, ConfidenceInterval>();
        if (byTask.Count > 0)
        {
            int k = Math.Min(numTrials, byTask.Min(t => t.n));
            for (int i = 1; i <= k; i++)
            {
                var perTask = byTask.Select(t => Binomial(t.c, i) / Binomial(t.n, i)).ToList();
                passHatKs[i] = perTask.Sum() / perTask.Count;
                if (Interval(perTask) is { } interval) intervals[i] = interval;
            }
        }
        return new MetricsSummary(avgReward, passHatKs, avgCost, sims.Count, sims.Count(s => IsSuccessful(s.Reward)), infra, intervals);
    }

    /// <summary>
    /// A 95% confidence interval for pass^k from its per-task values (not part of tau2): the tasks
    /// are treated as a sample, and the interval is the normal approximation mean ± 1.96 · s / √T
    /// (s the sample standard deviation over the T tasks), clipped to [0, 1]. Null with fewer than
    /// two tasks. It reflects task-to-task variation only; with few tasks it is optimistic, and it
    /// collapses to a point when every task has the same value.
    /// </summary>
    public static ConfidenceInterval? Interval(IReadOnlyList<double> perTask)
    {
        const double z95 = 1.959963984540054;
        int t = perTask.Count;
        if (t < 2) return null;
        double mean = perTask.Average();
        double variance = perTask.Sum(x => (x - mean) * (x - mean)) / (t - 1);
        double half = z95 * Math.Sqrt(variance / t);
        return new ConfidenceInterval(Math.Max(0, mean - half), Math.Min(1, mean + half), 0.95);
    }

    /// <summary>C(n, k) as a double (exact for the small counts used here); 0 when k &gt; n.</summary>
    public static double Binomial(int n, int k)
    {
        if (k < 0 || k > n) return 0;
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.Round(r);
    }
}
