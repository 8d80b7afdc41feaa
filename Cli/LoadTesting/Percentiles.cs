using System.Text.Json.Nodes;

namespace Tau2Observe.Cli.LoadTesting;

/// <summary>p50/p95/p99 (nearest rank), mean and max of a set of durations in seconds.</summary>
public sealed record Percentiles(int Count, double? P50, double? P95, double? P99, double? Mean, double? Max)
{
    public static readonly Percentiles Empty = new(0, null, null, null, null, null);

    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return Empty;
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted.Average(), sorted[^1]);
    }

    public JsonObject ToJson() => new()
    {
        ["count"] = Count,
        ["p50"] = LoadTestReport.Round(P50),
        ["p95"] = LoadTestReport.Round(P95),
        ["p99"] = LoadTestReport.Round(P99),
        ["mean"] = LoadTestReport.Round(Mean),
        ["max"] = LoadTestReport.Round(Max),
    };
}
