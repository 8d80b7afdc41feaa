namespace Tau2Observe.Engine.Metrics;

/// <summary>
/// tau2's aggregate metrics: average reward, pass^k for k = 1..K, average agent cost (null when no
/// simulation reports one). <see cref="InfrastructureErrors"/> counts runs left out of the metrics.
/// </summary>
public sealed record MetricsSummary(
    double AvgReward,
    IReadOnlyDictionary<int, double> PassHatKs,
    double? AvgAgentCost,
    int Simulations,
    int Successes,
    int InfrastructureErrors);
