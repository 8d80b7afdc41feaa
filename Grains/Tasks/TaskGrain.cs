using Orleans.Placement;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Telemetry;

namespace Tau2Observe.Grains.Tasks;

/// <summary>
/// The trials of one task: starts a TrialGrain per trial, keeps their results and forwards each to
/// the evaluation. Starting a trial only returns (it never calls back up), so awaiting it here
/// cannot deadlock with a report travelling the other way. A trial cancelled before it starts
/// records its cancellation when it does start. A repeated <see cref="Start"/> (the evaluation's
/// reminder) also forwards again the results this activation has not forwarded yet, so a forward
/// lost in a crash is not lost for good.
/// </summary>
// the tasks carry the spread of work over the silos: their trials run where they are
[RandomPlacement]
public sealed class TaskGrain(
    [PersistentState("task", GrainStorage.Name)] IPersistentState<TaskState> state) : Grain, ITaskGrain
{
    private readonly ActivationSpan _span = new();
    // trials whose result the evaluation has acknowledged since this activation began
    private readonly HashSet<int> _forwarded = [];

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _span.Interrupt();
        return Task.CompletedTask;
    }

    public async Task Start(TaskAssignment assignment)
    {
        if (state.State.Assignment is null)
        {
            state.State.Assignment = assignment;
            state.State.TraceParent = OpenSpan(assignment, resumed: false);
            await state.WriteStateAsync();
        }
        var a = state.State.Assignment;
        if (!_span.IsOpen && !IsComplete) OpenSpan(a, resumed: true);
        var pending = Enumerable.Range(0, a.TrialSeeds.Count).Where(trial => !state.State.Results.Exists(r => r.Trial == trial));
        await Task.WhenAll(pending.Select(trial => Trial(a, trial).Start(new TrialAssignment
        {
            EvaluationId = a.EvaluationId, TaskId = a.TaskId, Trial = trial, Seed = a.TrialSeeds[trial], Request = a.Request,
            ProtectedSecrets = a.ProtectedSecrets,
            TraceParent = state.State.TraceParent,
        })));
        // the evaluation is not inside a call while it starts tasks, so reporting to it here cannot deadlock
        foreach (var result in state.State.Results.Where(r => !_forwarded.Contains(r.Trial)).ToList())
            await ForwardAsync(a, result);
    }

    public async Task ReportTrial(TrialResult result)
    {
        var a = state.State.Assignment
            ?? throw new InvalidOperationException($"Task {this.GetPrimaryKeyString()} received a trial result before its assignment.");
        if (!state.State.Results.Exists(r => r.Trial == result.Trial))
        {
            state.State.Results.Add(result);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Results.Remove(result); // the trial retries its report
                throw;
            }
        }
        if (IsComplete) _span.Close();
        // forwarded even when already known: an earlier forward may have failed after the write
        await ForwardAsync(a, result);
        // every trial is in and forwarded: nothing keeps this task busy, free its memory now
        if (state.State.Results.Count == a.TrialSeeds.Count) this.DeactivateOnIdle();
    }

    public async Task Cancel()
    {
        if (state.State.Assignment is not { } a) return;
        _span.SetTag("tau2.cancelled", true);
        _span.Close();
        var unfinished = Enumerable.Range(0, a.TrialSeeds.Count).Where(trial => !state.State.Results.Exists(r => r.Trial == trial));
        await Task.WhenAll(unfinished.Select(trial => Trial(a, trial).Cancel()));
    }

    private async Task ForwardAsync(TaskAssignment a, TrialResult result)
    {
        await GrainFactory.GetGrain<IEvaluationTrialSink>(a.EvaluationId).ReportTrial(result);
        _forwarded.Add(result.Trial);
    }

    private bool IsComplete => state.State.Assignment is { } a && state.State.Results.Count >= a.TrialSeeds.Count;

    private string? OpenSpan(TaskAssignment a, bool resumed)
    {
        var context = _span.Open(SpanNames.Task, $"{a.Request.Domain}/{a.TaskId}", a.TraceParent, resumed);
        _span.SetTag("tau2.evaluation_id", a.EvaluationId);
        _span.SetTag("tau2.domain", a.Request.Domain);
        _span.SetTag("tau2.task_id", a.TaskId);
        _span.SetTag("tau2.num_trials", a.TrialSeeds.Count);
        return context;
    }

    private ITrialGrain Trial(TaskAssignment a, int trial) => GrainFactory.GetGrain<ITrialGrain>(GrainKeys.Trial(a.EvaluationId, a.TaskId, trial));
}
