using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Engine.Users;
using Tau2Observe.Engine.Values;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Grains.Telemetry;
using Tau2Observe.Grains.Secrets;
using Tau2Observe.Grains.Trials;

namespace Tau2Observe.Grains.Evaluations;

/// <summary>
/// One evaluation: validates and resolves the request, fans out one TaskGrain per task, collects
/// trial results, keeps the summary up to date (and in the metrics) as they come in, reports
/// progress to watchers, and completes once every trial is in.
/// Fan-out runs in the background, never inside a call, so a TaskGrain reporting a trial can
/// never wait on a call that waits on it.
/// Once finished and unwatched, it leaves memory (see <see cref="EvaluationOptions.DeactivateFinishedAfter"/>);
/// a later read activates it again from storage.
/// </summary>
public sealed class EvaluationGrain(
    [PersistentState("evaluation", GrainStorage.Name)] IPersistentState<EvaluationState> state,
    SimulationRunner runner,
    SecretProtector secretProtector,
    IOptions<TrialOptions> trialOptions,
    IOptions<EvaluationOptions> evaluationOptions,
    ILogger<EvaluationGrain> logger) : Grain, IEvaluationGrain, IEvaluationTrialSink, IRemindable
{
    private const string FanOutReminder = "fan-out";

    // State changes wait here for the next write, which stores all of them at once (group commit):
    // reports, Cancel and the background fan-out interleave, and one write per report would make a
    // large evaluation write its whole, growing state once per trial.
    private readonly List<(Func<bool> Change, TaskCompletionSource<bool> Applied)> _queuedChanges = [];
    private bool _writing;
    private readonly List<Channel<ProgressEvent>> _watchers = [];
    private readonly ActivationSpan _span = new();
    // trials waiting for admission: progress information only, so memory is enough
    private readonly HashSet<(string TaskId, int Trial)> _waiting = [];
    private Task? _fanOut;
    private IGrainTimer? _deactivation;

    private string Id => this.GetPrimaryKeyString();
    private EvaluationState S => state.State;
    private bool IsStarted => S.Request is not null;
    private bool IsTerminal => S.Status is EvaluationStatus.Completed or EvaluationStatus.Failed or EvaluationStatus.Cancelled;
    private int TotalTrials => S.TaskIds.Count * S.TrialSeeds.Count;
    private GradingOptions Grading => GradingOptions.FromNames(S.Request?.Corrections);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (IsStarted && !IsTerminal)
        {
            OpenSpan(S.CallerTraceParent, resumed: true);
            if (!S.FannedOut) EnsureFanOut(restarted: true);
        }
        // activated again to be read (or by a late report, or a watcher's last call): leave again soon
        DeactivateWhenUnwatched();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _span.Interrupt();
        return Task.CompletedTask;
    }

    public async Task<EvaluationSnapshot> Start(EvaluationRequest request, UserLlmKey? userKey = null)
    {
        if (IsStarted)
        {
            // a retried start: the first one may have failed to list it, or to register the reminder
            if (!IsTerminal) await RegisterReminderAsync();
            await ListAsync();
            return Snapshot();
        }
        var tasks = Validate(request);
        // credentials in the agent URL are kept encrypted only; state, spans and results show the URL without them
        var (shownEndpoint, wholeEndpoint) = AgentEndpointCredentials.Split(request.AgentEndpoint);
        request = request with { AgentEndpoint = shownEndpoint };
        string? protectedSecrets = secretProtector.Protect(new RequestSecrets(userKey?.Value, wholeEndpoint));
        var now = DateTimeOffset.UtcNow;
        // the caller's span (the gateway's request, propagated by Orleans) becomes the evaluation span's parent
        var caller = TraceParent.Of(Activity.Current);
        var spanContext = OpenSpan(caller, resumed: false, request);
        await UpdateAsync(() =>
        {
            S.CallerTraceParent = caller;
            S.TraceParent = spanContext;
            S.Request = request;
            S.ProtectedSecrets = protectedSecrets;
            S.Status = EvaluationStatus.Working;
            S.TaskIds = tasks;
            S.TrialSeeds = PythonRandom.TrialSeeds(request.Seed, request.NumTrials).ToList();
            S.CreatedAt = now;
            S.Unlisted = true;
            return true;
        });
        EnsureFanOut(restarted: false);
        await RegisterReminderAsync();
        await ListAsync();
        return Snapshot();
    }

    /// <summary>Adds the evaluation to the directory if it is not there yet; a failure is retried by the reminder or a repeated start.</summary>
    private async Task ListAsync()
    {
        if (!S.Unlisted) return;
        try
        {
            await GrainFactory.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).Register(Id, S.CreatedAt);
            S.Unlisted = false;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation {EvaluationId}: could not add it to the directory yet; it is retried", Id);
        }
    }

    public Task<EvaluationSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task<EvaluationSnapshot> Cancel()
    {
        await StopAsync(EvaluationStatus.Cancelled, error: null, "cancelled before it finished");
        return Snapshot();
    }

    /// <summary>
    /// Ends the evaluation now: trials still running are recorded as cancelled (their late reports are
    /// ignored) and told to stop.
    /// </summary>
    private async Task StopAsync(EvaluationStatus status, string? error, string whyForRunningTrials, TrialResult? lastReport = null)
    {
        var unfinished = new List<(string TaskId, int Trial)>();
        bool stopped = await UpdateAsync(() =>
        {
            if (!IsStarted || IsTerminal) return false;
            if (lastReport is not null && Find(lastReport.TaskId, lastReport.Trial) is null) S.Trials.Add(lastReport);
            unfinished = AllTrials().Where(k => Find(k.TaskId, k.Trial) is null).ToList();
            foreach (var (taskId, trial) in unfinished)
                S.Trials.Add(new TrialResult
                {
                    TaskId = taskId, Trial = trial, Seed = S.TrialSeeds[trial],
                    TerminationReason = TerminationReason.Cancelled, Error = whyForRunningTrials,
                });
            S.Summary = SummaryCalculator.Compute(S.Trials, S.Request!.NumTrials, Grading.CountInfrastructureErrorsAsFailures);
            S.Status = status;
            S.Error = error;
            return true;
        });
        if (stopped)
        {
            RecordMetrics();
            CloseSpan();
            PublishFinal(error ?? ResultStatusName(status));
            try
            {
                await Task.WhenAll(unfinished.GroupBy(k => k.TaskId).Select(task =>
                    GrainFactory.GetGrain<ITaskGrain>(GrainKeys.Task(Id, task.Key)).Cancel(task.Select(k => k.Trial).ToList())));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Evaluation {EvaluationId}: stopping its trials failed", Id);
            }
            await UnregisterReminderAsync();
            DeactivateWhenUnwatched();
        }
    }

    private static string ResultStatusName(EvaluationStatus status) => status.ToString().ToLowerInvariant();

    public async IAsyncEnumerable<ProgressEvent> Watch([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!IsStarted || IsTerminal)
        {
            yield return Event(S.Status, message: IsStarted ? "already finished" : "not started", withSummary: true);
            yield break;
        }
        var channel = Channel.CreateUnbounded<ProgressEvent>(new UnboundedChannelOptions { SingleReader = true });
        _watchers.Add(channel);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
                yield return e;
        }
        finally
        {
            // Orleans disposes this enumerator (running this) before it answers the call that ended it
            _watchers.Remove(channel);
            DeactivateWhenUnwatched();
        }
    }

    public async Task<string> GetResultsJson()
    {
        if (!IsStarted) throw new InvalidOperationException($"Evaluation '{Id}' has not been started.");
        var request = S.Request!;
        var keys = Enumerable.Range(0, request.NumTrials).SelectMany(trial => S.TaskIds.Select(taskId => GrainKeys.Trial(Id, taskId, trial)));
        var runs = await Task.WhenAll(keys.Select(k => GrainFactory.GetGrain<ITrialGrain>(k).GetRunJson()));
        var domain = runner.Domains.Get(request.Domain);
        var results = ResultsFile.Build(
            request,
            S.TaskIds.Select(id => runner.FindTask(request.Domain, id, request.TaskSplit, request.TaskSet)),
            runs.Where(r => r is not null).Select(r => (PyDict)PyJson.Parse(r!)!),
            domain.CreateEnvironment().Policy,
            UserGuidelines());
        return PyJson.Dumps(results);
    }

    public async Task ReportTrial(TrialResult result)
    {
        // a terminal status that is still being written could yet be forgotten: then the report waits for that write
        if (!IsStarted || IsTerminal && !_writing) return;
        if (!S.TaskIds.Contains(result.TaskId) || result.Trial < 0 || result.Trial >= S.TrialSeeds.Count)
        {
            logger.LogWarning("Evaluation {EvaluationId}: ignoring a report for unknown trial {TaskId}/{Trial}", Id, result.TaskId, result.Trial);
            return;
        }
        if (result.Error?.StartsWith(LlmUserSimulator.AuthFailedCode + ":", StringComparison.Ordinal) == true)
        {
            // the user model refused the key: every other trial would fail the same way, so fail fast (as tau2-observe does)
            await StopAsync(EvaluationStatus.Failed, result.Error, "not run: the user model rejected the API key", result);
            return;
        }
        bool completed = false;
        bool added = await UpdateAsync(() =>
        {
            if (IsTerminal || Find(result.TaskId, result.Trial) is not null) return false;
            S.Trials.Add(result);
            S.Summary = SummaryCalculator.Compute(S.Trials, S.Request!.NumTrials, Grading.CountInfrastructureErrorsAsFailures);
            if (S.Trials.Count == TotalTrials)
            {
                S.Status = EvaluationStatus.Completed;
                completed = true;
            }
            return true;
        });
        _waiting.Remove((result.TaskId, result.Trial));
        if (!added) return;
        RecordMetrics();
        Publish(Event(EvaluationStatus.Working, trial: result));
        if (completed)
        {
            CloseSpan();
            PublishFinal("completed");
            await UnregisterReminderAsync();
            DeactivateWhenUnwatched();
        }
    }

    public Task ReportWaiting(string taskId, int trial, bool waiting)
    {
        if (!IsStarted || IsTerminal) return Task.CompletedTask;
        bool changed = waiting ? Find(taskId, trial) is null && _waiting.Add((taskId, trial)) : _waiting.Remove((taskId, trial));
        if (changed) Publish(Event(EvaluationStatus.Working, message: waiting ? "waiting for admission" : "admitted"));
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!IsStarted || IsTerminal)
        {
            await UnregisterReminderAsync();
            return;
        }
        await ListAsync();
        // every tick, not only until fanned out: starting is idempotent, and it is what re-drives a
        // trial that lost its activation (a crashed or stopped silo) or could not report
        EnsureFanOut(restarted: true);
    }

    private List<string> Validate(EvaluationRequest request)
    {
        if (Id.Contains('/')) throw new ArgumentException($"Evaluation id '{Id}' must not contain '/'.");
        if (string.IsNullOrWhiteSpace(request.AgentEndpoint)) throw new ArgumentException("An agent is required: 'oracle' or an A2A URL.");
        RequirePositive(request.NumTrials, "num_trials");
        RequirePositive(request.MaxSteps, "max_steps");
        RequirePositive(request.MaxErrors, "max_errors");
        if (request.NumTasks is { } n) RequirePositive(n, "num_tasks");
        if (request.SimulatedTurnLatencyMs < 0) throw new ArgumentException("The simulated turn latency cannot be negative.");
        GradingOptions.FromNames(request.Corrections); // unknown correction names are an error here, not in every trial
        if (request.SoloMode && request.AgentEndpoint != DefaultParticipantResolver.Oracle)
            throw new ArgumentException($"Solo mode is available only with the built-in '{DefaultParticipantResolver.Oracle}' agent, not with A2A agents.");
        if (!runner.Domains.Contains(request.Domain))
            throw new ArgumentException($"Unknown domain '{request.Domain}'. Known domains: {string.Join(", ", runner.Domains.Names.Order(StringComparer.Ordinal))}");
        try
        {
            return TaskSelection.Select(runner.Domains.Get(request.Domain), request).Select(t => t.Id).ToList();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message); // a plain ArgumentException crosses to any client
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0) throw new ArgumentException($"{name} must be greater than 0 (got {value}).");
    }

    private void EnsureFanOut(bool restarted)
    {
        if (_fanOut is { IsCompleted: false }) return;
        _fanOut = FanOutAsync(restarted);
    }

    private async Task FanOutAsync(bool restarted)
    {
        await Task.Yield(); // let the triggering call return; continue as separate turns on this activation
        if (IsTerminal) return;
        try
        {
            var request = S.Request!;
            // tasks whose every trial is in need nothing more (and stay deactivated)
            var resultsPerTask = S.Trials.CountBy(t => t.TaskId).ToDictionary(StringComparer.Ordinal);
            var unfinished = S.TaskIds.Where(taskId => resultsPerTask.GetValueOrDefault(taskId) < S.TrialSeeds.Count);
            await Task.WhenAll(unfinished.Select(taskId =>
                GrainFactory.GetGrain<ITaskGrain>(GrainKeys.Task(Id, taskId)).Start(new TaskAssignment
                {
                    EvaluationId = Id, TaskId = taskId, Request = request, TrialSeeds = S.TrialSeeds, ProtectedSecrets = S.ProtectedSecrets,
                    TraceParent = S.TraceParent, Restarted = restarted,
                })));
            await UpdateAsync(() =>
            {
                if (S.FannedOut || IsTerminal) return false;
                S.FannedOut = true;
                return true;
            });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation {EvaluationId}: starting its tasks failed; the reminder retries", Id);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> (which returns whether it changed anything) and persists it,
    /// together with the changes queued beside it. Changes are applied only between writes, never while
    /// one is in flight, so storage always gets a consistent state; the task completes once the write
    /// that holds the change has succeeded, and fails if that write failed.
    /// </summary>
    private Task<bool> UpdateAsync(Func<bool> change)
    {
        var applied = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedChanges.Add((change, applied));
        if (!_writing) _ = WriteQueuedChangesAsync();
        return applied.Task;
    }

    private async Task WriteQueuedChangesAsync()
    {
        _writing = true;
        try
        {
            while (_queuedChanges.Count > 0)
            {
                var batch = _queuedChanges.ToList();
                _queuedChanges.Clear();
                var changed = batch.Select(c => c.Change()).ToList();
                if (changed.Contains(true))
                {
                    S.UpdatedAt = DateTimeOffset.UtcNow;
                    try
                    {
                        await state.WriteStateAsync();
                    }
                    catch (Exception e)
                    {
                        await ForgetUnstoredChangesAsync();
                        foreach (var (_, applied) in batch) applied.TrySetException(e);
                        continue;
                    }
                }
                for (int i = 0; i < batch.Count; i++) batch[i].Applied.TrySetResult(changed[i]);
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// After a failed write, memory goes back to what storage holds, so that a retried report is not
    /// mistaken for a duplicate; if storage cannot be read either, the activation goes and the next one reads it.
    /// </summary>
    private async Task ForgetUnstoredChangesAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation {EvaluationId}: could not re-read its state after a failed write; deactivating", Id);
            this.DeactivateOnIdle();
        }
    }

    /// <summary>The evaluation's durable reminder: until the evaluation is terminal, every tick starts its unfinished tasks again.</summary>
    private Task RegisterReminderAsync() =>
        this.RegisterOrUpdateReminder(FanOutReminder, trialOptions.Value.ReminderPeriod, trialOptions.Value.ReminderPeriod);

    private async Task UnregisterReminderAsync()
    {
        try
        {
            if (await this.GetReminder(FanOutReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Evaluation {EvaluationId}: could not remove its reminder", Id);
        }
    }

    /// <summary>
    /// A finished evaluation with no watcher left deactivates after a short wait, so that finished
    /// evaluations do not pile up in memory until idle collection. Not at once: the watcher that just
    /// ended still calls (Orleans' enumerator dispose, then usually <see cref="GetSnapshot"/>), and
    /// those calls would otherwise activate it again. Its span is closed already, so deactivating
    /// interrupts nothing.
    /// </summary>
    private void DeactivateWhenUnwatched()
    {
        if (!IsTerminal || _watchers.Count > 0) return;
        var delay = evaluationOptions.Value.DeactivateFinishedAfter;
        if (_deactivation is { } pending)
        {
            pending.Change(delay, Timeout.InfiniteTimeSpan);
            return;
        }
        _deactivation = this.RegisterGrainTimer(() =>
        {
            if (IsTerminal && _watchers.Count == 0) this.DeactivateOnIdle();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions { DueTime = delay, Period = Timeout.InfiniteTimeSpan });
    }

    private void RecordMetrics() => EvaluationTelemetry.RecordMetrics(Id, S.Request!, S.Summary!, S.Trials);

    private string? OpenSpan(string? parent, bool resumed, EvaluationRequest? request = null)
    {
        request ??= S.Request!;
        // SERVER kind: the silo's service-entry span for this evaluation, with trace metrics in Datadog (spec §B)
        var context = _span.Open(SpanNames.Evaluation, request.Domain, parent, resumed, ActivityKind.Server);
        _span.SetTag("span.type", "worker");
        _span.SetTag("tau2.evaluation_id", Id);
        _span.SetTag("tau2.domain", request.Domain);
        _span.SetTag("tau2.agent_endpoint", TrialMetrics.AgentEndpointTag(request.AgentEndpoint));
        _span.SetTag("tau2.num_tasks", request.NumTasks?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
        _span.SetTag("tau2.num_trials", request.NumTrials);
        return context;
    }

    private void CloseSpan()
    {
        var summary = S.Summary;
        _span.SetTag("tau2.status", S.Status.ToString().ToLowerInvariant());
        _span.SetTag("tau2.avg_reward", summary?.AvgReward);
        _span.SetTag("tau2.simulations", summary?.Simulations);
        _span.SetTag("tau2.successful_simulations", summary?.SuccessfulSimulations);
        _span.SetTag("tau2.infrastructure_errors", summary?.InfrastructureErrors);
        _span.Close(failed: S.Status == EvaluationStatus.Failed, S.Error);
    }

    private IEnumerable<(string TaskId, int Trial)> AllTrials() =>
        Enumerable.Range(0, S.TrialSeeds.Count).SelectMany(trial => S.TaskIds.Select(taskId => (taskId, trial)));

    private TrialResult? Find(string taskId, int trial) => S.Trials.Find(t => t.Trial == trial && t.TaskId == taskId);

    private void Publish(ProgressEvent e)
    {
        foreach (var watcher in _watchers) watcher.Writer.TryWrite(e);
    }

    private void PublishFinal(string message)
    {
        Publish(Event(S.Status, message: message, withSummary: true));
        foreach (var watcher in _watchers) watcher.Writer.TryComplete();
    }

    private ProgressEvent Event(EvaluationStatus status, TrialResult? trial = null, string? message = null, bool withSummary = false) => new()
    {
        EvaluationId = Id,
        Status = status,
        CompletedTrials = S.Trials.Count,
        TotalTrials = TotalTrials,
        Trial = trial,
        Summary = withSummary ? S.Summary : null,
        Message = message,
        WaitingTrials = IsTerminal ? 0 : _waiting.Count,
    };

    private EvaluationSnapshot Snapshot()
    {
        var taskOrder = S.TaskIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return new EvaluationSnapshot
        {
            EvaluationId = Id,
            Status = S.Status,
            Request = S.Request,
            TotalTrials = TotalTrials,
            CompletedTrials = S.Trials.Count,
            Trials = S.Trials.OrderBy(t => t.Trial).ThenBy(t => taskOrder.GetValueOrDefault(t.TaskId)).ToList(),
            Summary = S.Summary,
            Error = S.Error,
            CreatedAt = S.CreatedAt,
            UpdatedAt = S.UpdatedAt,
            TaskIds = S.TaskIds,
            WaitingTrials = IsTerminal ? 0 : _waiting.Count,
        };
    }

    private string? UserGuidelines()
    {
        try
        {
            // tau2 records the no-tools guideline text here, whatever the user simulator actually got
            return File.ReadAllText(runner.Domains.Data.UserSimulatorFile("simulation_guidelines.md"));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
