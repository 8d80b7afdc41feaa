using System.Collections.Concurrent;
using Tau2Observe.Cli.LoadTesting;

namespace Tau2Observe.Cli.Tests;

/// <summary>A load test stopped while it is launching (Ctrl+C) cancels the evaluations it started.</summary>
public sealed class LoadTestStopTests
{
    [Fact]
    public async Task Stopping_while_launching_cancels_every_started_evaluation()
    {
        var driver = new EndlessDriver(expected: 2);
        var settings = new LoadTestSettings { Simulations = 1000, Concurrency = 20, TasksPerEvaluation = 10, Duration = TimeSpan.FromMinutes(10) };
        using var stop = new CancellationTokenSource();
        var running = new LoadTestRunner(settings, driver, new SiloResourceSampler(null, [])).RunAsync(null, stop.Token);

        // both slots are taken: the runner waits to launch the third evaluation
        await driver.AllStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.Equal(driver.Started.OrderBy(id => id), driver.Cancelled.OrderBy(id => id));
        Assert.Equal(2, driver.Cancelled.Count);
    }

    /// <summary>Evaluations that run until they are cancelled.</summary>
    private sealed class EndlessDriver(int expected) : IEvaluationDriver
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _running = new();

        public ConcurrentBag<string> Started { get; } = [];
        public ConcurrentBag<string> Cancelled { get; } = [];
        public TaskCompletionSource AllStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "endless";

        public Task WarmUpAsync(CancellationToken ct) => Task.CompletedTask;

        public async Task RunAsync(LoadEvaluation evaluation, CancellationToken stop)
        {
            string id = Guid.NewGuid().ToString("N");
            var cancelled = _running.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            evaluation.Started(id, 10);
            Started.Add(id);
            if (Started.Count == expected) AllStarted.TrySetResult();
            await cancelled.Task.WaitAsync(stop);
            evaluation.Failed("cancelled");
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
