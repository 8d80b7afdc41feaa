using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>The watchdog with its bounded retries, and admission control, on a cluster where both are tight.</summary>
[Collection(GuardedClusterCollection.Name)]
public sealed class GuardTests(GuardedClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_trial_without_progress_is_retried_then_failed_as_an_infrastructure_error_left_out_of_pass_hat_k()
    {
        var grain = _grains.NewGrain("stall");
        await grain.Start(Evaluations.Toy(agent: "test:stall", numTasks: 1, numTrials: 1));

        var done = await grain.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Completed, done.Status);
        var trial = Assert.Single(done.Trials);
        Assert.Equal(TerminationReason.InfrastructureError, trial.TerminationReason);
        Assert.Contains("no progress for 00:00:02 (watchdog) (after 2 attempts)", trial.Error);
        Assert.Equal(1, trial.RetriedFailures);
        Assert.Equal(1, done.Summary!.InfrastructureErrors);
        Assert.Equal(0, done.Summary.Simulations);
        Assert.Empty(done.Summary.PassHatK);
    }

    [Fact]
    public async Task A_trial_that_stalls_once_is_retried_from_its_checkpoint_and_graded_normally()
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var grain = _grains.NewGrain("stall-once");
        await grain.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1));

        var done = await grain.WaitForTerminalAsync();

        var trial = Assert.Single(done.Trials);
        Assert.Equal(1.0, trial.Reward);
        Assert.Equal(1, trial.RetriedFailures);
        Assert.Equal(0, done.Summary!.InfrastructureErrors);
        Assert.True(trial.Resumptions >= 1);
        // greeting, user request, the agent's tool call and its result: the retry carried on from there
        Assert.Equal(4, gate.HistoryAfterInterruption);
    }

    [Fact]
    public async Task Admission_runs_one_simulation_of_a_bounded_agent_at_a_time_and_shows_the_others_waiting()
    {
        var grain = _grains.NewGrain("admission");
        var admission = _grains.GetGrain<IAdmissionGrain>("agent:" + GuardedClusterFixture.LimitedAgent);
        await grain.Start(Evaluations.Toy(agent: GuardedClusterFixture.LimitedAgent, turnLatencyMs: 100));

        int mostWaiting = 0, mostHolders = 0;
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        EvaluationSnapshot snapshot;
        while (!(snapshot = await grain.GetSnapshot()).IsTerminal && DateTime.UtcNow < deadline)
        {
            mostWaiting = Math.Max(mostWaiting, snapshot.WaitingTrials);
            mostHolders = Math.Max(mostHolders, await admission.Holders());
            await Task.Delay(20);
        }

        Assert.Equal(EvaluationStatus.Completed, snapshot.Status);
        Assert.All(snapshot.Trials, t => Assert.Equal(1.0, t.Reward));
        Assert.Equal(1, mostHolders);
        Assert.InRange(mostWaiting, 1, 3);
        Assert.Equal(0, snapshot.WaitingTrials);
        Assert.Equal(0, await admission.Holders());
    }
}
