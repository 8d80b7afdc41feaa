using System.Diagnostics;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>
/// Runs a load test through a driver: starts evaluations while fewer than the concurrency limit of
/// simulations are in flight, lets the driver follow each one, samples the silos, and stops
/// launching at the simulation count or the duration, whichever comes first. Simulations still
/// running after the drain timeout are cancelled and reported as lost.
/// </summary>
public sealed class LoadTestRunner(LoadTestSettings settings, IEvaluationDriver driver, SiloResourceSampler sampler)
{
    /// <summary>How long cancelled evaluations may take to report their end before they are abandoned.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(30);
    private readonly LoadTestRecorder _recorder = new();
    private readonly Stopwatch _clock = new();
    private readonly List<ResourceSample> _samples = [];
    private readonly SemaphoreSlim _slots = new(settings.Concurrency);

    /// <param name="onSample">Called after each resource sample (live progress).</param>
    public async Task<LoadTestReport> RunAsync(Action<ResourceSample>? onSample, CancellationToken ct)
    {
        await driver.WarmUpAsync(ct);
        int warmUpSimulations = settings.WarmUp > TimeSpan.Zero ? await RunUnmeasuredAsync(ct) : 0;
        var baseline = await sampler.SampleAsync(0, 0, 0);
        _clock.Start();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampling = SampleLoopAsync(onSample, stopSampling.Token);

        using var abandon = new CancellationTokenSource();
        var followers = await LaunchAsync(_recorder, _clock, settings.Duration, settings.Simulations, abandon.Token, ct);
        double launchSeconds = _clock.Elapsed.TotalSeconds;

        await DrainAsync(followers, abandon, ct);
        double totalSeconds = _clock.Elapsed.TotalSeconds;
        await stopSampling.CancelAsync();
        await sampling;
        _samples.Add(await sampler.SampleAsync(totalSeconds, _recorder.InFlight, _recorder.Completed));
        return LoadTestReport.Build(settings, _recorder.Totals(), baseline, _samples, launchSeconds, totalSeconds)
            with { Driver = driver.Name, Unavailable = sampler.Unavailable, WarmUpSimulations = warmUpSimulations };
    }

    /// <summary>
    /// The same load for the warm-up time, recorded nowhere: under load, .NET's tiered compilation
    /// needs a minute or more to replace the silo's first, unoptimized code.
    /// </summary>
    /// <returns>The simulations it completed.</returns>
    private async Task<int> RunUnmeasuredAsync(CancellationToken ct)
    {
        var recorder = new LoadTestRecorder();
        using var abandon = new CancellationTokenSource();
        var followers = await LaunchAsync(recorder, Stopwatch.StartNew(), settings.WarmUp, int.MaxValue, abandon.Token, ct);
        await DrainAsync(followers, abandon, ct);
        return recorder.Completed;
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
    /// Waits for the evaluations in flight; past the drain timeout, cancels the rest (their trials
    /// count as lost) and, past a grace period, stops following them.
    /// </summary>
    private async Task DrainAsync(List<(LoadEvaluation Evaluation, Task Done)> followers, CancellationTokenSource abandon, CancellationToken ct)
    {
        var all = Task.WhenAll(followers.Select(f => f.Done));
        try
        {
            await all.WaitAsync(settings.DrainTimeout, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await Task.WhenAll(followers.Where(f => !f.Done.IsCompleted).Select(f => driver.CancelAsync(f.Evaluation)));
            try
            {
                await all.WaitAsync(CancelGrace, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                await abandon.CancelAsync();
                await all;
            }
            if (ct.IsCancellationRequested) throw new OperationCanceledException(ct);
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
