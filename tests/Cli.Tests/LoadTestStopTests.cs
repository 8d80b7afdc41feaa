using System.Collections.Concurrent;
using Tau2Observe.Cli.LoadTesting;
using Tau2Observe.Cli.Output;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// A load test stopped (Ctrl+C) cancels the evaluations it started and reports what it measured
/// until then, marked as interrupted; stopped during the warm-up, it reports that nothing was measured.
/// </summary>
public sealed class LoadTestStopTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Runs the load test, stops it (as Ctrl+C does) once <paramref name="signal"/> is set, and returns its report.</summary>
    private static async Task<LoadTestReport> StopWhenAsync(Task signal, LoadTestSettings settings, StoppableDriver driver)
    {
        using var stop = new CancellationTokenSource();
        var running = new LoadTestRunner(settings, driver, new SiloResourceSampler(null, [])).RunAsync(null, stop.Token);
        await signal.WaitAsync(Wait);
        await stop.CancelAsync();
        return await running.WaitAsync(Wait);
    }

    [Fact]
    public async Task Stopping_while_launching_cancels_every_started_evaluation_and_counts_its_simulations_lost()
    {
        var driver = new StoppableDriver(expected: 2, simulations: 10);
        var settings = new LoadTestSettings { Simulations = 1000, Concurrency = 20, TasksPerEvaluation = 10, Duration = TimeSpan.FromMinutes(10) };

        // both slots are taken: the runner waits to launch the third evaluation
        var report = await StopWhenAsync(driver.AllStarted.Task, settings, driver);

        Assert.Equal(driver.Started.Order(), driver.Cancelled.Order());
        Assert.Equal(2, driver.Cancelled.Count);
        Assert.Equal(LoadTestInterruption.Measurement, report.Interruption?.Phase);
        Assert.Equal((20, 0, 20, 0), (report.Totals.Started, report.Completed, report.Totals.Lost, report.Errors));
    }

    [Fact]
    public async Task A_stop_reports_the_simulations_that_completed_and_counts_the_rest_as_lost()
    {
        // each evaluation: one simulation finishes at once, one ends cancelled, one is never seen
        var driver = new StoppableDriver(expected: 2, simulations: 3, finishedAtOnce: 1);
        var settings = new LoadTestSettings { Simulations = 1000, Concurrency = 6, TasksPerEvaluation = 3, Duration = TimeSpan.FromMinutes(10) };

        var report = await StopWhenAsync(driver.AllStarted.Task, settings, driver);

        Assert.Equal(2, driver.Cancelled.Count);
        var json = report.ToJson();
        Assert.True((bool)json["interrupted"]!);
        Assert.Equal("measurement", (string?)json["interrupted_during"]);
        Assert.InRange((double)json["interrupted_after_seconds"]!, 0, (double)json["total_seconds"]!);
        Assert.Equal(6, (int)json["simulations_started"]!);
        Assert.Equal(2, (int)json["simulations_completed"]!);
        Assert.Equal(4, (int)json["simulations_lost"]!);
        Assert.Equal(0, (int)json["errors"]!);
        Assert.Equal(2, (int)json["simulation_seconds"]!["count"]!);

        var table = new StringWriter();
        LoadTestOutput.Write(Consoles.For(table), report);
        Assert.Contains("6 / 2 / 4", table.ToString());
        Assert.Contains(FormattableString.Invariant($"interrupted after {report.Interruption!.AfterSeconds:0.0} s: simulations cancelled or not seen finishing are counted as lost"), table.ToString());
    }

    [Fact]
    public async Task A_stop_during_the_drivers_warm_up_reports_that_nothing_was_measured()
    {
        var driver = new StoppableDriver(expected: 1, simulations: 10, warmUpUntilStopped: true);
        var settings = new LoadTestSettings { Simulations = 100, Concurrency = 20, TasksPerEvaluation = 10 };

        var report = await StopWhenAsync(driver.WarmingUp.Task, settings, driver);

        Assert.Empty(driver.Started); // no measured evaluation was launched
        Assert.True(report.Interruption?.NothingMeasured);
        Assert.Equal((0, 0, 0, 0), (report.Totals.Started, report.Completed, report.Totals.Lost, report.WarmUpSimulations));
        var json = report.ToJson();
        Assert.True((bool)json["interrupted"]!);
        Assert.Equal("warm-up", (string?)json["interrupted_during"]);

        var table = new StringWriter();
        LoadTestOutput.Write(Consoles.For(table), report);
        Assert.Contains("interrupted during the warm-up after", table.ToString());
        Assert.Contains("nothing was measured", table.ToString());
    }

    [Fact]
    public async Task A_stop_during_the_unmeasured_warm_up_cancels_its_evaluations_and_measures_nothing()
    {
        var driver = new StoppableDriver(expected: 2, simulations: 3, finishedAtOnce: 1);
        var settings = new LoadTestSettings
        {
            Simulations = 1000, Concurrency = 6, TasksPerEvaluation = 3, Duration = TimeSpan.FromMinutes(10), WarmUp = TimeSpan.FromMinutes(10),
        };

        var report = await StopWhenAsync(driver.AllStarted.Task, settings, driver);

        Assert.Equal(driver.Started.Order(), driver.Cancelled.Order());
        Assert.Equal(LoadTestInterruption.WarmUp, report.Interruption?.Phase);
        Assert.Equal(2, report.WarmUpSimulations); // what the warm-up completed, counted nowhere else
        Assert.Equal((0, 0, 0), (report.Totals.Started, report.Completed, report.Totals.Lost));
    }

    [Fact]
    public async Task A_run_that_ends_by_itself_is_not_marked_interrupted()
    {
        var driver = new StoppableDriver(expected: 1, simulations: 2, finishedAtOnce: 2);
        var settings = new LoadTestSettings { Simulations = 2, Concurrency = 2, TasksPerEvaluation = 2 };

        var report = await new LoadTestRunner(settings, driver, new SiloResourceSampler(null, [])).RunAsync(null, CancellationToken.None).WaitAsync(Wait);

        Assert.Null(report.Interruption);
        Assert.False((bool)report.ToJson()["interrupted"]!);
        Assert.Null(report.ToJson()["interrupted_after_seconds"]);
        Assert.Equal(2, report.Completed);
    }

    /// <summary>
    /// Evaluations of <c>simulations</c> trials: the first <c>finishedAtOnce</c> finish as soon as it
    /// starts, the rest run until it is cancelled; then the next one ends cancelled (as a trial
    /// grain reports it) and the others are never seen.
    /// </summary>
    private sealed class StoppableDriver(int expected, int simulations, int finishedAtOnce = 0, bool warmUpUntilStopped = false) : IEvaluationDriver
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _running = new();

        public ConcurrentBag<string> Started { get; } = [];
        public ConcurrentBag<string> Cancelled { get; } = [];
        public TaskCompletionSource AllStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource WarmingUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "stoppable";

        public async Task WarmUpAsync(CancellationToken ct)
        {
            WarmingUp.TrySetResult();
            if (warmUpUntilStopped) await Task.Delay(Timeout.Infinite, ct);
        }

        public async Task RunAsync(LoadEvaluation evaluation, CancellationToken stop)
        {
            string id = Guid.NewGuid().ToString("N");
            var cancelled = _running.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            evaluation.Started(id, simulations);
            for (int trial = 0; trial < finishedAtOnce; trial++)
                evaluation.TrialFinished("task", trial, runSeconds: 0.1, turns: 4, TerminationReason.UserStop, error: null);
            Started.Add(id);
            if (Started.Count == expected) AllStarted.TrySetResult();
            if (evaluation.IsComplete) return;
            await cancelled.Task.WaitAsync(stop);
            evaluation.TrialFinished("task", finishedAtOnce, runSeconds: 0.1, turns: 2, TerminationReason.Cancelled, error: null);
        }

        public Task CancelAsync(LoadEvaluation evaluation)
        {
            Cancelled.Add(evaluation.EvaluationId!);
            _running[evaluation.EvaluationId!].TrySetResult();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
