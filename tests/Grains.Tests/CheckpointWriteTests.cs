using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Trials;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>A trial's checkpoint is stored while its next turn runs, one write at a time, and a failed write costs only a retry.</summary>
[Collection(CheckpointControlClusterCollection.Name)]
public sealed class CheckpointWriteTests(CheckpointControlClusterFixture fixture)
{
    // greeting, the user's request, the agent's tool call and its result: stored just before the agent's second turn
    private const int CheckpointBeforeSecondAgentTurn = 4;

    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task The_next_turn_runs_while_the_checkpoint_before_it_is_stored()
    {
        // the agent's second turn (where it is stopped) came while that checkpoint was still being written
        var (evaluation, trial, held) = await RunToSecondAgentTurnHoldingAsync("held-checkpoint", CheckpointBeforeSecondAgentTurn);
        Assert.True(held.IsHeld);
        // what the trial reports as stored is what is stored: the checkpoint before the held one
        Assert.InRange((await trial.GetCheckpointedMessages())!.Value, 1, CheckpointBeforeSecondAgentTurn - 1);

        // the cancelled trial's final write waits for the held one: never two writes of its state at once
        await evaluation.Cancel();
        held.Release();
        var stored = await StoredResultAsync(trial);
        Assert.Equal("cancelled", stored.Result!.TerminationReason);
        Assert.Equal(1, CheckpointWriteControl.MostConcurrentWrites);
    }

    [Fact]
    public async Task Checkpoints_that_arrive_while_one_is_being_stored_are_replaced_by_the_newest()
    {
        // the first checkpoint (the greeting), held while the user asks, the agent calls its tool and gets the result
        var (evaluation, trial, held) = await RunToSecondAgentTurnHoldingAsync("newest-checkpoint", 1);
        held.Release();
        await PollAsync(async () => await trial.GetCheckpointedMessages() == CheckpointBeforeSecondAgentTurn);

        // the checkpoints after the user's request (2 messages) and the tool call (3) came while the
        // held one was being written, and the tool result's (4) replaced them: only that one was written next
        Assert.Equal([1, CheckpointBeforeSecondAgentTurn], CheckpointWriteControl.CheckpointsStored(trial.GetPrimaryKeyString()));
        await evaluation.Cancel();
    }

    [Fact]
    public async Task A_failed_checkpoint_write_fails_the_next_turn_which_is_retried_from_that_checkpoint()
    {
        var evaluation = _grains.NewGrain("failed-checkpoint");
        string trialKey = GrainKeys.Trial(evaluation.GetPrimaryKeyString(), "inc_a", 0);
        CheckpointWriteControl.FailOnce(trialKey, CheckpointBeforeSecondAgentTurn);

        // turns that take a while, so the write has failed before the next checkpoint comes (a
        // failure that comes later, after the run's last checkpoint, only costs that checkpoint)
        await evaluation.Start(Evaluations.Toy(numTasks: 1, numTrials: 1, turnLatencyMs: 100));
        var done = await evaluation.WaitForTerminalAsync();

        var result = Assert.Single(done.Trials);
        Assert.Equal(1.0, result.Reward);
        Assert.Equal(1, result.RetriedFailures);
        Assert.Equal(1, result.Resumptions);
        Assert.Null(result.Error);
        Assert.Equal(1, CheckpointWriteControl.MostConcurrentWrites);
    }

    /// <summary>
    /// Starts a one-trial evaluation whose agent stops at its second turn (until cancelled), holding
    /// the write of the checkpoint with <paramref name="heldMessages"/> messages; returns once both have happened.
    /// </summary>
    private async Task<(IEvaluationGrain Evaluation, ITrialGrain Trial, CheckpointWriteControl.Rule Held)> RunToSecondAgentTurnHoldingAsync(
        string label, int heldMessages)
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain(label);
        string trialKey = GrainKeys.Trial(evaluation.GetPrimaryKeyString(), "inc_a", 0);
        var held = CheckpointWriteControl.Hold(trialKey, heldMessages);
        await evaluation.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1));
        await held.Reached.Task.WaitAsync(Evaluations.Timeout);
        await gate.Blocked.WaitAsync(Evaluations.Timeout);
        return (evaluation, _grains.GetGrain<ITrialGrain>(trialKey), held);
    }

    private async Task<TrialState> StoredResultAsync(ITrialGrain trial)
    {
        TrialState? stored = null;
        await PollAsync(async () => (stored = await fixture.StoredStateAsync<TrialState>("trial", trial.GetGrainId())) is { Result: not null });
        return stored!;
    }

    private static async Task PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not so after {Evaluations.Timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
