using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Results;

/// <summary>The outcome of re-grading one results file: per-simulation rewards, tau2's metrics, and the re-graded file.</summary>
public sealed record RegradeReport(
    string Domain,
    IReadOnlyList<RegradedSimulation> Simulations,
    MetricsSummary Metrics,
    PyDict Regraded)
{
    public int Failed => Simulations.Count(s => s.Error is not null);
    public int Changed => Simulations.Count(s => s.Changed);
}
