using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// What the A2A endpoint needs from the evaluation cluster. The production implementation calls
/// the evaluation grains; tests use an in-memory one.
/// </summary>
public interface IEvaluationService
{
    /// <summary>Whether evaluations survive a restart of the cluster (durable storage), which the gateway's messages must not promise otherwise.</summary>
    bool KeepsEvaluationsAcrossRestarts { get; }

    /// <summary>Starts the evaluation, or returns its snapshot if it was started before (idempotent).
    /// An invalid request (unknown domain or task ids) throws <see cref="InvalidEvaluationRequestException"/>.
    /// <paramref name="userApiKey"/> (the caller's key for the user model) is never stored in plain text.</summary>
    Task<EvaluationSnapshot> StartAsync(string evaluationId, EvaluationRequest request, string? userApiKey, CancellationToken ct);

    /// <summary>The evaluation's snapshot, or null when no evaluation has this id.</summary>
    Task<EvaluationSnapshot?> GetAsync(string evaluationId, CancellationToken ct);

    Task<EvaluationSnapshot> CancelAsync(string evaluationId, CancellationToken ct);

    /// <summary>Progress from now on (past events are not replayed) until the evaluation is terminal.</summary>
    IAsyncEnumerable<ProgressEvent> WatchAsync(string evaluationId, CancellationToken ct);

    /// <summary>The ids of known evaluations, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListAsync(int limit, CancellationToken ct);

    /// <summary>The tau2-compatible results file as JSON.</summary>
    Task<string> GetResultsJsonAsync(string evaluationId, CancellationToken ct);
}
