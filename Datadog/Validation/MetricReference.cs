namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// One metric query inside a larger expression, e.g. <c>sum:tau2.task.success{success:true} by {domain}.as_count()</c>.
/// <see cref="ThresholdCount"/> is set for distribution threshold queries such as <c>count(v: v&lt;=60):...</c>.
/// </summary>
public sealed record MetricReference(
    string Aggregator,
    string? ThresholdCount,
    string Metric,
    IReadOnlyList<string> Scope,
    IReadOnlyList<string> GroupBy,
    IReadOnlyList<string> Functions)
{
    public bool IsPercentile => Aggregator.StartsWith('p');
    public bool AsCount => Functions.Contains("as_count");
}
