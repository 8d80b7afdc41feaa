using System.Runtime.CompilerServices;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// Follows an evaluation to its end: each finished (or cancelled) simulation once, then the final
/// snapshot. The watch is opened before the snapshot is read so nothing falls between them;
/// duplicates are dropped; if the watch breaks off (grain moved, call timed out) it is opened again,
/// and the final snapshot fills in anything missed. Every trial is reported, so the counts of the
/// reported trials are the evaluation's counts at that point.
/// </summary>
public sealed class EvaluationFollower(IEvaluationService evaluations, ILogger<EvaluationFollower> log)
{
    private static readonly TimeSpan RewatchDelay = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<EvaluationUpdate> FollowAsync(string evaluationId, [EnumeratorCancellation] CancellationToken ct)
    {
        var reported = new HashSet<(string, int)>();
        var counts = SimulationCounts.None;
        while (true)
        {
            using var watchCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var watch = evaluations.WatchAsync(evaluationId, watchCancel.Token).GetAsyncEnumerator(watchCancel.Token);
            var next = watch.MoveNextAsync().AsTask();
            try
            {
                var snapshot = await GetAsync(evaluationId, ct);
                foreach (var trial in Unreported(snapshot, reported))
                {
                    counts = counts.Add(trial);
                    yield return new EvaluationUpdate(trial, counts, snapshot.TotalTrials, null);
                }
                if (snapshot.IsTerminal)
                {
                    yield return new EvaluationUpdate(null, counts, snapshot.TotalTrials, snapshot);
                    yield break;
                }
                while (await NextOrEndAsync(next, evaluationId, ct))
                {
                    var e = watch.Current;
                    if (e.Trial is { } trial && reported.Add((trial.TaskId, trial.Trial)))
                    {
                        counts = counts.Add(trial);
                        yield return new EvaluationUpdate(trial, counts, e.TotalTrials, null);
                    }
                    if (e.Status is EvaluationStatus.Completed or EvaluationStatus.Failed or EvaluationStatus.Cancelled)
                    {
                        var final = await GetAsync(evaluationId, ct);
                        foreach (var missed in Unreported(final, reported))
                        {
                            counts = counts.Add(missed);
                            yield return new EvaluationUpdate(missed, counts, final.TotalTrials, null);
                        }
                        yield return new EvaluationUpdate(null, counts, final.TotalTrials, final);
                        yield break;
                    }
                    next = watch.MoveNextAsync().AsTask();
                }
            }
            finally
            {
                await AbandonAsync(watchCancel, next, watch);
            }
            await Task.Delay(RewatchDelay, ct);
        }
    }

    private async Task<EvaluationSnapshot> GetAsync(string evaluationId, CancellationToken ct) =>
        await evaluations.GetAsync(evaluationId, ct)
        ?? throw new JsonRpcException(JsonRpcErrorCodes.TaskNotFound, $"Task not found: {evaluationId}");

    /// <summary>False when the watch ended or broke off; the caller then looks again.</summary>
    private async Task<bool> NextOrEndAsync(Task<bool> next, string evaluationId, CancellationToken ct)
    {
        try
        {
            return await next;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Watching evaluation {EvaluationId} broke off ({Error}); watching again", evaluationId, e.GetType().Name);
            return false;
        }
    }

    /// <summary>The snapshot's trials not reported yet, in its order, now marked reported.</summary>
    private static List<TrialResult> Unreported(EvaluationSnapshot snapshot, HashSet<(string, int)> reported)
    {
        var unreported = new List<TrialResult>();
        foreach (var trial in snapshot.Trials)
            if (reported.Add((trial.TaskId, trial.Trial))) unreported.Add(trial);
        return unreported;
    }

    /// <summary>Stops a watch that may still have a call in flight; its outcome no longer matters.</summary>
    private static async Task AbandonAsync(CancellationTokenSource cancel, Task<bool> pending, IAsyncEnumerator<ProgressEvent> watch)
    {
        await cancel.CancelAsync();
        // cancelled or broken: either way the watch is finished with, so its exceptions are dropped
        try { await pending; } catch (Exception) { }
        try { await watch.DisposeAsync(); } catch (Exception) { }
    }
}
