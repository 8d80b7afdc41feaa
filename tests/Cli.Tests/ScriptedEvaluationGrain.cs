using System.Runtime.CompilerServices;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// An evaluation grain stand-in whose trials finish on a script: <paramref name="finishedUnseen"/>
/// trials finish just as a watch is opened (before it is subscribed, so it never sees them), the
/// rest finish one event at a time on the watch; <paramref name="breakWatchAfter"/> events into the
/// first watch, that watch breaks off with a <see cref="TimeoutException"/> as a lost call would.
/// </summary>
public sealed class ScriptedEvaluationGrain(int totalTrials, int finishedUnseen, int? breakWatchAfter = null) : IEvaluationGrain
{
    private readonly List<TrialResult> _finished = [];
    private bool _watchBroken;

    public int WatchCalls { get; private set; }

    private bool IsDone => _finished.Count == totalTrials;

    public Task<EvaluationSnapshot> Start(EvaluationRequest request, UserLlmKey? userKey = null) => GetSnapshot();

    public Task<EvaluationSnapshot> GetSnapshot() => Task.FromResult(new EvaluationSnapshot
    {
        EvaluationId = "scripted",
        Status = IsDone ? EvaluationStatus.Completed : EvaluationStatus.Working,
        TotalTrials = totalTrials,
        CompletedTrials = _finished.Count,
        Trials = _finished.OrderBy(t => t.TaskId, StringComparer.Ordinal).ToList(),
    });

    public Task<EvaluationSnapshot> Cancel() => GetSnapshot();

    public Task<string> GetResultsJson() => Task.FromResult("{}");

    public async IAsyncEnumerable<ProgressEvent> Watch([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        WatchCalls++;
        await Task.Yield();
        while (_finished.Count < Math.Min(finishedUnseen, totalTrials)) Finish();
        int sent = 0;
        while (!IsDone)
        {
            if (breakWatchAfter is { } limit && sent == limit && !_watchBroken)
            {
                _watchBroken = true;
                throw new TimeoutException("watch call timed out");
            }
            var trial = Finish();
            sent++;
            yield return new ProgressEvent
            {
                EvaluationId = "scripted", Status = EvaluationStatus.Working,
                CompletedTrials = _finished.Count, TotalTrials = totalTrials, Trial = trial,
            };
        }
        yield return new ProgressEvent
        {
            EvaluationId = "scripted", Status = EvaluationStatus.Completed,
            CompletedTrials = _finished.Count, TotalTrials = totalTrials, Message = "completed",
        };
    }

    private TrialResult Finish()
    {
        var trial = new TrialResult { TaskId = $"t{_finished.Count:00}", Trial = 0, Reward = 1, TerminationReason = "user_stop" };
        _finished.Add(trial);
        return trial;
    }
}
