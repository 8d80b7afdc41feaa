using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tau2Observe.Engine.Metrics;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// The evaluation-level part of the <c>tau2.*</c> catalogue, recorded whenever an evaluation's
/// summary changes (as trials finish, not only at the end). pass^k is emitted for every k, as a
/// fraction (0..1) tagged <c>k</c>; pass_rate is a percentage as in the seed. Simulator tokens and
/// cost are running totals; the <c>tau2.llm.*</c> copies and <c>tau2.model.*</c> ratios are the seed's.
/// </summary>
public static class EvaluationMetrics
{
    private static readonly Gauge<double> AvgReward = Tau2Telemetry.Meter.CreateGauge<double>("tau2.evaluation.avg_reward");
    private static readonly Gauge<double> PassRate = Tau2Telemetry.Meter.CreateGauge<double>("tau2.evaluation.pass_rate", "%");
    private static readonly Gauge<double> PassHatK = Tau2Telemetry.Meter.CreateGauge<double>("tau2.evaluation.pass_hat_k");
    private static readonly Gauge<long> TasksTotal = Tau2Telemetry.Meter.CreateGauge<long>("tau2.evaluation.tasks_total");
    private static readonly Gauge<long> InfrastructureErrors = Tau2Telemetry.Meter.CreateGauge<long>("tau2.evaluation.infrastructure_errors");
    private static readonly Gauge<long> PromptTokens = Tau2Telemetry.Meter.CreateGauge<long>("tau2.simulator.tokens_prompt");
    private static readonly Gauge<long> CompletionTokens = Tau2Telemetry.Meter.CreateGauge<long>("tau2.simulator.tokens_completion");
    private static readonly Gauge<long> TotalTokens = Tau2Telemetry.Meter.CreateGauge<long>("tau2.simulator.tokens_total");
    private static readonly Gauge<double> CostUsd = Tau2Telemetry.Meter.CreateGauge<double>("tau2.simulator.cost_usd", "USD");
    private static readonly Gauge<long> LlmTokensInput = Tau2Telemetry.Meter.CreateGauge<long>("tau2.llm.tokens_input");
    private static readonly Gauge<long> LlmTokensOutput = Tau2Telemetry.Meter.CreateGauge<long>("tau2.llm.tokens_output");
    private static readonly Gauge<double> LlmTokenCost = Tau2Telemetry.Meter.CreateGauge<double>("tau2.llm.token_cost", "USD");
    private static readonly Gauge<double> TokensPerTask = Tau2Telemetry.Meter.CreateGauge<double>("tau2.model.tokens_per_task");
    private static readonly Gauge<double> CostPerTask = Tau2Telemetry.Meter.CreateGauge<double>("tau2.model.cost_per_task", "USD");
    private static readonly Gauge<double> RewardPerToken = Tau2Telemetry.Meter.CreateGauge<double>("tau2.model.reward_per_token");
    private static readonly Gauge<double> CostPerSuccess = Tau2Telemetry.Meter.CreateGauge<double>("tau2.model.cost_per_success", "USD");

    public static void Record(MetricsSummary summary, string domain, string evaluationId, string agentEndpoint,
        long promptTokens = 0, long completionTokens = 0, double? simulatorCost = null)
    {
        var tags = new TagList { { "domain", domain }, { "evaluation_id", evaluationId }, { "agent_endpoint", TrialMetrics.AgentEndpointTag(agentEndpoint) } };
        if (summary.Simulations > 0)
        {
            AvgReward.Record(summary.AvgReward, tags);
            PassRate.Record(100.0 * summary.Successes / summary.Simulations, tags);
        }
        foreach (var (k, value) in summary.PassHatKs)
        {
            var withK = tags;
            withK.Add("k", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
            PassHatK.Record(value, withK);
        }
        TasksTotal.Record(summary.Simulations, tags);
        InfrastructureErrors.Record(summary.InfrastructureErrors, tags);
        long tokens = promptTokens + completionTokens;
        PromptTokens.Record(promptTokens, tags);
        CompletionTokens.Record(completionTokens, tags);
        TotalTokens.Record(tokens, tags);
        LlmTokensInput.Record(promptTokens, tags);
        LlmTokensOutput.Record(completionTokens, tags);
        if (simulatorCost is { } cost)
        {
            CostUsd.Record(cost, tags);
            LlmTokenCost.Record(cost, tags);
            if (summary.Simulations > 0) CostPerTask.Record(cost / summary.Simulations, tags);
            if (summary.Successes > 0) CostPerSuccess.Record(cost / summary.Successes, tags);
        }
        if (summary.Simulations > 0) TokensPerTask.Record((double)tokens / summary.Simulations, tags);
        if (tokens > 0) RewardPerToken.Record(summary.AvgReward * summary.Simulations / tokens, tags);
    }
}
