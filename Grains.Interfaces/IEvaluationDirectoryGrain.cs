using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>The list of known evaluations (singleton key "all"), the most recently registered (started) first, for the results API.</summary>
[Alias("tau2obs.IEvaluationDirectoryGrain")]
public interface IEvaluationDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds an evaluation once; registering it again soon after is ignored.</summary>
    [Alias("Register")] Task Register(string evaluationId, DateTimeOffset createdAt);

    [Alias("List"), ReadOnly] Task<IReadOnlyList<string>> List(int limit = 100);
}
