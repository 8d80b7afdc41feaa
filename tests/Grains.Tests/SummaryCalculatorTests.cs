using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

public class SummaryCalculatorTests
{
    private static TrialResult Trial(string task, int trial, double reward, string reason = TerminationReason.UserStop) =>
        new() { TaskId = task, Trial = trial, Reward = reward, TerminationReason = reason };

    private static readonly TrialResult[] Trials =
    [
        Trial("a", 0, 1.0), Trial("a", 1, 1.0), Trial("a", 2, 0.0),
        Trial("b", 0, 1.0), Trial("b", 1, 0.0, TerminationReason.InfrastructureError), Trial("b", 2, 1.0),
        Trial("c", 0, 0.0), Trial("c", 1, 1.0), Trial("c", 2, 1.0),
    ];

    [Fact]
    public void Infrastructure_errors_are_left_out_by_default_and_counted_as_failures_with_the_correction()
    {
        var upstream = SummaryCalculator.Compute(Trials, numTrials: 3);
        var corrected = SummaryCalculator.Compute(Trials, numTrials: 3, countInfrastructureAsFailure: true);

        // upstream: task b has n = 2, so K drops to 2
        Assert.Equal([1, 2], upstream.PassHatK.Keys.Order());
        Assert.Equal(8, upstream.Simulations);
        Assert.Equal(1, upstream.InfrastructureErrors);
        Assert.Equal((2.0 / 3 + 1.0 + 2.0 / 3) / 3, upstream.PassHatK[1], 12);
        // corrected: every task keeps n = 3
        Assert.Equal([1, 2, 3], corrected.PassHatK.Keys.Order());
        Assert.Equal(9, corrected.Simulations);
        Assert.Equal(2.0 / 3, corrected.PassHatK[1], 12);
        Assert.Equal(1, corrected.TerminationCounts[TerminationReason.InfrastructureError]);
    }

    [Fact]
    public void The_summary_carries_a_95_percent_interval_for_each_k()
    {
        var summary = SummaryCalculator.Compute(Trials, numTrials: 3, countInfrastructureAsFailure: true);

        Assert.Equal(summary.PassHatK.Keys.Order(), summary.PassHatKLower.Keys.Order());
        Assert.All(summary.PassHatK, p =>
        {
            Assert.InRange(p.Value, summary.PassHatKLower[p.Key], summary.PassHatKUpper[p.Key]);
            Assert.InRange(summary.PassHatKLower[p.Key], 0.0, 1.0);
            Assert.InRange(summary.PassHatKUpper[p.Key], 0.0, 1.0);
        });
        // every task has pass^1 = 2/3, so the task sample has no spread
        Assert.Equal(summary.PassHatKLower[1], summary.PassHatKUpper[1], 12);
    }
}
