using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// The per-simulation part of the <c>tau2.*</c> metric catalogue, recorded as each trial finishes.
/// Durations and per-task values are histograms (so percentiles work in Datadog); counts are counters.
/// Tags: domain, evaluation_id, task_id, agent_endpoint, difficulty, and the metric's own tags.
/// </summary>
public static class TrialMetrics
{
    private static readonly Histogram<double> Reward = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.reward");
    private static readonly Histogram<double> Duration = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.duration_seconds", "s");
    private static readonly Histogram<long> Steps = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.steps");
    private static readonly Histogram<long> ToolCalls = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.tool_calls_total");
    private static readonly Histogram<double> ToolAccuracy = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.tool_accuracy");
    private static readonly Counter<long> Success = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.success");
    private static readonly Counter<long> Total = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.total");
    private static readonly Counter<long> Errors = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.error_count");
    private static readonly Counter<long> Termination = Tau2Telemetry.Meter.CreateCounter<long>("tau2.termination");
    private static readonly Counter<long> ToolCorrect = Tau2Telemetry.Meter.CreateCounter<long>("tau2.tool.correct");
    private static readonly Counter<long> AssertionResult = Tau2Telemetry.Meter.CreateCounter<long>("tau2.assertion.result");

    public static void Record(SimulationRun run, string domain, string evaluationId, string agentEndpoint)
    {
        var info = run.RewardInfo;
        double reward = info?.Reward ?? 0.0;
        bool success = PassHatK.IsSuccessful(reward);
        var tags = new TagList
        {
            { "domain", domain }, { "evaluation_id", evaluationId }, { "task_id", run.TaskId },
            { "agent_endpoint", AgentEndpointTag(agentEndpoint) }, { "difficulty", Difficulty(run) },
        };
        Reward.Record(reward, tags);
        Duration.Record(run.Duration, tags);
        Steps.Record(run.Messages.Count, tags);
        int calls = run.Messages.Sum(m => m.ToolCalls?.Count ?? 0);
        ToolCalls.Record(calls, tags);
        var checks = info?.ActionChecks ?? [];
        ToolAccuracy.Record(checks.Count == 0 ? 1.0 : checks.Count(c => c.GetOrDefault("action_match") is true) / (double)checks.Count, tags);

        var withSuccess = tags; withSuccess.Add("success", success ? "true" : "false");
        Success.Add(1, withSuccess);
        Total.Add(1, tags);
        var withReason = tags;
        withReason.Add("reason", run.TerminationReason);
        withReason.Add("normal_stop", TerminationReason.IsEvaluable(run.TerminationReason) ? "true" : "false");
        Termination.Add(1, withReason);
        if (!success) Errors.Add(1, withReason);

        foreach (var check in checks)
        {
            var t = new TagList { { "domain", domain }, { "agent_endpoint", AgentEndpointTag(agentEndpoint) }, { "evaluation_id", evaluationId } };
            t.Add("tool_name", (check.GetOrDefault("action") as Values.PyDict)?.GetOrDefault("name") as string ?? "unknown");
            t.Add("correct", check.GetOrDefault("action_match") is true ? "true" : "false");
            ToolCorrect.Add(1, t);
        }
        if (info?.DbCheck is { } db) Assertion("db", db.GetOrDefault("db_match") is true, domain, evaluationId);
        foreach (var c in info?.CommunicateChecks ?? []) Assertion("communicate", c.GetOrDefault("met") is true, domain, evaluationId);
        foreach (var c in info?.NlAssertions ?? []) Assertion("nl", c.GetOrDefault("met") is true, domain, evaluationId);
        foreach (var c in info?.EnvAssertions ?? []) Assertion("env", c.GetOrDefault("met") is true, domain, evaluationId);
    }

    private static void Assertion(string type, bool met, string domain, string evaluationId) =>
        AssertionResult.Add(1, new TagList { { "type", type }, { "met", met ? "true" : "false" }, { "domain", domain }, { "evaluation_id", evaluationId } });

    /// <summary>The seed's complexity tiers: gold actions + NL + communicate + env assertions.</summary>
    public static string Difficulty(SimulationRun run)
    {
        var i = run.RewardInfo;
        int score = (i?.ActionChecks?.Count ?? 0) + (i?.NlAssertions?.Count ?? 0) + (i?.CommunicateChecks?.Count ?? 0) + (i?.EnvAssertions?.Count ?? 0);
        return score switch { 0 => "unknown", <= 2 => "easy", <= 4 => "medium", <= 6 => "hard", _ => "expert" };
    }

    /// <summary>
    /// The seed's endpoint tag: scheme stripped, unsafe characters replaced, at most 200 characters.
    /// Unlike the seed, user info and the query are dropped first: they may hold credentials.
    /// </summary>
    public static string AgentEndpointTag(string endpoint)
    {
        var s = endpoint;
        if (Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            s = uri.Authority + (uri.AbsolutePath == "/" && !endpoint.TrimEnd().EndsWith('/') ? "" : uri.AbsolutePath);
        else if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) s = s[8..];
        else if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        var chars = s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.' or '/' ? c : '_').Take(200).ToArray();
        return chars.Length == 0 ? "unknown" : new string(chars);
    }
}
