using Orleans.Runtime;
using Spectre.Console;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Output;

/// <summary>Follows an evaluation's progress events until it is terminal: a live bar on a terminal, one line per trial otherwise.</summary>
public sealed class ProgressFollower(TextWriter writer)
{
    public async Task FollowAsync(IEvaluationGrain grain, EvaluationSnapshot started, CancellationToken ct)
    {
        if (!Consoles.IsLive(writer))
        {
            await WatchAsync(grain, PrintTrial, ct);
            return;
        }
        await Consoles.For(writer).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask($"{started.Request?.Domain} ({started.TotalTrials} simulations)", maxValue: started.TotalTrials);
                bar.Value = started.CompletedTrials;
                await WatchAsync(grain, e => bar.Value = e.CompletedTrials, ct);
            });
    }

    private void PrintTrial(ProgressEvent e)
    {
        if (e.Trial is not { } t) return;
        writer.WriteLine(FormattableString.Invariant(
            $"[{e.CompletedTrials}/{e.TotalTrials}] task {t.TaskId} trial {t.Trial}: reward {t.Reward:0.###} ({t.TerminationReason})"));
    }

    private static async Task WatchAsync(IEvaluationGrain grain, Action<ProgressEvent> onEvent, CancellationToken ct)
    {
        while (!(await grain.GetSnapshot()).IsTerminal)
        {
            try
            {
                await foreach (var e in grain.Watch(ct).WithCancellation(ct))
                    onEvent(e);
            }
            catch (EnumerationAbortedException)
            {
                // the evaluation's activation went away (e.g. moved silo): look again
            }
            ct.ThrowIfCancellationRequested();
        }
    }
}
