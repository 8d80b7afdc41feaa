using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Output;

/// <summary>The <c>--json</c> output: one object with the summary and each trial's outcome.</summary>
public static class SummaryJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Build(EvaluationSnapshot snapshot)
    {
        var s = snapshot.Summary ?? new EvaluationSummary();
        return new JsonObject
        {
            ["evaluation_id"] = snapshot.EvaluationId,
            ["status"] = snapshot.Status.ToString().ToLowerInvariant(),
            ["domain"] = snapshot.Request?.Domain,
            ["agent"] = snapshot.Request?.AgentEndpoint,
            ["num_tasks"] = snapshot.TaskIds.Count,
            ["num_trials"] = snapshot.Request?.NumTrials,
            ["avg_reward"] = Number(s.AvgReward),
            ["pass_hat_k"] = new JsonObject(s.PassHatK.OrderBy(p => p.Key)
                .Select(p => KeyValuePair.Create(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Number(p.Value)))),
            ["pass_hat_k_ci95"] = new JsonObject(s.PassHatKLower.OrderBy(p => p.Key)
                .Where(p => s.PassHatKUpper.ContainsKey(p.Key))
                .Select(p => KeyValuePair.Create(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (JsonNode?)new JsonArray(Number(p.Value), Number(s.PassHatKUpper[p.Key]))))),
            ["grading_corrections"] = new JsonArray((snapshot.Request?.Corrections ?? []).Select(c => (JsonNode?)c).ToArray()),
            ["simulations"] = s.Simulations,
            ["successful_simulations"] = s.SuccessfulSimulations,
            ["termination_counts"] = new JsonObject(s.TerminationCounts.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["infrastructure_errors"] = s.InfrastructureErrors,
            ["avg_agent_cost"] = Number(s.AvgAgentCost),
            ["total_cost"] = Number(s.TotalCost),
            ["user_cost"] = Number(s.UserCost),
            ["tokens"] = new JsonObject { ["prompt"] = s.PromptTokens, ["completion"] = s.CompletionTokens, ["cached_prompt"] = s.CachedPromptTokens },
            ["trials"] = new JsonArray(snapshot.Trials.Select(t => (JsonNode?)new JsonObject
            {
                ["task_id"] = t.TaskId,
                ["trial"] = t.Trial,
                ["seed"] = t.Seed,
                ["reward"] = t.Reward,
                ["termination_reason"] = t.TerminationReason,
                ["error"] = t.Error,
                ["retried_failures"] = t.RetriedFailures,
                ["resumptions"] = t.Resumptions,
            }).ToArray()),
        };
    }

    public static void Write(TextWriter output, EvaluationSnapshot snapshot) =>
        output.WriteLine(Build(snapshot).ToJsonString(Indented));

    // JSON has no NaN: an average over no simulations is null
    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
