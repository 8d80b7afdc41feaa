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
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain("held-checkpoint");
        string trialKey = GrainKeys.Trial(evaluation.GetPrimaryKeyString(), "inc_a", 0);
        var held = CheckpointWriteControl.Hold(trialKey, CheckpointBeforeSecondAgentTurn);

        await evaluation.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1));
        await held.Reached.Task.WaitAsync(Evaluations.Timeout);
        // the agent's second turn (where the gate stops it) came while that checkpoint was still being written
        await gate.Blocked.WaitAsync(Evaluations.Timeout);
        Assert.True(held.IsHeld);
        var trial = _grains.GetGrain<ITrialGrain>(trialKey);
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
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain("newest-checkpoint");
        string trialKey = GrainKeys.Trial(evaluation.GetPrimaryKeyString(), "inc_a", 0);
        // the first checkpoint (the greeting), held while the user asks, the agent calls its tool and gets the result
        var held = CheckpointWriteControl.Hold(trialKey, 1);

        await evaluation.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1));
        await held.Reached.Task.WaitAsync(Evaluations.Timeout);
        await gate.Blocked.WaitAsync(Evaluations.Timeout);
        held.Release();
        var trial = _grains.GetGrain<ITrialGrain>(trialKey);
        await PollAsync(async () => await trial.GetCheckpointedMessages() == CheckpointBeforeSecondAgentTurn);

        // the checkpoints after the user's request (2 messages) and the tool call (3) came while the
        // held one was being written, and the tool result's (4) replaced them: only that one was written next
        Assert.Equal([1, CheckpointBeforeSecondAgentTurn], CheckpointWriteControl.CheckpointsStored(trialKey));
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
