namespace Tau2Observe.Datadog.Validation;

/// <summary>
/// The <c>tau2.*</c> metrics as the engine records them (Engine/Telemetry/TrialMetrics.cs and
/// EvaluationMetrics.cs), with their tags, so every query in deploy/datadog can be checked
/// against what actually arrives. Keep in step with those files.
/// </summary>
public static class MetricCatalogue
{
    /// <summary>Tags every point gets from the OTel resource (service.name, deployment.environment.name, service.version).</summary>
    public static readonly IReadOnlySet<string> ResourceTags = new HashSet<string> { "env", "service", "version" };

    private static readonly string[] TrialTags = ["domain", "evaluation_id", "task_id", "agent_endpoint", "difficulty"];
    private static readonly string[] EvaluationTags = ["domain", "evaluation_id", "agent_endpoint"];
    private static readonly string[] ToolTags = ["domain", "evaluation_id", "agent_endpoint", "difficulty", "tool_name"];

    private static readonly Dictionary<string, MetricDefinition> Metrics = new MetricDefinition[]
    {
        new("tau2.task.reward", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.duration_seconds", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.steps", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.turns_total", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.tool_calls_total", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.tool_accuracy", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.complexity_score", MetricKind.Distribution, Tags(TrialTags)),
        new("tau2.task.reward_per_turn", MetricKind.Distribution, Tags(TrialTags), Conditional: true),
        new("tau2.task.reward_per_second", MetricKind.Distribution, Tags(TrialTags), Conditional: true),
        new("tau2.task.reward_per_tool_call", MetricKind.Distribution, Tags(TrialTags), Conditional: true),
        new("tau2.task.success", MetricKind.Count, Tags(TrialTags, "success")),
        new("tau2.task.total", MetricKind.Count, Tags(TrialTags)),
        new("tau2.task.error_count", MetricKind.Count, Tags(TrialTags, "reason", "normal_stop"), Conditional: true),
        new("tau2.termination", MetricKind.Count, Tags(TrialTags, "reason", "normal_stop")),
        new("tau2.tool.calls", MetricKind.Count, Tags(ToolTags, "requestor"), Conditional: true),
        new("tau2.tool.correct", MetricKind.Count, Tags(ToolTags, "correct"), Conditional: true),
        new("tau2.tool.arguments_match", MetricKind.Count, Tags(ToolTags, "match"), Conditional: true),
        new("tau2.assertion.result", MetricKind.Count, Tags(EvaluationTags, "type", "met"), Conditional: true),
        new("tau2.assertion.nl_failed", MetricKind.Count, Tags(EvaluationTags, "task_id", "assertion_text"), Conditional: true),
        new("tau2.evaluation.avg_reward", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.evaluation.pass_rate", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.evaluation.pass_hat_k", MetricKind.Gauge, Tags(EvaluationTags, "k")),
        new("tau2.evaluation.tasks_total", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.evaluation.infrastructure_errors", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.simulator.tokens_prompt", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.simulator.tokens_completion", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.simulator.tokens_total", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.simulator.cost_usd", MetricKind.Gauge, Tags(EvaluationTags), Conditional: true),
        new("tau2.llm.tokens_input", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.llm.tokens_output", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.llm.token_cost", MetricKind.Gauge, Tags(EvaluationTags), Conditional: true),
        new("tau2.model.tokens_per_task", MetricKind.Gauge, Tags(EvaluationTags)),
        new("tau2.model.cost_per_task", MetricKind.Gauge, Tags(EvaluationTags), Conditional: true),
        new("tau2.model.reward_per_token", MetricKind.Gauge, Tags(EvaluationTags), Conditional: true),
        new("tau2.model.cost_per_success", MetricKind.Gauge, Tags(EvaluationTags), Conditional: true),
    }.ToDictionary(m => m.Name, StringComparer.Ordinal);

    private static readonly string[] TerminationReasons =
        ["user_stop", "agent_stop", "max_steps", "too_many_errors", "agent_error", "user_error", "infrastructure_error", "cancelled"];

    /// <summary>Tags with a closed set of values; a filter with any other value matches nothing.</summary>
    private static readonly Dictionary<string, IReadOnlySet<string>> ClosedTagValues = new(StringComparer.Ordinal)
    {
        ["success"] = Tags(["true", "false"]),
        ["correct"] = Tags(["true", "false"]),
        ["met"] = Tags(["true", "false"]),
        ["normal_stop"] = Tags(["true", "false"]),
        ["match"] = Tags(["true", "false"]),
        ["requestor"] = Tags(["assistant", "user"]),
        ["type"] = Tags(["db", "nl", "communicate", "env"]),
        ["reason"] = Tags(TerminationReasons),
        ["difficulty"] = Tags(["unknown", "easy", "medium", "hard", "expert"]),
    };

    public static MetricDefinition? Find(string name) => Metrics.GetValueOrDefault(name);

    public static IReadOnlyCollection<MetricDefinition> All => Metrics.Values;

    /// <summary>True when <paramref name="value"/> can occur for <paramref name="tag"/> (wildcards always can).</summary>
    public static bool IsPossibleValue(string tag, string value)
    {
        if (tag == "k") return value.All(char.IsAsciiDigit) && value.Length > 0 && value != "0";
        return value.Contains('*') || !ClosedTagValues.TryGetValue(tag, out var values) || values.Contains(value);
    }

    private static HashSet<string> Tags(IEnumerable<string> tags, params string[] more) => [.. tags, .. more];
}
