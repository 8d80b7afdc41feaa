using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Trials;

/// <summary>
/// Runs one simulation in a background loop on this activation's scheduler (calls return at once),
/// persisting the orchestrator's checkpoint after every turn and the graded run at the end, then
/// reports the result to its TaskGrain. A reminder re-drives an interrupted trial: the next
/// activation resumes from the checkpoint, or re-sends a result that was not acknowledged.
/// Any failure of the run is recorded as an infrastructure error; it never escapes the trial.
/// </summary>
public sealed class TrialGrain(
    [PersistentState("trial", GrainStorage.Name)] IPersistentState<TrialState> state,
    SimulationRunner runner,
    IParticipantResolver participants,
    IEnumerable<ITrialListener> listeners,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain, IRemindable
{
    private const string DriverReminder = "driver";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _deactivating = new();
    private readonly CancellationTokenSource _cancelled = new();
    private Task? _driver;
    // the caller's user-model key, in memory only (see UserLlmKey)
    private UserLlmKey? _userKey;

    private TrialState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Assignment is not null) EnsureDriving();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // stop without recording anything: the checkpoint lets the next activation carry on
        _deactivating.Cancel();
        if (_driver is null) return;
        try
        {
            await _driver.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task Start(TrialAssignment assignment, UserLlmKey? userKey = null)
    {
        _userKey = userKey ?? _userKey;
        if (S.Assignment is null)
        {
            S.Assignment = assignment;
            await state.WriteStateAsync();
            await this.RegisterOrUpdateReminder(DriverReminder, ReminderPeriod, ReminderPeriod);
        }
        EnsureDriving();
    }

    public Task Cancel()
    {
        _cancelled.Cancel();
        // a trial that is not running records its cancellation now (unless Start is still persisting it)
        if (state.RecordExists && S.Assignment is not null) EnsureDriving();
        return Task.CompletedTask;
    }

    public Task<string?> GetRunJson() => Task.FromResult(S.RunJson);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Reported) return UnregisterReminderAsync();
        if (S.Assignment is not null) EnsureDriving();
        return Task.CompletedTask;
    }

    private void EnsureDriving()
    {
        if (_driver is { IsCompleted: false } || S.Reported || _deactivating.IsCancellationRequested) return;
        _driver = DriveAsync();
    }

    private async Task DriveAsync()
    {
        await Task.Yield(); // let the triggering call return; continue as separate turns on this activation
        try
        {
            if (S.Result is null) await RunAsync();
            await ReportAsync();
        }
        catch (OperationCanceledException) when (_deactivating.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Trial {Trial} could not finish or report; its reminder retries", this.GetPrimaryKeyString());
        }
    }

    private async Task RunAsync()
    {
        var a = S.Assignment!;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_deactivating.Token, _cancelled.Token);
        SimulationRun run;
        try
        {
            _cancelled.Token.ThrowIfCancellationRequested();
            var factory = participants.Resolve(new ParticipantSelection(
                a.Request.AgentEndpoint, a.Request.UserModel, TimeSpan.FromMilliseconds(a.Request.SimulatedTurnLatencyMs), _userKey?.Value));
            var spec = new TrialSpec(a.Request.Domain, a.TaskId, a.Trial, a.Seed, a.Request.MaxSteps, a.Request.MaxErrors, a.Request.TaskSplit, a.Request.TaskSet,
                TraceParent: a.TraceParent);
            run = await runner.RunAsync(spec, factory, LastCheckpoint(), SaveCheckpointAsync, stop.Token);
        }
        catch (OperationCanceledException) when (_cancelled.IsCancellationRequested)
        {
            run = TrialRuns.Stopped(a, LastCheckpoint(), TerminationReason.Cancelled, "cancelled", clock.Elapsed);
        }
        catch (Exception e) when (!_deactivating.IsCancellationRequested)
        {
            logger.LogWarning(e, "Trial {Trial} failed", this.GetPrimaryKeyString());
            run = TrialRuns.Stopped(a, LastCheckpoint(), TerminationReason.InfrastructureError, $"{e.GetType().Name}: {e.Message}", clock.Elapsed);
        }

        S.RunJson = PyJson.Dumps(run.ToPy());
        S.Result = TrialRuns.ToResult(run, a.Trial);
        S.CheckpointJson = null;
        await state.WriteStateAsync();
        TrialMetrics.Record(run, a.Request.Domain, a.EvaluationId, a.Request.AgentEndpoint);
        NotifyListeners(run, a);
    }

    /// <summary>Off the grain's scheduler and not awaited: a slow listener (an HTTP intake) must not hold up the report.</summary>
    private void NotifyListeners(SimulationRun run, TrialAssignment a)
    {
        string trial = this.GetPrimaryKeyString();
        foreach (var listener in listeners)
            _ = Task.Run(async () =>
            {
                try
                {
                    await listener.TrialFinishedAsync(run, a.Request.Domain, a.EvaluationId, a.Request.AgentEndpoint, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Trial {Trial}: listener {Listener} failed", trial, listener.GetType().Name);
                }
            });
    }

    // Not cancellable on purpose: an interrupted write could leave the stored etag behind ours.
    private async Task SaveCheckpointAsync(SimulationCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        S.CheckpointJson = checkpoint.ToJson();
        await state.WriteStateAsync();
    }

    private SimulationCheckpoint? LastCheckpoint() => S.CheckpointJson is { } json ? SimulationCheckpoint.FromJson(json) : null;

    private async Task ReportAsync()
    {
        if (S.Reported) return;
        var a = S.Assignment!;
        await GrainFactory.GetGrain<ITaskGrain>(GrainKeys.Task(a.EvaluationId, a.TaskId)).ReportTrial(S.Result!);
        S.Reported = true;
        await state.WriteStateAsync();
        await UnregisterReminderAsync();
    }

    private async Task UnregisterReminderAsync()
    {
        try
        {
            if (await this.GetReminder(DriverReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Trial {Trial}: could not remove its reminder", this.GetPrimaryKeyString());
        }
    }
}
