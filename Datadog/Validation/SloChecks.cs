using System.Text.Json.Nodes;

namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// Metric SLOs divide a count of good events by a count of all events: both queries must count
/// (<c>.as_count()</c> on counters, <c>count:</c> or <c>count(v: ...)</c> on distributions), and each
/// warning must be stricter than its target.
/// </summary>
internal static class SloChecks
{
    public static void Check(JsonObject slo, ICollection<string> issues, string where)
    {
        var numerator = slo["query"]!["numerator"]!.GetValue<string>();
        var denominator = slo["query"]!["denominator"]!.GetValue<string>();
        if (numerator == denominator) issues.Add($"{where}: numerator and denominator are the same query.");
        foreach (var (part, query) in new[] { ("numerator", numerator), ("denominator", denominator) })
            foreach (var reference in MetricQueryChecker.Check(query, new Dictionary<string, string>(), issues, $"{where} {part}"))
                CheckCounts(reference, issues, $"{where} {part}");

        foreach (var threshold in slo["thresholds"]!.AsArray())
        {
            double target = threshold!["target"]!.GetValue<double>();
            if (threshold["warning"]?.GetValue<double>() is { } warning && warning <= target)
                issues.Add($"{where}: the warning ({warning}) must be stricter, i.e. higher, than the target ({target}).");
        }
    }

    private static void CheckCounts(MetricReference reference, ICollection<string> issues, string where)
    {
        var kind = MetricCatalogue.Find(reference.Metric)?.Kind;
        bool counts = kind switch
        {
            MetricKind.Count => reference.AsCount,
            MetricKind.Distribution => reference.Aggregator == "count",
            MetricKind.Gauge => false,
            _ => true, // unknown metric: already reported
        };
        if (!counts)
            issues.Add($"{where}: {reference.Metric} must be counted (`sum:...as_count()` on counters, `count:` on distributions).");
    }
}
