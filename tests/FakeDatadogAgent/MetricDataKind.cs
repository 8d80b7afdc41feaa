namespace Tau2Observe.Tests.FakeDatadogAgent;

/// <summary>The OTLP metric data types; the Agent maps Histogram to a Datadog distribution and a monotonic Sum to a count.</summary>
public enum MetricDataKind
{
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
}
