using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// One evaluation (key: evaluation id). <see cref="Start"/> validates, fans out TaskGrains and
/// returns at once; progress is observed with <see cref="Watch"/> or <see cref="GetSnapshot"/>.
/// </summary>
[Alias("tau2obs.IEvaluationGrain")]
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Starts the evaluation; calling it again for a started evaluation returns its snapshot (idempotent).
    /// Invalid requests (unknown domain, unknown task ids) fail with <see cref="ArgumentException"/>.
    /// <paramref name="userKey"/> is the caller's key for the user model; grains keep it encrypted only, never in plain text.</summary>
    [Alias("Start")] Task<EvaluationSnapshot> Start(EvaluationRequest request, UserLlmKey? userKey = null);

    [Alias("GetSnapshot"), AlwaysInterleave] Task<EvaluationSnapshot> GetSnapshot();

    [Alias("Cancel"), AlwaysInterleave] Task<EvaluationSnapshot> Cancel();

    /// <summary>Streams progress events until the evaluation is terminal (the last event carries the summary).
    /// Events already past are not replayed; call <see cref="GetSnapshot"/> first.</summary>
    [Alias("Watch"), AlwaysInterleave] IAsyncEnumerable<ProgressEvent> Watch(CancellationToken cancellationToken = default);

    /// <summary>The tau2-compatible results file (info, tasks, simulations with messages and reward_info) as JSON.</summary>
    [Alias("GetResultsJson"), AlwaysInterleave] Task<string> GetResultsJson();
}
