using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Tests;

/// <summary>A trial's costs: tau2's fork values as the run records them, and the user's own cost beside them.</summary>
public class TrialRunsTests
{
    private static SimulationRun Run(params Message[] messages) => new()
    {
        TaskId = "t", StartTime = "2026-01-01T00:00:00", EndTime = "2026-01-01T00:00:01", TerminationReason = TerminationReason.UserStop,
        Messages = [.. messages],
    };

    [Fact]
    public void An_agent_message_without_a_cost_does_not_hide_the_users_cost()
    {
        // the greeting costs 0.0; the A2A agent's answer reports no usage
        var result = TrialRuns.ToResult(Run(Message.Assistant("Hi!", cost: 0.0), Message.User("Book a flight.", cost: 0.002),
            Message.Assistant("Done."), Message.User("Thanks ###STOP###", cost: 0.001)), trial: 0);

        Assert.Equal(0.003, result.UserSideCost!.Value, 12);
    }

    [Fact]
    public void A_user_message_without_a_cost_makes_the_users_cost_unknown()
    {
        var result = TrialRuns.ToResult(Run(Message.Assistant("Hi!", cost: 0.0), Message.User("Book a flight.", cost: 0.002),
            Message.Assistant("Done.", cost: 0.0), Message.User("Thanks ###STOP###")), trial: 0);

        Assert.Null(result.UserSideCost);
    }
}
