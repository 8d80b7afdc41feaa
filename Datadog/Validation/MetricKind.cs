namespace Tau2Observe.Datadog.Validation;

/// <summary>What a metric becomes in Datadog after OTLP ingest through the Agent (spec §B).</summary>
public enum MetricKind
{
    /// <summary>An OTel counter (monotonic sum, delta): query with <c>sum:...as_count()</c>.</summary>
    Count,
    /// <summary>An OTel gauge: query with <c>avg:</c>/<c>sum:</c>/<c>max:</c>, never <c>as_count()</c>.</summary>
    Gauge,
    /// <summary>An OTel histogram: a distribution named like the instrument; percentiles and threshold counts once enabled.</summary>
    Distribution,
}
