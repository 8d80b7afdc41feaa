using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>An evaluation stores the trial results that arrive while it is writing all in its next write, one write at a time.</summary>
[Collection(CheckpointControlClusterCollection.Name)]
public sealed class EvaluationWriteTests(CheckpointControlClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Results_that_arrive_while_one_is_being_stored_are_stored_together_in_the_next_write()
    {
        var evaluation = _grains.NewGrain("grouped-results");
        string id = evaluation.GetPrimaryKeyString();
        var held = CheckpointWriteControl.HoldFirstResult(id);
        // three tasks of one trial each: three reports, from three task grains
        await evaluation.Start(Evaluations.Toy(numTasks: 3, numTrials: 1));
        await held.Reached.Task.WaitAsync(Evaluations.Timeout);
        await PollAsync(() => ReportCounter.ReportsReceived(id) == 3);

        // the two later reports wait for the held write; none of them is answered before it is stored
        Assert.Equal(1, (await evaluation.GetSnapshot()).CompletedTrials);
        held.Release();
        var done = await evaluation.WaitForTerminalAsync();

        Assert.Equal(EvaluationStatus.Completed, done.Status);
        Assert.Equal(3, done.Trials.Count);
        Assert.All(done.Trials, t => Assert.Equal(1.0, t.Reward));
        // the snapshot shows a change as soon as its write starts: wait for that write to be done
        await PollAsync(() => CheckpointWriteControl.ResultCountsStored(id).Count >= 2);
        // the first result alone, then both later ones in one write (not one write each)
        Assert.Equal([1, 3], CheckpointWriteControl.ResultCountsStored(id));
        Assert.Equal(1, CheckpointWriteControl.MostConcurrentWrites);
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition never held");
            await Task.Delay(20);
        }
    }
}
