using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// Evaluations run by the Orleans cluster: one <see cref="IEvaluationGrain"/> per evaluation id.
/// <paramref name="durable"/>: the cluster keeps its state in Redis (the gateway's Redis clustering goes with the silo's Redis backend).
/// </summary>
public sealed class ClusterEvaluationService(IGrainFactory cluster, bool durable) : IEvaluationService
{
    public bool KeepsEvaluationsAcrossRestarts => durable;

    public async Task<EvaluationSnapshot> StartAsync(string evaluationId, EvaluationRequest request, string? userApiKey, CancellationToken ct)
    {
        var grain = Grain(evaluationId);
        try
        {
            return await grain.Start(request, userApiKey is null ? null : new UserLlmKey(userApiKey));
        }
        catch (ArgumentException e)
        {
            // the grain's way of refusing a request; other failures are the cluster's, not the caller's
            throw new InvalidEvaluationRequestException(e.Message, e);
        }
        catch (Exception e) when (IsLostConnection(e))
        {
            throw new ClusterUnavailableException(e);
        }
    }

    public async Task<EvaluationSnapshot?> GetAsync(string evaluationId, CancellationToken ct)
    {
        try
        {
            var snapshot = await Grain(evaluationId).GetSnapshot();
            // a grain that was never started has no request
            return snapshot.Request is null ? null : snapshot;
        }
        catch (Exception e) when (IsLostConnection(e))
        {
            throw new ClusterUnavailableException(e);
        }
    }

    public async Task<EvaluationSnapshot> CancelAsync(string evaluationId, CancellationToken ct)
    {
        try
        {
            return await Grain(evaluationId).Cancel();
        }
        catch (Exception e) when (IsLostConnection(e))
        {
            throw new ClusterUnavailableException(e);
        }
    }

    /// <summary>The client had a silo and lost it (killed, restarting): no silo answers now.</summary>
    public static bool IsLostConnection(Exception e) =>
        e is Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException;

    public IAsyncEnumerable<ProgressEvent> WatchAsync(string evaluationId, CancellationToken ct) => Grain(evaluationId).Watch(ct);

    public Task<IReadOnlyList<string>> ListAsync(int limit, CancellationToken ct) =>
        cluster.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory).List(limit);

    public Task<string> GetResultsJsonAsync(string evaluationId, CancellationToken ct) => Grain(evaluationId).GetResultsJson();

    private IEvaluationGrain Grain(string evaluationId)
    {
        try
        {
            return cluster.GetGrain<IEvaluationGrain>(evaluationId);
        }
        catch (ArgumentException e)
        {
            // the client knows grain types only from a silo's manifest: none has answered yet
            throw new ClusterUnavailableException(e);
        }
    }
}
