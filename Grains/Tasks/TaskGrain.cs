using Orleans.Placement;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Telemetry;

namespace Tau2Observe.Grains.Tasks;

/// <summary>
/// The trials of one task: starts a TrialGrain per trial, collects their results and forwards each
/// to the evaluation. It stores nothing: every trial stores its own run and the evaluation every
/// result, so a task that lost its activation is rebuilt by the evaluation's reminder, which starts
/// it again with the same assignment; its trials then report again (a finished trial only re-sends
/// its stored result). Starting a trial only returns (it never calls back up), so awaiting it here
/// cannot deadlock with a report travelling the other way. A trial cancelled before it starts
/// records its cancellation when it does start.
/// </summary>
// the tasks carry the spread of work over the silos: their trials run where they are
[RandomPlacement]
public sealed class TaskGrain : Grain, ITaskGrain
{
    private readonly ActivationSpan _span = new();
    private readonly Dictionary<int, TrialResult> _results = [];
    // trials whose result the evaluation has acknowledged
    private readonly HashSet<int> _forwarded = [];
    private TaskAssignment? _assignment;
    private string? _traceParent;

    private string EvaluationId => GrainKeys.ParseTask(this.GetPrimaryKeyString()).EvaluationId;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _span.Interrupt();
        return Task.CompletedTask;
    }

    public async Task Start(TaskAssignment assignment)
    {
        if (_assignment is null)
        {
            _assignment = assignment;
            if (!IsComplete) _traceParent = OpenSpan(assignment);
        }
        var a = _assignment;
        var pending = Enumerable.Range(0, a.TrialSeeds.Count).Where(trial => !_results.ContainsKey(trial));
        await Task.WhenAll(pending.Select(trial => Trial(trial).Start(new TrialAssignment
        {
            EvaluationId = a.EvaluationId, TaskId = a.TaskId, Trial = trial, Seed = a.TrialSeeds[trial], Request = a.Request,
            ProtectedSecrets = a.ProtectedSecrets,
            TraceParent = _traceParent,
        })));
        // results whose forward failed: the evaluation is not inside a call while it starts tasks, so reporting to it here cannot deadlock
        foreach (var result in _results.Values.Where(r => !_forwarded.Contains(r.Trial)).ToList())
            await ForwardAsync(result);
    }

    /// <summary>Forwards the result; also before the assignment is known (an activation lost while the trial ran).</summary>
    public async Task ReportTrial(TrialResult result)
    {
        _results.TryAdd(result.Trial, result);
        if (IsComplete) _span.Close();
        // forwarded even when already known: an earlier forward may have failed
        await ForwardAsync(result);
        // every trial is in and forwarded: nothing keeps this task busy, free its memory now
        if (IsComplete && _forwarded.Count == _assignment!.TrialSeeds.Count) this.DeactivateOnIdle();
    }

    public async Task Cancel(IReadOnlyList<int> trials)
    {
        _span.SetTag("tau2.cancelled", true);
        _span.Close();
        await Task.WhenAll(trials.Where(trial => !_results.ContainsKey(trial)).Select(trial => Trial(trial).Cancel()));
    }

    private bool IsComplete => _assignment is { } a && _results.Count >= a.TrialSeeds.Count;

    private async Task ForwardAsync(TrialResult result)
    {
        await GrainFactory.GetGrain<IEvaluationTrialSink>(EvaluationId).ReportTrial(result);
        _forwarded.Add(result.Trial);
    }

    private string? OpenSpan(TaskAssignment a)
    {
        // started again by the evaluation's reminder: this continues a span an earlier activation left
        var context = _span.Open(SpanNames.Task, $"{a.Request.Domain}/{a.TaskId}", a.TraceParent, resumed: a.Restarted);
        _span.SetTag("tau2.evaluation_id", a.EvaluationId);
        _span.SetTag("tau2.domain", a.Request.Domain);
        _span.SetTag("tau2.task_id", a.TaskId);
        _span.SetTag("tau2.num_trials", a.TrialSeeds.Count);
        return context;
    }

    private ITrialGrain Trial(int trial)
    {
        var (evaluationId, taskId) = GrainKeys.ParseTask(this.GetPrimaryKeyString());
        return GrainFactory.GetGrain<ITrialGrain>(GrainKeys.Trial(evaluationId, taskId, trial));
    }
}
