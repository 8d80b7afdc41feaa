using Orleans.Runtime;
using Spectre.Console;
using Tau2Observe.Cli.Commands;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Output;

/// <summary>
/// Follows an evaluation's progress events until it is terminal: a live bar on a terminal, one line
/// per trial otherwise. Each trial is printed once, numbered by how many trials have been printed
/// so far, whether it came from a watch event or from a snapshot (trials that finished before the
/// watch began, or while it was lost).
/// </summary>
/// <param name="clusterSilenceLimit">How long every call may fail before the follower gives up (default <see cref="ClusterSilenceLimit"/>).</param>
public sealed class ProgressFollower(TextWriter writer, TimeSpan? clusterSilenceLimit = null)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    /// <summary>
    /// How long the cluster may fail every call before the follower gives up: long enough for a silo to
    /// restart or for another to take over, short enough that a cluster that is gone is reported.
    /// </summary>
    public static readonly TimeSpan ClusterSilenceLimit = TimeSpan.FromMinutes(5);
    private readonly TimeSpan _silenceLimit = clusterSilenceLimit ?? ClusterSilenceLimit;
    private readonly bool _live = Consoles.IsLive(writer);

    public async Task FollowAsync(IEvaluationGrain grain, EvaluationSnapshot started, CancellationToken ct)
    {
        if (!_live)
        {
            var printed = new HashSet<(string, int)>();
            void Print(TrialResult t, int total)
            {
                if (printed.Add((t.TaskId, t.Trial))) PrintTrial(t, printed.Count, total);
            }
            int waiting = 0;
            void ShowWaiting(int now)
            {
                if (now == waiting) return;
                waiting = now;
                writer.WriteLine($"{waiting} simulation(s) waiting for admission");
            }
            await WatchAsync(
                grain,
                started.EvaluationId,
                snapshot => { foreach (var t in snapshot.Trials) Print(t, snapshot.TotalTrials); },
                e =>
                {
                    if (e.Trial is { } t) Print(t, e.TotalTrials);
                    if (e.Status == EvaluationStatus.Working) ShowWaiting(e.WaitingTrials);
                },
                ct);
            var final = await grain.GetSnapshot();
            foreach (var t in final.Trials) Print(t, final.TotalTrials);
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
                await WatchAsync(grain, started.EvaluationId, s => bar.Value = Math.Max(bar.Value, s.CompletedTrials), e =>
                {
                    bar.Value = Math.Max(bar.Value, e.CompletedTrials);
                    bar.Description = e.WaitingTrials > 0 ? $"{title}, {e.WaitingTrials} waiting for admission" : title;
                }, ct);
            });
    }

    private void PrintTrial(TrialResult t, int completed, int total) =>
        writer.WriteLine(FormattableString.Invariant(
            $"[{completed}/{total}] task {t.TaskId} trial {t.Trial}: reward {t.Reward:0.###} ({t.TerminationReason})"));

    /// <summary>
    /// Opens the watch first and reads the snapshot second, so that no trial falls between them;
    /// watches again (after a snapshot) when the watch is lost, until the evaluation is terminal.
    /// </summary>
    private async Task WatchAsync(IEvaluationGrain grain, string evaluationId, Action<EvaluationSnapshot> onSnapshot, Action<ProgressEvent> onEvent, CancellationToken ct)
    {
        var lastAnswer = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var watch = grain.Watch(ct).GetAsyncEnumerator(ct);
                try
                {
                    var next = watch.MoveNextAsync();
                    onSnapshot(await grain.GetSnapshot());
                    lastAnswer.Restart();
                    // a terminal evaluation's watch yields one last event and ends, so this always finishes
                    while (await next)
                    {
                        lastAnswer.Restart();
                        onEvent(watch.Current);
                        next = watch.MoveNextAsync();
                    }
                }
                finally
                {
                    await watch.DisposeAsync();
                }
                var after = await grain.GetSnapshot();
                onSnapshot(after);
                if (after.IsTerminal) return;
            }
            catch (Exception e) when (e is EnumerationAbortedException or TimeoutException or OrleansException && !ct.IsCancellationRequested)
            {
                if (lastAnswer.Elapsed > _silenceLimit)
                    throw new CliError(
                        $"lost the cluster: no answer for {_silenceLimit.TotalSeconds:0} s ({e.GetType().Name}: {e.Message}). " +
                        $"The evaluation may still be running: follow it again with --evaluation-id {evaluationId}.",
                        EvaluationSession.NotCompleted);
                // the evaluation moved to another activation, or its silo is gone for now; the
                // evaluation itself carries on (its trials are durable): look again shortly
                if (!_live) writer.WriteLine($"lost track of the evaluation ({e.GetType().Name}); retrying");
                await Task.Delay(RetryDelay, ct);
            }
        }
    }
}
