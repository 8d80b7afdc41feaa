using System.Diagnostics;
using Orleans.Runtime;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Drives evaluation grains: starts evaluations while fewer than the concurrency limit of
/// simulations are in flight, follows each one's progress events, samples the silos, and stops
/// launching at the simulation count or the duration, whichever comes first. Simulations still
/// running after the drain timeout are cancelled and reported as lost.
/// </summary>
public sealed class LoadTestRunner(LoadTestSettings settings, IGrainFactory grains, SiloResourceSampler sampler)
{
    private static readonly TimeSpan WatchRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromMinutes(2);
    private readonly LoadTestRecorder _recorder = new();
    private readonly Stopwatch _clock = new();
    private readonly List<ResourceSample> _samples = [];
    private readonly SemaphoreSlim _slots = new(settings.Concurrency);

    /// <param name="onSample">Called after each resource sample (live progress).</param>
    public async Task<LoadTestReport> RunAsync(Action<ResourceSample>? onSample, CancellationToken ct)
    {
        await WarmUpAsync(ct);
        var baseline = await sampler.SampleAsync(0, 0, 0);
        _clock.Start();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampling = SampleLoopAsync(onSample, stopSampling.Token);

        var followers = new List<(IEvaluationGrain Grain, Task Done)>();
        using (var launchWindow = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            launchWindow.CancelAfter(settings.Duration);
            try
            {
                for (int launched = 0; launched < settings.Simulations; launched += settings.SimulationsPerEvaluation)
                {
                    await AcquireAsync(settings.SimulationsPerEvaluation, launchWindow.Token);
                    // not awaited: evaluations start concurrently, as independent callers' would
                    var grain = grains.GetGrain<IEvaluationGrain>("load-" + Guid.NewGuid().ToString("N"));
                    followers.Add((grain, RunEvaluationAsync(grain)));
                }
            }
            catch (OperationCanceledException) when (launchWindow.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // the duration is over: launch nothing more
            }
        }
        double launchSeconds = _clock.Elapsed.TotalSeconds;

        await DrainAsync(followers, ct);
        double totalSeconds = _clock.Elapsed.TotalSeconds;
        await stopSampling.CancelAsync();
        await sampling;
        _samples.Add(await sampler.SampleAsync(totalSeconds, _recorder.InFlight, _recorder.Completed));
        return LoadTestReport.Build(settings, _recorder.Totals(), baseline, _samples, launchSeconds, totalSeconds);
    }

    /// <summary>
    /// One evaluation with no simulated latency before the clock starts, so that loading the
    /// domain's data and JIT compilation are not counted against the first simulations.
    /// </summary>
    private async Task WarmUpAsync(CancellationToken ct)
    {
        var grain = grains.GetGrain<IEvaluationGrain>("load-warmup-" + Guid.NewGuid().ToString("N"));
        var started = await grain.Start(Request() with { SimulatedTurnLatencyMs = 0 });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(WarmUpTimeout);
        while (!started.IsTerminal)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            started = await grain.GetSnapshot();
        }
    }

    private EvaluationRequest Request() => new()
    {
        Domain = settings.Domain,
        AgentEndpoint = DefaultParticipantResolver.Oracle,
        NumTasks = settings.TasksPerEvaluation,
        NumTrials = settings.TrialsPerEvaluation,
        Seed = settings.Seed,
        SimulatedTurnLatencyMs = (int)settings.TurnLatency.TotalMilliseconds,
    };

    private async Task AcquireAsync(int permits, CancellationToken ct)
    {
        int acquired = 0;
        try
        {
            for (; acquired < permits; acquired++) await _slots.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            if (acquired > 0) _slots.Release(acquired);
            throw;
        }
    }

    /// <summary>Starts one evaluation and follows it to its end.</summary>
    private async Task RunEvaluationAsync(IEvaluationGrain grain)
    {
        var startedAt = _clock.Elapsed;
        EvaluationSnapshot started;
        try
        {
            started = await grain.Start(Request());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _slots.Release(settings.SimulationsPerEvaluation);
            _recorder.StartFailed($"evaluation did not start: {e.GetType().Name}: {e.Message}");
            return;
        }
        // an evaluation can be smaller than asked for (a domain with fewer tasks): free the rest at once
        if (started.TotalTrials < settings.SimulationsPerEvaluation) _slots.Release(settings.SimulationsPerEvaluation - started.TotalTrials);
        _recorder.Started(started.TotalTrials);
        await FollowAsync(grain, startedAt, started.TotalTrials);
    }

    /// <summary>Records each trial of the evaluation as its result arrives (and, from the snapshot, any whose event was missed).</summary>
    private async Task FollowAsync(IEvaluationGrain grain, TimeSpan startedAt, int total)
    {
        var seen = new HashSet<(string, int)>();
        void Record(TrialResult t)
        {
            if (!seen.Add((t.TaskId, t.Trial))) return;
            _slots.Release();
            if (t.TerminationReason == TerminationReason.Cancelled)
            {
                _recorder.Lost(1); // stopped by the drain timeout: not a measured simulation
                return;
            }
            var now = _clock.Elapsed;
            _recorder.Finished(new SimulationSample((now - startedAt).TotalSeconds, t.DurationSeconds, t.Turns, t.TerminationReason, ErrorOf(t), now.TotalSeconds));
        }

        while (seen.Count < total)
        {
            try
            {
                await foreach (var e in grain.Watch())
                    if (e.Trial is { } t) Record(t);
                var snapshot = await grain.GetSnapshot();
                foreach (var t in snapshot.Trials) Record(t);
                if (snapshot.IsTerminal) break;
            }
            catch (Exception e) when (e is EnumerationAbortedException or TimeoutException or OrleansException)
            {
                await Task.Delay(WatchRetryDelay); // the evaluation moved or its silo is busy: look again
            }
        }
        if (seen.Count < total)
        {
            _slots.Release(total - seen.Count);
            _recorder.Lost(total - seen.Count);
        }
    }

    private static string? ErrorOf(TrialResult t) =>
        t.Error ?? (t.TerminationReason == TerminationReason.InfrastructureError ? "infrastructure error" : null);

    /// <summary>Waits for the evaluations in flight; past the drain timeout, cancels the rest (their trials count as lost).</summary>
    private async Task DrainAsync(List<(IEvaluationGrain Grain, Task Done)> followers, CancellationToken ct)
    {
        var all = Task.WhenAll(followers.Select(f => f.Done));
        try
        {
            await all.WaitAsync(settings.DrainTimeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await Task.WhenAll(followers.Where(f => !f.Done.IsCompleted).Select(f => CancelQuietly(f.Grain)));
            await all.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            if (ct.IsCancellationRequested) throw new OperationCanceledException(ct);
        }
    }

    private static async Task CancelQuietly(IEvaluationGrain grain)
    {
        try { await grain.Cancel(); }
        catch (Exception e) when (e is OrleansException or TimeoutException) { }
    }

    private async Task SampleLoopAsync(Action<ResourceSample>? onSample, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.SampleInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var sample = await sampler.SampleAsync(_clock.Elapsed.TotalSeconds, _recorder.InFlight, _recorder.Completed);
                _samples.Add(sample);
                onSample?.Invoke(sample);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
