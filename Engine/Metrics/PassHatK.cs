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
        if (byTask.Count > 0)
        {
            int k = Math.Min(numTrials, byTask.Min(t => t.n));
            for (int i = 1; i <= k; i++)
                passHatKs[i] = byTask.Sum(t => Binomial(t.c, i) / Binomial(t.n, i)) / byTask.Count;
        }
        return new MetricsSummary(avgReward, passHatKs, avgCost, sims.Count, sims.Count(s => IsSuccessful(s.Reward)), infra);
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
