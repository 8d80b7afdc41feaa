using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

public class SummaryCalculatorTests
{
    /// <param name="userCost">the user's own cost; tau2's fork voids the run's user cost too when the agent's is unknown</param>
    private static TrialResult Trial(string task, double? agentCost, double? userCost, int turns = 4) => new()
    {
        TaskId = task, Trial = 0, Reward = 1.0, TerminationReason = "user_stop", Turns = turns,
        AgentCost = agentCost, UserCost = agentCost is null ? null : userCost, UserSideCost = userCost,
        PromptTokens = 100, CompletionTokens = 10, CachedPromptTokens = 40,
    };

    [Fact]
    public void Costs_and_tokens_of_every_trial_are_summed()
    {
        var summary = SummaryCalculator.Compute([Trial("a", 0.002, 0.001), Trial("b", 0.004, 0.003)], numTrials: 1);

        Assert.Equal(0.010, summary.TotalCost!.Value, 12);
        Assert.Equal(0.004, summary.UserCost!.Value, 12);
        Assert.Equal((200L, 20L, 80L), (summary.PromptTokens, summary.CompletionTokens, summary.CachedPromptTokens));
    }

    [Fact]
    public void One_unknown_cost_makes_the_total_unknown_rather_than_understated()
    {
        // an unpriced user model: tokens are known, the cost is not
        var summary = SummaryCalculator.Compute([Trial("a", 0.002, 0.001), Trial("b", 0.004, null)], numTrials: 1);

        Assert.Null(summary.TotalCost);
        Assert.Null(summary.UserCost);
        Assert.Equal(200L, summary.PromptTokens);
    }

    [Fact]
    public void An_agent_that_reports_no_cost_leaves_its_cost_and_the_total_unknown_but_not_the_users()
    {
        // an A2A agent that sends no usage: tau2 records agent_cost (and the fork user_cost) as null
        var summary = SummaryCalculator.Compute([Trial("a", null, 0.001), Trial("b", null, 0.002)], numTrials: 1);

        Assert.Null(summary.AvgAgentCost);
        Assert.Null(summary.TotalCost);
        Assert.Equal(0.003, summary.UserCost!.Value, 12);
    }

    [Fact]
    public void A_trial_cancelled_before_its_first_turn_does_not_void_the_cost()
    {
        var summary = SummaryCalculator.Compute([Trial("a", 0.002, 0.001), Trial("b", null, null, turns: 0)], numTrials: 1);

        Assert.Equal(0.003, summary.TotalCost!.Value, 12);
    }

    private static TrialResult Run(string task, int trial, double reward, string reason = TerminationReason.UserStop) =>
        new() { TaskId = task, Trial = trial, Reward = reward, TerminationReason = reason };

    private static readonly TrialResult[] Trials =
    [
        Run("a", 0, 1.0), Run("a", 1, 1.0), Run("a", 2, 0.0),
        Run("b", 0, 1.0), Run("b", 1, 0.0, TerminationReason.InfrastructureError), Run("b", 2, 1.0),
        Run("c", 0, 0.0), Run("c", 1, 1.0), Run("c", 2, 1.0),
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
