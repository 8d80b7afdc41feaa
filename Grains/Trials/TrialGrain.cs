using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Admission;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Secrets;

namespace Tau2Observe.Grains.Trials;

/// <summary>
/// Runs one simulation in a background loop on this activation's scheduler (calls return at once),
/// persisting the orchestrator's checkpoint after every turn (the write overlaps the next turn) and the graded run at the end, then
/// reports the result to its TaskGrain. Only its task drives it (<see cref="Start"/>): the evaluation's
/// durable reminder re-starts, through the tasks, every trial whose result it lacks, so the next
/// activation (on any silo) resumes from the checkpoint, or re-sends a result that was not acknowledged.
/// Before running it waits for admission (<see cref="TrialAdmission"/>); a watchdog stops a run that
/// makes no progress. Infrastructure failures are retried from the checkpoint a bounded number of
/// times, then recorded as <c>infrastructure_error</c>; they never escape the trial.
/// </summary>
// on its task's silo, so that its start and its report stay local; the tasks are spread over the silos
[PreferLocalPlacement]
public sealed class TrialGrain(
    [PersistentState("trial", GrainStorage.Name)] IPersistentState<TrialState> state,
    SimulationRunner runner,
    IParticipantResolver participants,
    IEnumerable<ITrialListener> listeners,
    SecretProtector secretProtector,
    IOptions<TrialOptions> trialOptions,
    IOptions<AdmissionOptions> admissionOptions,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain
{
    private readonly TrialOptions _options = trialOptions.Value;
    private readonly CancellationTokenSource _deactivating = new();
    private readonly CancellationTokenSource _cancelled = new();
    private Task? _driver;
    private CancellationTokenSource? _watchdog;
    private TrialAdmission? _admission;
    private long _tokensCharged;
    // the task has accepted the result: nothing is left to do in this activation
    private bool _reported;
    // stores checkpoints in the background, one write at a time (which keeps the etag in step); other writes of the state wait for it
    private Task _checkpointWriter = Task.CompletedTask;
    private (string Json, int Messages)? _unstoredCheckpoint;
    private int? _storedCheckpointMessages;

    private TrialState S => state.State;
    private string Key => this.GetPrimaryKeyString();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // stop without recording anything: the checkpoint lets the next activation carry on
        _deactivating.Cancel();
        if (_driver is null) return;
        try
        {
            await _driver.WaitAsync(cancellationToken);
            // the next activation must read the newest checkpoint and its etag, not race our last write
            await FinishCheckpointWritesAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task Start(TrialAssignment assignment)
    {
        // stored with the first checkpoint (or the result): until then a lost activation is started again by its task
        S.Assignment ??= assignment;
        EnsureDriving();
        return Task.CompletedTask;
    }

    public Task Cancel()
    {
        _cancelled.Cancel();
        // a trial that is not running records its cancellation now
        if (S.Assignment is not null) EnsureDriving();
        return Task.CompletedTask;
    }

    public Task<string?> GetRunJson() => Task.FromResult(S.RunJson);

    public Task<int?> GetCheckpointedMessages() => Task.FromResult(S.Result is null ? _storedCheckpointMessages : null);

    private void EnsureDriving()
    {
        if (_driver is { IsCompleted: false } || _reported || _deactivating.IsCancellationRequested) return;
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
            logger.LogWarning(e, "Trial {Trial} could not finish or report; its evaluation's reminder starts it again", Key);
        }
    }

    private async Task RunAsync()
    {
        var a = S.Assignment!;
        var clock = Stopwatch.StartNew();
        SimulationRun run;
        try
        {
            _cancelled.Token.ThrowIfCancellationRequested();
            var (factory, setupError) = ResolveParticipants(a);
            if (factory is null)
            {
                run = TrialRuns.Stopped(a, LastCheckpoint(), TerminationReason.InfrastructureError, setupError!, clock.Elapsed);
            }
            else
            {
                await AdmitAsync(a);
                try
                {
                    run = await RunWithRetriesAsync(a, factory, clock);
                }
                finally
                {
                    await ReleaseAdmissionAsync();
                }
            }
        }
        catch (OperationCanceledException) when (_cancelled.IsCancellationRequested)
        {
            run = TrialRuns.Stopped(a, LastCheckpoint(), TerminationReason.Cancelled, "cancelled", clock.Elapsed);
        }

        await FinishCheckpointWritesAsync();
        S.RunJson = PyJson.Dumps(run.ToPy());
        S.Result = TrialRuns.ToResult(run, a.Trial) with { RetriedFailures = S.RetriedFailures, Resumptions = S.Resumptions };
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

    /// <summary>The participants, or why they cannot be had (a setup problem: not retried).</summary>
    private (IParticipantFactory? Factory, string? Error) ResolveParticipants(TrialAssignment a)
    {
        var secrets = RequestSecrets.None;
        string? secretsNote = null;
        try
        {
            secrets = secretProtector.Unprotect(a.ProtectedSecrets);
        }
        catch (SecretsUnavailableException e)
        {
            logger.LogWarning("Trial {Trial}: {Problem}", Key, e.Message);
            secretsNote = e.Message;
        }
        int latencyMs = a.Request.SimulatedTurnLatencyMs > 0 ? a.Request.SimulatedTurnLatencyMs : _options.SimulatedTurnLatencyMs;
        // admission buckets are grain keys: they name the endpoint as shown, without its credentials
        _admission = new TrialAdmission(GrainFactory, admissionOptions.Value, Key, a.Request.AgentEndpoint, a.Request.UserModel, secrets.UserApiKey);
        try
        {
            return (participants.Resolve(new ParticipantSelection(
                secrets.AgentEndpoint ?? a.Request.AgentEndpoint, a.Request.UserModel, TimeSpan.FromMilliseconds(latencyMs), secrets.UserApiKey, a.Request.SoloMode)), null);
        }
        catch (Exception e)
        {
            logger.LogWarning("Trial {Trial}: participants unavailable: {Error}", Key, e.Message);
            return (null, $"{e.GetType().Name}: {e.Message}" + (secretsNote is null ? "" : $" ({secretsNote})"));
        }
    }

    /// <summary>Runs (or resumes) the simulation; an infrastructure failure is retried from the last checkpoint while retries are left.</summary>
    private async Task<SimulationRun> RunWithRetriesAsync(TrialAssignment a, IParticipantFactory factory, Stopwatch clock)
    {
        var spec = new TrialSpec(a.Request.Domain, a.TaskId, a.Trial, a.Seed, a.Request.MaxSteps, a.Request.MaxErrors, a.Request.TaskSplit, a.Request.TaskSet,
            SoloMode: a.Request.SoloMode, Grading: GradingOptions.FromNames(a.Request.Corrections),
            TraceParent: a.TraceParent);
        while (true)
        {
            using var watchdog = new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_deactivating.Token, _cancelled.Token, watchdog.Token);
            _watchdog = watchdog;
            KickWatchdog();
            var checkpoint = LastCheckpoint();
            _storedCheckpointMessages ??= checkpoint?.Trajectory.Count; // what this activation loaded
            if (checkpoint is not null) S.Resumptions++;
            _tokensCharged = checkpoint is null ? 0 : Tokens(checkpoint);
            try
            {
                return await runner.RunAsync(spec, factory, checkpoint, SaveCheckpointAsync, stop.Token);
            }
            catch (Exception e) when (!_deactivating.IsCancellationRequested && !_cancelled.IsCancellationRequested)
            {
                string failure = watchdog.IsCancellationRequested
                    ? $"no progress for {_options.WatchdogTimeout} (watchdog)"
                    : $"{e.GetType().Name}: {e.Message}";
                if (S.RetriedFailures >= _options.MaxInfrastructureRetries)
                {
                    logger.LogWarning("Trial {Trial} failed: {Failure}", Key, failure);
                    string attempts = S.RetriedFailures == 0 ? "" : $" (after {S.RetriedFailures + 1} attempts)";
                    return TrialRuns.Stopped(a, LastCheckpoint(), TerminationReason.InfrastructureError, failure + attempts, clock.Elapsed);
                }
                await FinishCheckpointWritesAsync();
                S.RetriedFailures++;
                logger.LogWarning("Trial {Trial}: {Failure}; retrying from its last checkpoint ({Retry} of {Max})",
                    Key, failure, S.RetriedFailures, _options.MaxInfrastructureRetries);
                await state.WriteStateAsync();
            }
            finally
            {
                _watchdog = null;
            }
        }
    }

    /// <summary>Pushes the watchdog's deadline out: called at the start of a run and after every completed turn.</summary>
    private void KickWatchdog()
    {
        if (_options.WatchdogTimeout > TimeSpan.Zero) _watchdog?.CancelAfter(_options.WatchdogTimeout);
    }

    /// <summary>
    /// Hands the checkpoint to the background writer and returns without waiting for storage: the
    /// next turn runs while it is stored (a store round trip per turn would otherwise add up over the
    /// conversation). One write is in flight at a time; a checkpoint that arrives meanwhile replaces
    /// any older one still waiting, so only the newest is written next. A crash meanwhile resumes
    /// from the last stored checkpoint, as a crash a moment earlier would. A failed write fails the
    /// next turn, which is retried from the checkpoint.
    /// </summary>
    private async Task SaveCheckpointAsync(SimulationCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (_checkpointWriter.IsFaulted) await _checkpointWriter;
        _unstoredCheckpoint = (checkpoint.ToJson(), checkpoint.Trajectory.Count);
        if (_checkpointWriter.IsCompleted) _checkpointWriter = StoreCheckpointsAsync();
        KickWatchdog();
        long tokens = Tokens(checkpoint);
        long used = tokens - _tokensCharged;
        _tokensCharged = tokens;
        if (_admission is { IsLimited: true } admission)
        {
            try
            {
                await admission.HeartbeatAsync(used);
            }
            catch (Exception e)
            {
                logger.LogWarning("Trial {Trial}: admission heartbeat failed ({Error})", Key, e.GetType().Name);
            }
        }
    }

    // Not cancellable on purpose: an interrupted write could leave the stored etag behind ours.
    // The state changes only here between writes, never while one is in flight.
    private async Task StoreCheckpointsAsync()
    {
        while (_unstoredCheckpoint is { } next)
        {
            _unstoredCheckpoint = null;
            S.CheckpointJson = next.Json;
            await state.WriteStateAsync();
            _storedCheckpointMessages = next.Messages;
        }
    }

    /// <summary>
    /// Lets the checkpoint writer finish before the state is written for another reason, and puts
    /// the newest checkpoint into the state; a failed write is logged, as it only costs that checkpoint.
    /// </summary>
    private async Task FinishCheckpointWritesAsync()
    {
        try
        {
            await _checkpointWriter;
        }
        catch (Exception e)
        {
            logger.LogWarning("Trial {Trial}: storing a checkpoint failed ({Error})", Key, e.GetType().Name);
        }
        _checkpointWriter = Task.CompletedTask;
        if (_unstoredCheckpoint is { } newest) S.CheckpointJson = newest.Json;
        _unstoredCheckpoint = null;
    }

    /// <summary>Waits until every admission resource of the trial has a slot, showing the wait in the evaluation's progress.</summary>
    private async Task AdmitAsync(TrialAssignment a)
    {
        if (_admission is not { IsLimited: true } admission) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_deactivating.Token, _cancelled.Token);
        bool waiting = false;
        try
        {
            while (!await admission.TryAcquireAsync())
            {
                if (!waiting) waiting = await ReportWaitingAsync(a, true);
                await Task.Delay(admissionOptions.Value.RetryInterval, stop.Token);
            }
        }
        finally
        {
            if (waiting) await ReportWaitingAsync(a, false);
        }
    }

    private async Task<bool> ReportWaitingAsync(TrialAssignment a, bool waiting)
    {
        try
        {
            await GrainFactory.GetGrain<IEvaluationTrialSink>(a.EvaluationId).ReportWaiting(a.TaskId, a.Trial, waiting);
        }
        catch (Exception e)
        {
            logger.LogDebug("Trial {Trial}: could not report waiting={Waiting} ({Error})", Key, waiting, e.GetType().Name);
        }
        return waiting;
    }

    private async Task ReleaseAdmissionAsync()
    {
        if (_admission is not { IsLimited: true } admission) return;
        try
        {
            await admission.ReleaseAsync();
        }
        catch (Exception e)
        {
            // the lease runs out on its own
            logger.LogWarning("Trial {Trial}: releasing its admission slots failed ({Error})", Key, e.GetType().Name);
        }
    }

    private static long Tokens(SimulationCheckpoint checkpoint) =>
        checkpoint.Trajectory.Where(m => m.Usage is not null)
            .Sum(m => (m.Usage!.GetOrDefault("prompt_tokens") is long p ? p : 0) + (m.Usage.GetOrDefault("completion_tokens") is long c ? c : 0));

    /// <summary>The newest checkpoint, stored or not yet.</summary>
    private SimulationCheckpoint? LastCheckpoint() =>
        (_unstoredCheckpoint?.Json ?? S.CheckpointJson) is { } json ? SimulationCheckpoint.FromJson(json) : null;

    private async Task ReportAsync()
    {
        if (_reported) return;
        var a = S.Assignment!;
        await GrainFactory.GetGrain<ITaskGrain>(GrainKeys.Task(a.EvaluationId, a.TaskId)).ReportTrial(S.Result!);
        _reported = true;
        // a finished trial is only read again for the results file: free its memory now, not when idle collection gets to it
        this.DeactivateOnIdle();
    }
}
