using System.Text.Json;
using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// Reads a request given as a data part: <c>{"skill": "run_tau2_evaluation", "domain": ...,
/// "agent_endpoint": ..., "num_tasks": ..., "num_trials": ..., "task_ids": [...]}</c> (also
/// <c>seed</c>, <c>max_steps</c>, <c>max_errors</c> and the load-testing knob <c>simulated_turn_latency_ms</c>), <c>{"skill": "list_domains"}</c> or
/// <c>{"skill": "get_evaluation_results", "evaluation_id": ...}</c> (or <c>"list_available": true</c>
/// for the ids of known evaluations, as the reference). Without <c>skill</c> it is an evaluation.
/// </summary>
public static class StructuredRequestParser
{
    public static SkillCall Parse(JsonObject data)
    {
        string skill = ReadString(data, "skill")?.Trim().ToLowerInvariant().Replace('-', '_') ?? "run_tau2_evaluation";
        return skill switch
        {
            "run_tau2_evaluation" or "run_evaluation" => new SkillCall(GatewaySkill.RunEvaluation, new EvaluationParameters
            {
                Domain = ReadString(data, "domain"),
                AgentEndpoint = ReadString(data, "agent_endpoint"),
                NumTasks = ReadInt(data, "num_tasks"),
                NumTrials = ReadInt(data, "num_trials"),
                TaskIds = ReadStrings(data, "task_ids"),
                Seed = ReadLong(data, "seed"),
                MaxSteps = ReadInt(data, "max_steps"),
                MaxErrors = ReadInt(data, "max_errors"),
                SimulatedTurnLatencyMs = ReadInt(data, "simulated_turn_latency_ms"),
            }),
            "list_domains" => SkillCall.ListDomains,
            "get_evaluation_results" or "get_results" => ReadBool(data, "list_available") == true
                ? SkillCall.ListEvaluations
                : new SkillCall(GatewaySkill.GetResults, EvaluationId: ReadString(data, "evaluation_id")
                    ?? throw Invalid("get_evaluation_results needs \"evaluation_id\" (or \"list_available\": true for the known evaluations).")),
            _ => throw Invalid($"Unknown skill '{skill}'. Skills: run_tau2_evaluation, list_domains, get_evaluation_results."),
        };
    }

    // JSON types as the tool's schema states them (a2a.md §2.5): a string where a number or a list belongs is an error, not converted
    private static string? ReadString(JsonObject data, string key) => data[key] switch
    {
        null => null,
        JsonValue v when GivenValue.IsString(v) => v.GetValue<string>(),
        var other => throw WrongType(key, "a string", other),
    };

    private static bool? ReadBool(JsonObject data, string key) => data[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw WrongType(key, "true or false", other),
    };

    private static int? ReadInt(JsonObject data, string key) =>
        ReadLong(data, key) is { } l ? l is >= int.MinValue and <= int.MaxValue ? (int)l : throw Invalid($"\"{key}\" is out of range.") : null;

    /// <summary>An integer given as a JSON number: 2, or 2.0 (JSON Schema's <c>integer</c> accepts both).</summary>
    private static long? ReadLong(JsonObject data, string key)
    {
        var node = data[key];
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out long l)) return l;
            if (v.TryGetValue(out double d) && double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15) return (long)d;
        }
        throw WrongType(key, "a whole number (a JSON number such as 5)", node);
    }

    private static IReadOnlyList<string>? ReadStrings(JsonObject data, string key) => data[key] switch
    {
        null => null,
        JsonArray array when array.All(GivenValue.IsString) => array.Select(i => i!.GetValue<string>()).ToList(),
        JsonArray array => throw NotAllStrings(key, array),
        var other => throw WrongType(key, "a list of strings (e.g. [\"0\", \"1\"])", other),
    };

    private static JsonRpcException NotAllStrings(string key, JsonArray array)
    {
        int index = array.ToList().FindIndex(i => !GivenValue.IsString(i));
        return Invalid($"\"{key}\" must be a list of strings; item {index} is {GivenValue.Describe(array[index])}.");
    }

    private static JsonRpcException WrongType(string key, string expected, JsonNode? given) =>
        Invalid($"\"{key}\" must be {expected}; got {GivenValue.Describe(given)}.");

    private static JsonRpcException Invalid(string message) => new(JsonRpcErrorCodes.InvalidParams, message);
}
