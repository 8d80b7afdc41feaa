using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>The list of known evaluations (singleton key "all"), newest first, for the results API.</summary>
[Alias("tau2obs.IEvaluationDirectoryGrain")]
public interface IEvaluationDirectoryGrain : IGrainWithStringKey
{
    [Alias("Register")] Task Register(string evaluationId, DateTimeOffset createdAt);

    [Alias("List"), ReadOnly] Task<IReadOnlyList<string>> List(int limit = 100);
}
