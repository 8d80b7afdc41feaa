using System.Diagnostics;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Runs a load test through a driver: starts evaluations while fewer than the concurrency limit of
/// simulations are in flight, lets the driver follow each one, samples the silos, and stops
/// launching at the simulation count or the duration, whichever comes first. Simulations still
/// running after the drain timeout are cancelled and reported as lost. A stop (Ctrl+C) ends the run
/// the same way at once: what was measured until then is the report, marked as interrupted.
/// </summary>
public sealed class LoadTestRunner(LoadTestSettings settings, IEvaluationDriver driver, SiloResourceSampler sampler)
{
    /// <summary>How long cancelled evaluations may take to report their end before they are abandoned.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(30);
    /// <summary>The same on a stop, shorter: the user is waiting for the report (and the CLI gives up after <see cref="CliApp.StopTimeout"/>).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private readonly LoadTestRecorder _recorder = new();
    private readonly Stopwatch _clock = new();
    private readonly List<ResourceSample> _samples = [];
    private readonly SemaphoreSlim _slots = new(settings.Concurrency);

    /// <param name="onSample">Called after each resource sample (live progress).</param>
    /// <param name="ct">Stops the run (Ctrl+C): it then returns the report of what it measured, with <see cref="LoadTestReport.Interruption"/> set.</param>
    public async Task<LoadTestReport> RunAsync(Action<ResourceSample>? onSample, CancellationToken ct)
    {
        var sinceStart = Stopwatch.StartNew();
        TimeSpan? stoppedAt = null;
        using var markStop = ct.Register(() => stoppedAt = sinceStart.Elapsed);
        var warmUp = new LoadTestRecorder();
        try
        {
            await driver.WarmUpAsync(ct);
            if (settings.WarmUp > TimeSpan.Zero) await RunUnmeasuredAsync(warmUp, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var now = await sampler.SampleAsync(0, 0, 0);
            return LoadTestReport.Build(settings, LoadTestTotals.None, now, [], 0, 0) with
            {
                Driver = driver.Name, Unavailable = sampler.Unavailable, WarmUpSimulations = warmUp.Completed,
                Interruption = new LoadTestInterruption(LoadTestInterruption.WarmUp, (stoppedAt ?? sinceStart.Elapsed).TotalSeconds),
            };
        }
        var baseline = await sampler.SampleAsync(0, 0, 0);
        var measuredFrom = sinceStart.Elapsed;
        _clock.Start();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampling = SampleLoopAsync(onSample, stopSampling.Token);

        using var abandon = new CancellationTokenSource();
        var followers = await LaunchAsync(_recorder, _clock, settings.Duration, settings.Simulations, abandon.Token, ct);
        double launchSeconds = _clock.Elapsed.TotalSeconds;

        await DrainAsync(followers, abandon, ct);
        double totalSeconds = _clock.Elapsed.TotalSeconds;
        // the token is cancelled before its callbacks run: the mark may not be set yet
        var interruption = ct.IsCancellationRequested
            ? new LoadTestInterruption(LoadTestInterruption.Measurement, ((stoppedAt ?? sinceStart.Elapsed) - measuredFrom).TotalSeconds)
            : null;
        await stopSampling.CancelAsync();
        await sampling;
        _samples.Add(await sampler.SampleAsync(totalSeconds, _recorder.InFlight, _recorder.Completed));
        return LoadTestReport.Build(settings, _recorder.Totals(), baseline, _samples, launchSeconds, totalSeconds) with
        {
            Driver = driver.Name, Unavailable = sampler.Unavailable, WarmUpSimulations = warmUp.Completed,
            Interruption = interruption,
        };
    }

    /// <summary>
    /// The same load for the warm-up time, recorded nowhere but in <paramref name="recorder"/>: under load,
    /// .NET's tiered compilation needs a minute or more to replace the silo's first, unoptimized code.
    /// </summary>
    private async Task RunUnmeasuredAsync(LoadTestRecorder recorder, CancellationToken ct)
    {
        using var abandon = new CancellationTokenSource();
        var followers = await LaunchAsync(recorder, Stopwatch.StartNew(), settings.WarmUp, int.MaxValue, abandon.Token, ct);
        await DrainAsync(followers, abandon, ct);
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Starts evaluations while permits allow, until <paramref name="simulations"/> are launched or <paramref name="window"/> has passed.</summary>
    private async Task<List<(LoadEvaluation Evaluation, Task Done)>> LaunchAsync(
        LoadTestRecorder recorder, Stopwatch clock, TimeSpan window, int simulations, CancellationToken abandon, CancellationToken ct)
    {
        var followers = new List<(LoadEvaluation Evaluation, Task Done)>();
        using var launchWindow = CancellationTokenSource.CreateLinkedTokenSource(ct);
        launchWindow.CancelAfter(window);
        try
        {
            for (long launched = 0; launched < simulations; launched += settings.SimulationsPerEvaluation)
            {
                await AcquireAsync(settings.SimulationsPerEvaluation, launchWindow.Token);
                var evaluation = new LoadEvaluation(recorder, _slots, clock, settings.SimulationsPerEvaluation);
                // not awaited: evaluations start concurrently, as independent callers' would
                followers.Add((evaluation, FollowAsync(evaluation, abandon)));
            }
        }
        catch (OperationCanceledException) when (launchWindow.IsCancellationRequested)
        {
            // the window is over, or the run is stopped (Ctrl+C): launch nothing more; the drain cancels what runs on a stop
        }
        return followers;
    }

    private async Task FollowAsync(LoadEvaluation evaluation, CancellationToken abandon)
    {
        try
        {
            await Task.Run(() => driver.RunAsync(evaluation, abandon), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // drivers report their own failures; anything thrown is a driver bug: counted, not fatal to the run
            evaluation.Failed($"{driver.Name} driver: {e.GetType().Name}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            evaluation.End();
        }
    }

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

    /// <summary>
    /// Waits for the evaluations in flight; past the drain timeout, or at once on a stop, cancels the
    /// rest (their trials count as lost) and, past a grace period, stops following them.
    /// </summary>
    private async Task DrainAsync(List<(LoadEvaluation Evaluation, Task Done)> followers, CancellationTokenSource abandon, CancellationToken ct)
    {
        var all = Task.WhenAll(followers.Select(f => f.Done));
        try
        {
            await all.WaitAsync(settings.DrainTimeout, ct);
            return;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }
        var cancels = Task.WhenAll(followers.Where(f => !f.Done.IsCompleted).Select(f => driver.CancelAsync(f.Evaluation)));
        try
        {
            await Task.WhenAll(cancels, all).WaitAsync(ct.IsCancellationRequested ? StopGrace : CancelGrace, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            await abandon.CancelAsync();
            await all;
        }
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
