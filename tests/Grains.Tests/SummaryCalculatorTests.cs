using Tau2Observe.Grains.Evaluations;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

public class SummaryCalculatorTests
{
    private static TrialResult Trial(string task, double? agentCost, double? userCost, int turns = 4) => new()
    {
        TaskId = task, Trial = 0, Reward = 1.0, TerminationReason = "user_stop", Turns = turns,
        AgentCost = agentCost, UserCost = userCost, PromptTokens = 100, CompletionTokens = 10, CachedPromptTokens = 40,
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
    public void A_trial_cancelled_before_its_first_turn_does_not_void_the_cost()
    {
        var summary = SummaryCalculator.Compute([Trial("a", 0.002, 0.001), Trial("b", null, null, turns: 0)], numTrials: 1);

        Assert.Equal(0.003, summary.TotalCost!.Value, 12);
    }
}
