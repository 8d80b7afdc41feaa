using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Telemetry;

namespace Tau2Observe.Datadog.LlmObs;

/// <summary>
/// Sends a finished trial to LLM Observability over the documented HTTP API (spec §C.2), agentless,
/// with only <c>DD_API_KEY</c>. The trial goes in as a root <c>workflow</c> span whose ids are the
/// trial Activity's (so it links to the APM trace), and its evaluations are joined to that span:
/// one span per trial, unlike the seed, which piled every task's evaluations onto one span (spec §F.3).
/// Without an API key it does nothing; failures are logged, never thrown, so telemetry cannot fail a trial.
/// </summary>
public sealed class LlmObsEvaluationSubmitter(
    HttpClient http,
    LlmObsOptions options,
    ILogger<LlmObsEvaluationSubmitter>? logger = null,
    TimeProvider? time = null)
{
    public const string SpansPath = "api/intake/llm-obs/v1/trace/spans";
    public const string EvaluationsPath = "api/intake/llm-obs/v2/eval-metric";

    private readonly ILogger _logger = logger ?? NullLogger<LlmObsEvaluationSubmitter>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public bool IsEnabled => options.Settings.ApiKey is not null;

    /// <summary>Submits the trial span and its evaluations; true when Datadog accepted both.</summary>
    /// <param name="trialSpan">The context of the trial's <c>tau2.trial</c> Activity.</param>
    public async Task<bool> SubmitAsync(
        SimulationRun run, string domain, string evaluationId, string agentEndpoint, ActivityContext trialSpan, CancellationToken ct = default)
    {
        if (!IsEnabled) return false;
        if (trialSpan.TraceId == default || trialSpan.SpanId == default)
        {
            _logger.LogWarning("LLM Observability: trial {TaskId} has no span context; its evaluations are not sent", run.TaskId);
            return false;
        }

        var tags = Tags(run, domain, evaluationId, agentEndpoint);
        var join = new JsonObject
        {
            ["span"] = new JsonObject { ["span_id"] = LlmObsIds.SpanId(trialSpan.SpanId), ["trace_id"] = LlmObsIds.TraceId(trialSpan.TraceId) },
        };
        try
        {
            await PostAsync(SpansPath, SpanBody(run, domain, evaluationId, trialSpan, tags), ct);
            await PostAsync(EvaluationsPath, EvaluationBody(run, join, tags), ct);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _logger.LogWarning("LLM Observability: trial {TaskId} not submitted: {Reason}", run.TaskId, options.Settings.Redact(e.Message));
            return false;
        }
    }

    private JsonObject SpanBody(SimulationRun run, string domain, string evaluationId, ActivityContext trialSpan, JsonArray tags)
    {
        double reward = run.RewardInfo?.Reward ?? 0.0;
        var meta = new JsonObject
        {
            ["kind"] = "workflow",
            ["input"] = new JsonObject { ["value"] = $"{domain} task {run.TaskId}, trial {run.Trial ?? 0}" },
            ["output"] = new JsonObject { ["value"] = $"{run.TerminationReason}, reward {reward.ToString(CultureInfo.InvariantCulture)}" },
            ["metadata"] = new JsonObject { ["termination_reason"] = run.TerminationReason, ["reward"] = reward, ["trial"] = run.Trial ?? 0 },
        };
        if (run.Error is not null)
            meta["error"] = new JsonObject { ["message"] = run.Error, ["type"] = run.TerminationReason };

        var span = new JsonObject
        {
            ["name"] = SpanNames.Trial,
            ["span_id"] = LlmObsIds.SpanId(trialSpan.SpanId),
            ["trace_id"] = LlmObsIds.TraceId(trialSpan.TraceId),
            ["parent_id"] = "undefined",
            ["start_ns"] = StartNanoseconds(run),
            ["duration"] = run.Duration * 1e9,
            ["status"] = run.Error is null ? "ok" : "error",
            ["apm_trace_id"] = trialSpan.TraceId.ToHexString(),
            ["meta"] = meta,
            ["tags"] = tags.DeepClone(),
        };
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["type"] = "span",
                ["attributes"] = new JsonObject { ["ml_app"] = options.MlApp, ["session_id"] = evaluationId, ["spans"] = new JsonArray(span) },
            },
        };
    }

    /// <summary>reward and termination always; db_check and the communicate pass rate when the task has those checks.</summary>
    private JsonObject EvaluationBody(SimulationRun run, JsonObject join, JsonArray tags)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        JsonObject Metric(string label, string type, string valueField, JsonNode value) => new()
        {
            ["join_on"] = join.DeepClone(),
            ["ml_app"] = options.MlApp,
            ["timestamp_ms"] = now,
            ["metric_type"] = type,
            ["label"] = label,
            [valueField] = value,
            ["tags"] = tags.DeepClone(),
        };
        JsonObject Score(string label, double value) => Metric(label, "score", "score_value", JsonValue.Create(value));
        JsonObject Category(string label, string value) => Metric(label, "categorical", "categorical_value", JsonValue.Create(value));

        var info = run.RewardInfo;
        var metrics = new JsonArray
        {
            Score("tau2.task.reward", info?.Reward ?? 0.0),
            Category("tau2.task.termination", run.TerminationReason),
        };
        if (info?.DbCheck is { } db)
            metrics.Add(Category("tau2.assertion.db_check", db.GetOrDefault("db_match") is true ? "pass" : "fail"));
        if (info?.CommunicateChecks is { Count: > 0 } checks)
            metrics.Add(Score("tau2.assertion.communicate_pass_rate", checks.Count(c => c.GetOrDefault("met") is true) / (double)checks.Count));

        return new JsonObject
        {
            ["data"] = new JsonObject { ["type"] = "evaluation_metric", ["attributes"] = new JsonObject { ["metrics"] = metrics } },
        };
    }

    private JsonArray Tags(SimulationRun run, string domain, string evaluationId, string agentEndpoint) =>
    [
        $"env:{options.Env}", $"domain:{domain}", $"task_id:{run.TaskId}",
        $"evaluation_id:{evaluationId}", $"agent_endpoint:{TrialMetrics.AgentEndpointTag(agentEndpoint)}", $"trial:{run.Trial ?? 0}",
    ];

    /// <summary>The trial's recorded start (tau2 writes local time without an offset); if unreadable, now minus its duration.</summary>
    private long StartNanoseconds(SimulationRun run)
    {
        var start = DateTimeOffset.TryParse(run.StartTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed)
            ? parsed
            : _time.GetUtcNow() - TimeSpan.FromSeconds(run.Duration);
        return (start - DateTimeOffset.UnixEpoch).Ticks * 100;
    }

    private async Task PostAsync(string path, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Settings.ApiBaseAddress, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("DD-API-KEY", options.Settings.ApiKey);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
    }
}
