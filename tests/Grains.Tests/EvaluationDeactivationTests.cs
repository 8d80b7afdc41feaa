using System.Text.Json;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tests;

/// <summary>
/// A finished evaluation leaves memory once nobody watches it (here after the fixture's short
/// <see cref="ClusterFixture.DeactivateFinishedAfter"/>), and reads afterwards activate it again from storage.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EvaluationDeactivationTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task A_finished_evaluation_deactivates_after_its_watcher_has_its_final_event_and_reads_back_from_storage()
    {
        using var recorded = new RecordedSpans();
        var spans = recorded.Ended;
        var grain = _grains.NewGrain("deactivate-watched");
        string id = grain.GetPrimaryKeyString();
        await grain.Start(Evaluations.Toy(numTrials: 2, turnLatencyMs: 100));

        // the watcher ends normally with the final event (no aborted enumeration)
        var events = new List<ProgressEvent>();
        using var timeout = new CancellationTokenSource(Evaluations.Timeout);
        await foreach (var e in grain.Watch(timeout.Token)) events.Add(e);
        Assert.Equal(EvaluationStatus.Completed, events[^1].Status);
        Assert.NotNull(events[^1].Summary);

        await UntilDeactivatedAsync(grain);

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(EvaluationStatus.Completed, snapshot.Status);
        Assert.Equal(4, snapshot.Trials.Count);
        Assert.Equal(1.0, snapshot.Summary!.AvgReward);
        using (var results = JsonDocument.Parse(await grain.GetResultsJson()))
            Assert.Equal(4, results.RootElement.GetProperty("simulations").GetArrayLength());
        var again = new List<ProgressEvent>();
        await foreach (var e in grain.Watch()) again.Add(e);
        Assert.Equal(EvaluationStatus.Completed, Assert.Single(again).Status);

        // read-only activations leave memory again, and none of them opened another evaluation span
        await UntilDeactivatedAsync(grain);
        var evaluationSpan = Assert.Single(spans, s => s.OperationName == SpanNames.Evaluation && (string?)s.GetTagItem("tau2.evaluation_id") == id);
        Assert.Null(evaluationSpan.GetTagItem("tau2.interrupted"));
        Assert.Null(evaluationSpan.GetTagItem("tau2.resumed"));
        Assert.Equal("completed", evaluationSpan.GetTagItem("tau2.status"));
    }

    [Fact]
    public async Task A_cancelled_evaluation_without_watchers_deactivates()
    {
        var grain = _grains.NewGrain("deactivate-cancelled");
        await grain.Start(Evaluations.Toy(turnLatencyMs: 60_000));

        await grain.Cancel();
        await UntilDeactivatedAsync(grain);

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(EvaluationStatus.Cancelled, snapshot.Status);
        Assert.Equal(4, snapshot.CompletedTrials);
    }

    [Fact]
    public async Task A_running_evaluation_stays_active()
    {
        var gateName = Guid.NewGuid().ToString("N");
        var gate = TestSupport.BlockingGate.Get(gateName);
        var grain = _grains.NewGrain("deactivate-running");
        await grain.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 2));
        await gate.Blocked.WaitAsync(Evaluations.Timeout);

        // one trial is held at a turn: an observation window well past the fixture's deactivation delay
        await Task.Delay(ClusterFixture.DeactivateFinishedAfter * 4);
        Assert.True(await IsActiveAsync(grain));
        Assert.Equal(EvaluationStatus.Working, (await grain.GetSnapshot()).Status);
        await grain.Cancel();
    }

    private async Task UntilDeactivatedAsync(IEvaluationGrain grain)
    {
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        while (await IsActiveAsync(grain))
        {
            Assert.True(DateTime.UtcNow < deadline, $"evaluation {grain.GetPrimaryKeyString()} still active after {Evaluations.Timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Asks the silo's management grain, which does not touch (or activate) the evaluation.</summary>
    private async Task<bool> IsActiveAsync(IEvaluationGrain grain)
    {
        var grainId = grain.GetGrainId();
        var activations = await _grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return activations.Any(a => a.GrainId == grainId);
    }
}
