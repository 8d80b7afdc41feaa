namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>
/// One data point as it arrived over OTLP. <see cref="Value"/> is the number of a gauge or sum, or the
/// sum of a histogram (whose <see cref="Count"/> is its number of recordings).
/// </summary>
public sealed record ReceivedMetricPoint(
    string Name,
    MetricDataKind Kind,
    string Temporality,
    bool IsMonotonic,
    IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyDictionary<string, object?> Resource,
    double Value,
    ulong Count)
{
    public string? Tag(string key) => Attributes.GetValueOrDefault(key)?.ToString();
}
