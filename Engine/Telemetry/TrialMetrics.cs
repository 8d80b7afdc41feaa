using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Engine.Telemetry;

/// <summary>
/// The per-simulation part of the <c>tau2.*</c> metric catalogue (spec A.1.4), recorded as each trial
/// finishes. Per-task values are histograms, so Datadog gets distributions and percentiles work (F5);
/// counts are counters. Every point carries domain, evaluation_id and agent_endpoint; the task metrics
/// also task_id and difficulty, and the tool, termination and error counts difficulty too (F6).
/// </summary>
public static class TrialMetrics
{
    private const int AssertionTextLength = 50;

    private static readonly Histogram<double> Reward = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.reward");
    private static readonly Histogram<double> Duration = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.duration_seconds", "s");
    private static readonly Histogram<long> Steps = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.steps");
    private static readonly Histogram<long> TurnsTotal = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.turns_total");
    private static readonly Histogram<long> ToolCalls = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.tool_calls_total");
    private static readonly Histogram<double> ToolAccuracy = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.tool_accuracy");
    private static readonly Histogram<long> ComplexityScore = Tau2Telemetry.Meter.CreateHistogram<long>("tau2.task.complexity_score");
    private static readonly Histogram<double> RewardPerTurn = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.reward_per_turn");
    private static readonly Histogram<double> RewardPerSecond = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.reward_per_second");
    private static readonly Histogram<double> RewardPerToolCall = Tau2Telemetry.Meter.CreateHistogram<double>("tau2.task.reward_per_tool_call");
    private static readonly Counter<long> Success = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.success");
    private static readonly Counter<long> Total = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.total");
    private static readonly Counter<long> Errors = Tau2Telemetry.Meter.CreateCounter<long>("tau2.task.error_count");
    private static readonly Counter<long> Termination = Tau2Telemetry.Meter.CreateCounter<long>("tau2.termination");
    private static readonly Counter<long> ToolCallCount = Tau2Telemetry.Meter.CreateCounter<long>("tau2.tool.calls");
    private static readonly Counter<long> ToolCorrect = Tau2Telemetry.Meter.CreateCounter<long>("tau2.tool.correct");
    private static readonly Counter<long> ToolArgumentsMatch = Tau2Telemetry.Meter.CreateCounter<long>("tau2.tool.arguments_match");
    private static readonly Counter<long> AssertionResult = Tau2Telemetry.Meter.CreateCounter<long>("tau2.assertion.result");
    private static readonly Counter<long> NlFailed = Tau2Telemetry.Meter.CreateCounter<long>("tau2.assertion.nl_failed");

    public static void Record(SimulationRun run, string domain, string evaluationId, string agentEndpoint)
    {
        var info = run.RewardInfo;
        double reward = info?.Reward ?? 0.0;
        bool success = PassHatK.IsSuccessful(reward);
        string difficulty = Difficulty(run);
        var common = new TagList { { "domain", domain }, { "evaluation_id", evaluationId }, { "agent_endpoint", AgentEndpointTag(agentEndpoint) } };
        var withDifficulty = With(common, "difficulty", difficulty);
        var tags = With(withDifficulty, "task_id", run.TaskId);

        int turns = run.Messages.Count;
        int calls = run.Messages.Sum(m => m.ToolCalls?.Count ?? 0);
        var checks = info?.ActionChecks ?? [];
        Reward.Record(reward, tags);
        Duration.Record(run.Duration, tags);
        Steps.Record(turns, tags);
        TurnsTotal.Record(turns, tags);
        ToolCalls.Record(calls, tags);
        ToolAccuracy.Record(checks.Count == 0 ? 1.0 : checks.Count(c => c.GetOrDefault("action_match") is true) / (double)checks.Count, tags);
        ComplexityScore.Record(Complexity(run), tags);
        if (turns > 0) RewardPerTurn.Record(reward / turns, tags);
        if (run.Duration > 0) RewardPerSecond.Record(reward / run.Duration, tags);
        if (calls > 0) RewardPerToolCall.Record(reward / calls, tags);

        Success.Add(1, With(tags, "success", success ? "true" : "false"));
        Total.Add(1, tags);
        var withReason = With(tags, "reason", run.TerminationReason);
        withReason.Add("normal_stop", TerminationReason.IsEvaluable(run.TerminationReason) ? "true" : "false");
        Termination.Add(1, withReason);
        if (!success) Errors.Add(1, withReason);

        foreach (var check in checks)
        {
            var action = check.GetOrDefault("action") as Values.PyDict;
            bool match = check.GetOrDefault("action_match") is true;
            var tool = With(withDifficulty, "tool_name", action?.GetOrDefault("name") as string ?? "unknown");
            ToolCallCount.Add(1, With(tool, "requestor", action?.GetOrDefault("requestor") as string ?? "assistant"));
            ToolCorrect.Add(1, With(tool, "correct", match ? "true" : "false"));
            ToolArgumentsMatch.Add(1, With(tool, "match", match ? "true" : "false"));
        }
        if (info?.DbCheck is { } db) Assertion("db", db.GetOrDefault("db_match") is true, common);
        foreach (var c in info?.CommunicateChecks ?? []) Assertion("communicate", c.GetOrDefault("met") is true, common);
        foreach (var c in info?.EnvAssertions ?? []) Assertion("env", c.GetOrDefault("met") is true, common);
        foreach (var c in info?.NlAssertions ?? [])
        {
            bool met = c.GetOrDefault("met") is true;
            Assertion("nl", met, common);
            if (!met && c.GetOrDefault("nl_assertion") is string { Length: > 0 } text)
            {
                var failed = With(common, "task_id", run.TaskId);
                failed.Add("assertion_text", text.Length > AssertionTextLength ? text[..AssertionTextLength] : text);
                NlFailed.Add(1, failed);
            }
        }
    }

    private static void Assertion(string type, bool met, TagList common)
    {
        var tags = With(common, "type", type);
        tags.Add("met", met ? "true" : "false");
        AssertionResult.Add(1, tags);
    }

    private static TagList With(TagList tags, string key, object? value)
    {
        var copy = tags;
        copy.Add(key, value);
        return copy;
    }

    /// <summary>
    /// The seed's complexity score: gold actions requested by the assistant or the user, plus NL,
    /// communicate and env assertions.
    /// </summary>
    public static int Complexity(SimulationRun run)
    {
        var i = run.RewardInfo;
        int actions = (i?.ActionChecks ?? []).Count(c => (c.GetOrDefault("action") as Values.PyDict)?.GetOrDefault("requestor") is "assistant" or "user");
        return actions + (i?.NlAssertions?.Count ?? 0) + (i?.CommunicateChecks?.Count ?? 0) + (i?.EnvAssertions?.Count ?? 0);
    }

    /// <summary>The seed's tiers of the complexity score.</summary>
    public static string Difficulty(SimulationRun run) => Complexity(run) switch
    {
        0 => "unknown", <= 2 => "easy", <= 4 => "medium", <= 6 => "hard", _ => "expert",
    };

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
