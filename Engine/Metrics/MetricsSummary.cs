namespace Tau2Observe.Engine.Metrics;

/// <summary>
/// tau2's aggregate metrics: average reward, pass^k for k = 1..K, average agent cost (null when no
/// simulation reports one). <see cref="InfrastructureErrors"/> counts runs left out of the metrics
/// (or counted as failures, when that correction is on). <see cref="PassHatKIntervals"/> is not
/// tau2's: a 95% interval per k over the task sample (see <see cref="PassHatK.Interval"/>).
/// </summary>
public sealed record MetricsSummary(
    double AvgReward,
    IReadOnlyDictionary<int, double> PassHatKs,
    double? AvgAgentCost,
    int Simulations,
    int Successes,
    int InfrastructureErrors,
    IReadOnlyDictionary<int, ConfidenceInterval>? PassHatKIntervals = null);
