using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>Evaluations run by the Orleans cluster: one <see cref="IEvaluationGrain"/> per evaluation id.</summary>
public sealed class ClusterEvaluationService(IGrainFactory cluster) : IEvaluationService
{
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
    }

    public async Task<EvaluationSnapshot?> GetAsync(string evaluationId, CancellationToken ct)
    {
        var snapshot = await Grain(evaluationId).GetSnapshot();
        // a grain that was never started has no request
        return snapshot.Request is null ? null : snapshot;
    }

    public Task<EvaluationSnapshot> CancelAsync(string evaluationId, CancellationToken ct) => Grain(evaluationId).Cancel();

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
