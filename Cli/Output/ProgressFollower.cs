using Orleans.Runtime;
using Spectre.Console;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Output;

/// <summary>Follows an evaluation's progress events until it is terminal: a live bar on a terminal, one line per trial otherwise.</summary>
public sealed class ProgressFollower(TextWriter writer)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly bool _live = Consoles.IsLive(writer);

    public async Task FollowAsync(IEvaluationGrain grain, EvaluationSnapshot started, CancellationToken ct)
    {
        if (!_live)
        {
            var printed = new HashSet<(string, int)>();
            int waiting = 0;
            await WatchAsync(grain, e =>
            {
                if (e.Trial is { } t && printed.Add((t.TaskId, t.Trial))) PrintTrial(t, e.CompletedTrials, e.TotalTrials);
                if (e.WaitingTrials != waiting && e.Status == EvaluationStatus.Working)
                {
                    waiting = e.WaitingTrials;
                    writer.WriteLine($"{waiting} simulation(s) waiting for admission");
                }
            }, ct);
            // trials that finished before the watch began (or while it was lost) are listed too
            var final = await grain.GetSnapshot();
            foreach (var t in final.Trials.Where(t => !printed.Contains((t.TaskId, t.Trial))))
            {
                printed.Add((t.TaskId, t.Trial));
                PrintTrial(t, printed.Count, final.TotalTrials);
            }
            return;
        }
        await Consoles.For(writer).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                string title = $"{started.Request?.Domain} ({started.TotalTrials} simulations)";
                var bar = context.AddTask(title, maxValue: started.TotalTrials);
                bar.Value = started.CompletedTrials;
                await WatchAsync(grain, e =>
                {
                    bar.Value = e.CompletedTrials;
                    bar.Description = e.WaitingTrials > 0 ? $"{title}, {e.WaitingTrials} waiting for admission" : title;
                }, ct);
            });
    }

    private void PrintTrial(TrialResult t, int completed, int total) =>
        writer.WriteLine(FormattableString.Invariant(
            $"[{completed}/{total}] task {t.TaskId} trial {t.Trial}: reward {t.Reward:0.###} ({t.TerminationReason})"));

    private async Task WatchAsync(IEvaluationGrain grain, Action<ProgressEvent> onEvent, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if ((await grain.GetSnapshot()).IsTerminal) return;
                await foreach (var e in grain.Watch(ct).WithCancellation(ct))
                    onEvent(e);
            }
            catch (Exception e) when (e is EnumerationAbortedException or TimeoutException or OrleansException && !ct.IsCancellationRequested)
            {
                // the evaluation moved to another activation, or its silo is gone for now; the
                // evaluation itself carries on (its trials are durable): look again shortly
                if (!_live) writer.WriteLine($"lost track of the evaluation ({e.GetType().Name}); retrying");
                await Task.Delay(RetryDelay, ct);
            }
        }
    }
}
