using System.Diagnostics;
using System.Text.Json.Nodes;
using Tau2Observe.Datadog.LlmObs;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Datadog.Tests;

public sealed class LlmObsEvaluationSubmitterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActivityContext TrialSpan = new(
        ActivityTraceId.CreateFromString("0af7651916cd43dd8448eb211c80319c"),
        ActivitySpanId.CreateFromString("b7ad6b7169203331"),
        ActivityTraceFlags.Recorded);

    private FakeDatadogApi _fake = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _fake = await FakeDatadogApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private LlmObsEvaluationSubmitter Submitter(string? apiKey = FakeDatadogApi.ApiKey) =>
        new(_http, new LlmObsOptions(new DatadogSettings(apiKey, null, "fake.test", _fake.BaseAddress), "tau2-bench-agent", "test"),
            time: new FixedTime(Now));

    private static SimulationRun Run(RewardInfo? reward = null, string termination = TerminationReason.AgentStop) => new()
    {
        TaskId = "task_7",
        StartTime = "2026-03-01T11:59:30",
        EndTime = "2026-03-01T12:00:00",
        Duration = 30.5,
        TerminationReason = termination,
        Trial = 2,
        RewardInfo = reward,
    };

    [Fact]
    public async Task Sends_the_trial_span_and_its_evaluations_in_the_documented_shape()
    {
        var reward = new RewardInfo
        {
            Reward = 1.0,
            DbCheck = new PyDict { ["db_match"] = true },
            CommunicateChecks = [new PyDict { ["met"] = true }, new PyDict { ["met"] = false }],
        };

        bool accepted = await Submitter().SubmitAsync(Run(reward), "airline", "eval-1", "https://agent.example:8080/a2a", TrialSpan);

        Assert.True(accepted);
        var spanBody = Assert.Single(_fake.SpanPayloads);
        Assert.Equal("span", spanBody["data"]!["type"]!.GetValue<string>());
        var attributes = spanBody["data"]!["attributes"]!;
        Assert.Equal("tau2-bench-agent", attributes["ml_app"]!.GetValue<string>());
        Assert.Equal("eval-1", attributes["session_id"]!.GetValue<string>());
        var span = Assert.Single(attributes["spans"]!.AsArray())!;
        Assert.Equal("tau2.trial", span["name"]!.GetValue<string>());
        Assert.Equal("13235353014750950193", span["span_id"]!.GetValue<string>());
        Assert.Equal(UInt128.Parse("0af7651916cd43dd8448eb211c80319c", System.Globalization.NumberStyles.HexNumber).ToString(), span["trace_id"]!.GetValue<string>());
        Assert.Equal("undefined", span["parent_id"]!.GetValue<string>());
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span["apm_trace_id"]!.GetValue<string>());
        Assert.Equal(30.5e9, span["duration"]!.GetValue<double>());
        var expectedStart = new DateTimeOffset(new DateTime(2026, 3, 1, 11, 59, 30, DateTimeKind.Local));
        Assert.Equal((expectedStart - DateTimeOffset.UnixEpoch).Ticks * 100, span["start_ns"]!.GetValue<long>());
        Assert.Equal("workflow", span["meta"]!["kind"]!.GetValue<string>());
        Assert.Equal("ok", span["status"]!.GetValue<string>());
        Assert.Contains("agent_endpoint:agent.example:8080/a2a", span["tags"]!.AsArray().Select(t => t!.GetValue<string>()));

        var evaluationBody = Assert.Single(_fake.EvaluationPayloads);
        Assert.Equal("evaluation_metric", evaluationBody["data"]!["type"]!.GetValue<string>());
        var metrics = evaluationBody["data"]!["attributes"]!["metrics"]!.AsArray().Select(m => m!.AsObject()).ToDictionary(m => m["label"]!.GetValue<string>());
        Assert.Equal(["tau2.task.reward", "tau2.task.termination", "tau2.assertion.db_check", "tau2.assertion.communicate_pass_rate"], metrics.Keys);
        foreach (var metric in metrics.Values)
        {
            Assert.Equal(span["span_id"]!.GetValue<string>(), metric["join_on"]!["span"]!["span_id"]!.GetValue<string>());
            Assert.Equal(span["trace_id"]!.GetValue<string>(), metric["join_on"]!["span"]!["trace_id"]!.GetValue<string>());
            Assert.Equal("tau2-bench-agent", metric["ml_app"]!.GetValue<string>());
            Assert.Equal(Now.ToUnixTimeMilliseconds(), metric["timestamp_ms"]!.GetValue<long>());
            Assert.Contains("task_id:task_7", metric["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
        AssertMetric(metrics["tau2.task.reward"], "score", "score_value", 1.0);
        AssertMetric(metrics["tau2.task.termination"], "categorical", "categorical_value", "agent_stop");
        AssertMetric(metrics["tau2.assertion.db_check"], "categorical", "categorical_value", "pass");
        AssertMetric(metrics["tau2.assertion.communicate_pass_rate"], "score", "score_value", 0.5);

        var headers = _fake.IntakeHeaders;
        Assert.Equal(2, headers.Count);
        Assert.All(headers, h => Assert.Equal(FakeDatadogApi.ApiKey, h["DD-API-KEY"]));
        Assert.All(headers, h => Assert.StartsWith("application/json", h["Content-Type"]));
    }

    [Fact]
    public async Task Sends_only_reward_and_termination_when_the_task_has_no_db_or_communicate_checks()
    {
        var run = Run(new RewardInfo { Reward = 0.0 }, TerminationReason.TooManyErrors);
        run.Error = "too many invalid tool calls";

        Assert.True(await Submitter().SubmitAsync(run, "retail", "eval-2", "http://agent", TrialSpan));

        var labels = _fake.EvaluationPayloads.Single()["data"]!["attributes"]!["metrics"]!.AsArray().Select(m => m!["label"]!.GetValue<string>());
        Assert.Equal(["tau2.task.reward", "tau2.task.termination"], labels);
        var span = _fake.SpanPayloads.Single()["data"]!["attributes"]!["spans"]![0]!;
        Assert.Equal("error", span["status"]!.GetValue<string>());
        Assert.Equal("too many invalid tool calls", span["meta"]!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Does_nothing_without_an_api_key()
    {
        var submitter = Submitter(apiKey: null);

        Assert.False(submitter.IsEnabled);
        Assert.False(await submitter.SubmitAsync(Run(new RewardInfo { Reward = 1.0 }), "airline", "eval-1", "http://agent", TrialSpan));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Sends_nothing_without_a_trial_span_context()
    {
        Assert.False(await Submitter().SubmitAsync(Run(new RewardInfo { Reward = 1.0 }), "airline", "eval-1", "http://agent", default));
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task A_rejected_key_is_reported_as_false_not_thrown()
    {
        _fake.RejectAllKeys = true;

        Assert.False(await Submitter().SubmitAsync(Run(new RewardInfo { Reward = 1.0 }), "airline", "eval-1", "http://agent", TrialSpan));
        Assert.Empty(_fake.EvaluationPayloads);
    }

    [Fact]
    public void Ids_are_sent_as_decimal_strings()
    {
        Assert.Equal("255", LlmObsIds.SpanId(ActivitySpanId.CreateFromString("00000000000000ff")));
        Assert.Equal("18446744073709551616", LlmObsIds.TraceId(ActivityTraceId.CreateFromString("00000000000000010000000000000000")));
    }

    private static void AssertMetric(JsonObject metric, string type, string field, object value)
    {
        Assert.Equal(type, metric["metric_type"]!.GetValue<string>());
        Assert.Equal(value, value is double ? metric[field]!.GetValue<double>() : metric[field]!.GetValue<string>());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
