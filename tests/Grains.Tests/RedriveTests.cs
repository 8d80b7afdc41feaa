using Orleans.Core.Internal;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// Trials have no reminder of their own: the evaluation's reminder starts its unfinished tasks
/// again, which start their lost trials again and forward the results the evaluation missed.
/// </summary>
[Collection(CheckpointControlClusterCollection.Name)]
public sealed class RedriveTests(CheckpointControlClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_trial_that_lost_its_activation_is_started_again_by_the_evaluations_reminder()
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain("redrive-lost");
        await evaluation.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 1));
        await gate.Blocked.WaitAsync(Evaluations.Timeout);

        // the agent is stopped at its second turn: the trial's activation goes, and nobody calls it
        var trial = _grains.GetGrain<ITrialGrain>(GrainKeys.Trial(evaluation.GetPrimaryKeyString(), "inc_a", 0));
        await trial.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await gate.Interrupted.WaitAsync(Evaluations.Timeout);

        var done = await evaluation.WaitForTerminalAsync();
        var result = Assert.Single(done.Trials);
        Assert.Equal(1.0, result.Reward);
        Assert.Equal(1, result.Resumptions);
        // greeting, user request, the agent's tool call and its result: carried on from the checkpoint
        Assert.Equal(4, gate.HistoryAfterInterruption);
    }

    [Fact]
    public async Task A_result_the_evaluation_failed_to_record_is_forwarded_again_by_its_task()
    {
        var evaluation = _grains.NewGrain("redrive-forward");
        // the task has stored the result, the evaluation's write of it fails: the trial's report fails
        var failed = CheckpointWriteControl.FailFirstResultOnce(evaluation.GetPrimaryKeyString());
        await evaluation.Start(Evaluations.Toy(numTasks: 1, numTrials: 1));

        var done = await evaluation.WaitForTerminalAsync();
        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal(1.0, Assert.Single(done.Trials).Reward);
        Assert.True(failed.Reached.Task.IsCompleted, "the evaluation's first write of the result did not fail");
    }

    [Fact]
    public async Task A_task_that_lost_its_activation_is_rebuilt_and_its_trials_report_to_it_again()
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var evaluation = _grains.NewGrain("redrive-task");
        string id = evaluation.GetPrimaryKeyString();
        // one of the two trials is stopped by the gate, the other finishes and is recorded
        await evaluation.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 2));
        await gate.Blocked.WaitAsync(Evaluations.Timeout);
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        TrialResult? first;
        while ((first = (await evaluation.GetSnapshot()).Trials.SingleOrDefault()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the trial that was not stopped never finished");
            await Task.Delay(50);
        }

        // the task's activation goes (it stores nothing), then the stopped trial's
        await _grains.GetGrain<ITaskGrain>(GrainKeys.Task(id, "inc_a")).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        int stopped = 1 - first.Trial;
        await _grains.GetGrain<ITrialGrain>(GrainKeys.Trial(id, "inc_a", stopped)).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await gate.Interrupted.WaitAsync(Evaluations.Timeout);

        var done = await evaluation.WaitForTerminalAsync();
        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal([0, 1], done.Trials.Select(t => t.Trial).Order());
        Assert.All(done.Trials, t => Assert.Equal(1.0, t.Reward));
        Assert.True(done.Trials.Single(t => t.Trial == stopped).Resumptions >= 1, "the stopped trial did not resume from its checkpoint");
        // each trial finished its run once: the finished one re-sent its stored result, it did not run again
        var deadlineForListeners = DateTime.UtcNow + Evaluations.Timeout;
        while (RecordingTrialListener.Shared.For(id).Count < 2 && DateTime.UtcNow < deadlineForListeners) await Task.Delay(50);
        Assert.Equal(2, RecordingTrialListener.Shared.For(id).Count);
    }
}
