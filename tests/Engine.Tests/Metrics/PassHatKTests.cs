using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Tests.Metrics;

public class PassHatKTests
{
    private static SimulationOutcome Ok(string task, int trial) => new(task, trial, 1.0, 0.01);
    private static SimulationOutcome Fail(string task, int trial) => new(task, trial, 0.0, 0.03);
    private static SimulationOutcome Infra(string task, int trial) => new(task, trial, 0.0, null, TerminationReason.InfrastructureError);

    [Fact]
    public void Pass_hat_k_is_the_unweighted_task_mean_of_C_c_k_over_C_n_k()
    {
        // task a: 3 of 4 successes; task b: 1 of 4
        var outcomes = new[] { Ok("a", 0), Ok("a", 1), Ok("a", 2), Fail("a", 3), Ok("b", 0), Fail("b", 1), Fail("b", 2), Fail("b", 3) };

        var m = PassHatK.Compute(outcomes, numTrials: 4);

        Assert.Equal((3.0 / 4 + 1.0 / 4) / 2, m.PassHatKs[1], 12);
        Assert.Equal((3.0 / 6 + 0.0) / 2, m.PassHatKs[2], 12);
        Assert.Equal((1.0 / 4 + 0.0) / 2, m.PassHatKs[3], 12);
        Assert.Equal(0.0, m.PassHatKs[4]);
        Assert.Equal(0.5, m.AvgReward);
        Assert.Equal(0.02, m.AvgAgentCost!.Value, 12);
    }

    [Fact]
    public void Success_allows_tau2s_tolerance_of_1e_6()
    {
        Assert.True(PassHatK.IsSuccessful(1 - 1e-7));
        Assert.True(PassHatK.IsSuccessful(1 + 1e-7));
        Assert.False(PassHatK.IsSuccessful(1 - 1e-5));
        Assert.False(PassHatK.IsSuccessful(0.7));
    }

    [Fact]
    public void Infrastructure_errors_shrink_n_and_K_by_default_and_count_as_failures_when_corrected()
    {
        // two trials each; one of task b's runs hit an infrastructure error
        var outcomes = new[] { Ok("a", 0), Ok("a", 1), Ok("b", 0), Infra("b", 1) };

        var upstream = PassHatK.Compute(outcomes, numTrials: 2);
        var corrected = PassHatK.Compute(outcomes, numTrials: 2, countInfrastructureAsFailure: true);

        // upstream: b has n = 1, so K drops to 1 for every task and b looks perfect
        Assert.Equal([1], upstream.PassHatKs.Keys);
        Assert.Equal(1.0, upstream.PassHatKs[1]);
        Assert.Equal(3, upstream.Simulations);
        Assert.Equal(1, upstream.InfrastructureErrors);
        // corrected: n stays 2 for b, with one failure
        Assert.Equal([1, 2], corrected.PassHatKs.Keys.Order());
        Assert.Equal((1.0 + 0.5) / 2, corrected.PassHatKs[1]);
        Assert.Equal((1.0 + 0.0) / 2, corrected.PassHatKs[2]);
        Assert.Equal(4, corrected.Simulations);
        Assert.Equal(0.75, corrected.AvgReward);
    }

    [Fact]
    public void The_confidence_interval_is_the_normal_approximation_over_tasks()
    {
        // 16 tasks, pass^1 values alternating 1 and 0: mean 0.5, sample variance 16 * 0.25 / 15, half-width 1.96 * sd / 4
        var outcomes = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? Ok($"t{i}", 0) : Fail($"t{i}", 0));

        var ci = PassHatK.Compute(outcomes, numTrials: 1).PassHatKIntervals![1];

        double half = 1.959963984540054 * Math.Sqrt(4.0 / 15) / 4;
        Assert.Equal(0.5 - half, ci.Lower, 9);
        Assert.Equal(0.5 + half, ci.Upper, 9);
        Assert.Equal(0.95, ci.Level);
    }

    [Fact]
    public void The_interval_is_clipped_to_0_1_and_absent_for_a_single_task()
    {
        Assert.Equal(new ConfidenceInterval(0.0, 1.0, 0.95), PassHatK.Interval([1, 0]));
        Assert.Equal(new ConfidenceInterval(1.0, 1.0, 0.95), PassHatK.Interval([1, 1, 1]));
        Assert.Null(PassHatK.Interval([1]));
        Assert.Empty(PassHatK.Compute([Ok("a", 0)], 1).PassHatKIntervals!);
    }
}
