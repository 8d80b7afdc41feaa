using System.Collections.Concurrent;
using System.Diagnostics;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Grains.Tests;

/// <summary>Spans across grains (evaluation → task → trial through persisted traceparents) and the trial listeners.</summary>
[Collection(ClusterCollection.Name)]
public class TrialTelemetryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Trials_run_under_their_task_span_under_the_evaluation_span_and_reach_the_listeners()
    {
        using var recorded = new RecordedSpans();
        var spans = recorded.Ended;
        var grain = fixture.Grains.NewGrain("telemetry");
        string id = grain.GetPrimaryKeyString();

        await grain.Start(Evaluations.Toy(numTasks: 2, numTrials: 2));
        await grain.WaitForTerminalAsync();
        await Until(() => spans.Any(IsEvaluation) && RecordingTrialListener.Shared.For(id).Count == 4);

        var evaluation = spans.Single(IsEvaluation);
        var tasks = spans.Where(s => s.OperationName == SpanNames.Task && (string?)s.GetTagItem("tau2.evaluation_id") == id).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(evaluation.SpanId, t.ParentSpanId));
        var trials = spans.Where(s => s.OperationName == SpanNames.Trial && tasks.Any(t => t.SpanId == s.ParentSpanId)).ToList();
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal(evaluation.TraceId, t.TraceId));

        var runs = RecordingTrialListener.Shared.For(id);
        Assert.Equal(trials.Select(t => t.SpanId.ToHexString()).Order(), runs.Select(r => r.TraceContext.SpanId.ToHexString()).Order());

        bool IsEvaluation(Activity s) => s.OperationName == SpanNames.Evaluation && (string?)s.GetTagItem("tau2.evaluation_id") == id;
    }

    [Fact]
    public async Task Metrics_are_recorded_as_each_trial_finishes_not_only_at_the_end()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, string? EvaluationId)>();
        using var meter = new System.Diagnostics.Metrics.MeterListener();
        meter.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == Tau2Telemetry.MeterName) l.EnableMeasurementEvents(instrument); };
        meter.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, EvaluationOf(tags))));
        meter.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, EvaluationOf(tags))));
        meter.Start();
        var gateName = Guid.NewGuid().ToString("N");
        var gate = BlockingGate.Get(gateName);
        var grain = fixture.Grains.NewGrain("metrics");
        string id = grain.GetPrimaryKeyString();

        // two trials share the gate: one is held at a turn, the other finishes
        await grain.Start(Evaluations.Toy(agent: $"test:block-once:{gateName}", numTasks: 1, numTrials: 2));
        await gate.Blocked.WaitAsync(Evaluations.Timeout);
        await Until(() => measurements.Any(m => m.Name == "tau2.evaluation.tasks_total" && m.EvaluationId == id && m.Value == 1));

        var snapshot = await grain.GetSnapshot();
        Assert.Equal(Interfaces.EvaluationStatus.Working, snapshot.Status);
        Assert.Equal(1, snapshot.CompletedTrials);
        Assert.Single(measurements, m => m.Name == "tau2.task.total" && m.EvaluationId == id);
        Assert.Contains(measurements, m => m.Name == "tau2.evaluation.pass_hat_k" && m.EvaluationId == id);
        await grain.Cancel();

        static string? EvaluationOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var (key, value) in tags) if (key == "evaluation_id") return value as string;
            return null;
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Evaluations.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
