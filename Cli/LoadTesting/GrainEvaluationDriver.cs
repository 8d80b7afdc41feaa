using Orleans.Runtime;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Drives evaluation grains directly through an Orleans client: <c>Start</c>, then the grain's
/// progress events, with the snapshot filling in any event that was missed.
/// </summary>
public sealed class GrainEvaluationDriver(LoadTestSettings settings, IGrainFactory grains) : IEvaluationDriver
{
    private static readonly TimeSpan WatchRetryDelay = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How long the cluster may fail every call for one evaluation before it is given up. Longer than a
    /// silo's death detection and takeover on Redis, so an evaluation that moves is still followed.
    /// </summary>
    private static readonly TimeSpan ClusterSilenceLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(2);
    /// <summary>A cancel is best effort: a cluster that does not answer it must not hold up the report.</summary>
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(5);

    public string Name => "grains";

    public async Task WarmUpAsync(CancellationToken ct)
    {
        var grain = grains.GetGrain<IEvaluationGrain>("load-warmup-" + Guid.NewGuid().ToString("N"));
        var started = await grain.Start(Request() with { SimulatedTurnLatencyMs = 0 });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(WarmUpTimeout);
        try
        {
            while (!started.IsTerminal)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
                started = await grain.GetSnapshot();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopped (Ctrl+C): like the measured evaluations, this one is not left running
            await CancelQuietlyAsync(grain);
            throw;
        }
    }

    public async Task RunAsync(LoadEvaluation evaluation, CancellationToken stop)
    {
        string id = "load-" + Guid.NewGuid().ToString("N");
        var grain = grains.GetGrain<IEvaluationGrain>(id);
        EvaluationSnapshot started;
        try
        {
            started = await grain.Start(Request());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            evaluation.Failed($"evaluation did not start: {e.GetType().Name}: {e.Message}");
            return;
        }
        evaluation.Started(id, started.TotalTrials);
        await FollowAsync(grain, evaluation, stop);
    }

    public async Task CancelAsync(LoadEvaluation evaluation)
    {
        if (evaluation.EvaluationId is { } id) await CancelQuietlyAsync(grains.GetGrain<IEvaluationGrain>(id));
    }

    private static async Task CancelQuietlyAsync(IEvaluationGrain grain)
    {
        try { await grain.Cancel().WaitAsync(CancelTimeout); }
        catch (Exception e) when (e is OrleansException or TimeoutException) { }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private EvaluationRequest Request() => new()
    {
        Domain = settings.Domain,
        AgentEndpoint = DefaultParticipantResolver.Oracle,
        NumTasks = settings.TasksPerEvaluation,
        NumTrials = settings.TrialsPerEvaluation,
        Seed = settings.Seed,
        SimulatedTurnLatencyMs = (int)settings.TurnLatency.TotalMilliseconds,
    };

    /// <summary>Records each trial as its result arrives (and, from the snapshot, any whose event was missed).</summary>
    private static async Task FollowAsync(IEvaluationGrain grain, LoadEvaluation evaluation, CancellationToken stop)
    {
        void Record(TrialResult t) => evaluation.TrialFinished(t.TaskId, t.Trial, t.DurationSeconds, t.Turns, t.TerminationReason, t.Error);

        var lastAnswer = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (!evaluation.IsComplete)
            {
                try
                {
                    await foreach (var e in grain.Watch(stop))
                    {
                        lastAnswer.Restart();
                        if (e.Trial is { } t) Record(t);
                    }
                    var snapshot = await grain.GetSnapshot();
                    lastAnswer.Restart();
                    foreach (var t in snapshot.Trials) Record(t);
                    if (snapshot.Status == EvaluationStatus.Failed) evaluation.Failed($"the evaluation failed: {snapshot.Error ?? "no reason given"}");
                    if (snapshot.IsTerminal) break;
                }
                catch (Exception e) when (e is EnumerationAbortedException or TimeoutException or OrleansException)
                {
                    if (lastAnswer.Elapsed > ClusterSilenceLimit)
                    {
                        // what was not seen is counted as lost
                        evaluation.Failed($"lost the cluster: no answer for {ClusterSilenceLimit.TotalSeconds:0} s ({e.GetType().Name})");
                        return;
                    }
                    await Task.Delay(WatchRetryDelay, stop); // the evaluation moved or its silo is busy: look again
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the drain is over: what was not seen is lost
        }
    }
}
