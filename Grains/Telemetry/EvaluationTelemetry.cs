using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Telemetry;

/// <summary>
/// Records the evaluation-level metrics from what an evaluation stores: used by the EvaluationGrain as
/// trials finish and by <c>tau2obs datadog emit</c> when it re-emits a stored evaluation.
/// </summary>
public static class EvaluationTelemetry
{
    public static void RecordMetrics(string evaluationId, EvaluationRequest request, EvaluationSummary summary, IEnumerable<TrialResult> trials)
    {
        var simulatorCosts = trials.Where(t => t.SimulatorCost is not null).Select(t => t.SimulatorCost!.Value).ToList();
        EvaluationMetrics.Record(
            new MetricsSummary(summary.AvgReward, summary.PassHatK, summary.AvgAgentCost, summary.Simulations, summary.SuccessfulSimulations, summary.InfrastructureErrors),
            request.Domain, evaluationId, request.AgentEndpoint,
            summary.PromptTokens, summary.CompletionTokens, simulatorCosts.Count == 0 ? null : simulatorCosts.Sum());
    }
}
