using System.Globalization;
using System.Text.Json.Nodes;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// The structured result of an evaluation, shaped like tau2-observe's <c>run_tau2_evaluation</c>
/// response (status, evaluation_id, summary with avg_reward and pass_hat_k, tasks, simulations)
/// with the extra counts this cluster keeps; and the short text summary that goes with it.
/// Trajectories are left out: they are in the results file (<c>/api/evaluations/{id}/results</c>).
/// </summary>
public static partial class ResultDocument
{
    public static JsonObject Build(EvaluationSnapshot s)
    {
        var doc = new JsonObject
        {
            ["status"] = StatusName(s.Status),
            ["evaluation_id"] = s.EvaluationId,
            ["domain"] = s.Request?.Domain,
            ["agent_endpoint"] = s.Request?.AgentEndpoint,
            ["timestamp"] = s.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        var counts = SimulationCounts.Of(s.Trials);
        if (s.Summary is { } sum)
        {
            doc["summary"] = new JsonObject
            {
                ["total_simulations"] = sum.Simulations,
                ["total_tasks"] = s.TaskIds.Count,
                ["successful_simulations"] = sum.SuccessfulSimulations,
                ["avg_reward"] = Number(sum.AvgReward),
                ["pass_hat_k"] = new JsonObject(sum.PassHatK.OrderBy(kv => kv.Key)
                    .Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), Number(kv.Value)))),
                ["avg_agent_cost"] = Number(sum.AvgAgentCost),
                ["termination_counts"] = new JsonObject(sum.TerminationCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["infrastructure_errors"] = sum.InfrastructureErrors,
                ["total_cost"] = Number(sum.TotalCost),
                ["prompt_tokens"] = sum.PromptTokens,
                ["completion_tokens"] = sum.CompletionTokens,
                ["cached_prompt_tokens"] = sum.CachedPromptTokens,
                ["user_cost"] = Number(sum.UserCost),
                ["total_resumptions"] = counts.Resumptions,
                ["total_retried_failures"] = counts.RetriedFailures,
            };
        }
        doc["tasks"] = new JsonArray(s.TaskIds.Select(id => (JsonNode?)new JsonObject { ["task_id"] = id }).ToArray());
        doc["simulations"] = new JsonArray(s.Trials.Select(t => (JsonNode?)Simulation(t)).ToArray());
        if (s.Error is { } error)
        {
            // the seed's tool-error shape, {"error": "<CODE>", "message": ...}, when the error carries a code
            var coded = ErrorCode().Match(error);
            doc["error"] = coded.Success ? coded.Groups[1].Value : error;
            if (coded.Success) doc["message"] = error[coded.Length..];
        }
        return doc;
    }

    public static string Summary(EvaluationSnapshot s)
    {
        string what = s.Request is { } r ? $" of {r.AgentEndpoint} on the {r.Domain} domain" : "";
        string done = Done(SimulationCounts.Of(s.Trials), s.TotalTrials);
        switch (s.Status)
        {
            case EvaluationStatus.Failed:
                return $"Evaluation {s.EvaluationId}{what} failed ({done}): {s.Error ?? "unknown error"}";
            case EvaluationStatus.Cancelled:
                return $"Evaluation {s.EvaluationId}{what} was cancelled: {done}.";
            case EvaluationStatus.Completed when s.Summary is { } sum:
                var passK = string.Join(", ", sum.PassHatK.OrderBy(kv => kv.Key).Select(kv => $"pass^{kv.Key} {Format(kv.Value)}"));
                var endings = string.Join(", ", sum.TerminationCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"));
                return $"Evaluation {s.EvaluationId}{what} completed: {sum.Simulations} simulations over {s.TaskIds.Count} tasks. " +
                       $"Average reward {Format(sum.AvgReward)}" + (passK.Length > 0 ? $"; {passK}" : "") + ". " +
                       $"{sum.SuccessfulSimulations} of {sum.Simulations} simulations fully succeeded." +
                       (endings.Length > 0 ? $" Terminations: {endings}." : "") +
                       (sum.InfrastructureErrors > 0 ? $" {sum.InfrastructureErrors} simulations failed for infrastructure reasons and are not scored." : "");
            case EvaluationStatus.Completed:
                return $"Evaluation {s.EvaluationId}{what} completed: {done}.";
            default:
                return $"Evaluation {s.EvaluationId}{what} is {StatusName(s.Status)}: {done}. Poll with tasks/get {{\"id\": \"{s.EvaluationId}\"}}.";
        }
    }

    /// <summary>"3 of 10 simulations finished", with ", 7 cancelled" once any was: cancelled ones never ran to an end.</summary>
    public static string Done(SimulationCounts counts, int total) =>
        $"{counts.Finished} of {total} simulations finished" + (counts.Cancelled > 0 ? $", {counts.Cancelled} cancelled" : "");

    public static string StatusName(EvaluationStatus status) => status.ToString().ToLowerInvariant();

    private static JsonObject Simulation(TrialResult t)
    {
        var sim = new JsonObject
        {
            ["task_id"] = t.TaskId,
            ["trial"] = t.Trial,
            ["reward"] = Number(t.Reward),
            ["termination_reason"] = t.TerminationReason,
            ["duration"] = Number(t.DurationSeconds),
            ["turns"] = t.Turns,
            ["agent_cost"] = Number(t.AgentCost),
            ["user_cost"] = Number(t.UserCost),
            ["db_match"] = t.DbMatch,
            ["seed"] = t.Seed,
            // runs continued from a stored checkpoint (lost activation, crashed silo) and failed attempts retried
            ["resumptions"] = t.Resumptions,
            ["retried_failures"] = t.RetriedFailures,
        };
        if (t.Error is { } error) sim["error"] = error;
        return sim;
    }

    /// <summary>NaN and infinities become null, as in tau2-observe's response.</summary>
    private static JsonNode? Number(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;

    [System.Text.RegularExpressions.GeneratedRegex("^([A-Z][A-Z0-9_]+): ")]
    private static partial System.Text.RegularExpressions.Regex ErrorCode();

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
