using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Datadog.LlmObs;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;

namespace Tau2Observe.Datadog.Tests;

/// <summary>The silo's hook: registered only with an API key, it submits each trial joined to the trial's own span.</summary>
public sealed class LlmObsTrialListenerTests : IAsyncLifetime
{
    private FakeDatadogApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDatadogApi.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public void Without_an_api_key_nothing_is_registered()
    {
        var services = new ServiceCollection();

        bool added = services.AddLlmObsEvaluations(new LlmObsOptions(new DatadogSettings(null, null)));

        Assert.False(added);
        Assert.Empty(services.BuildServiceProvider().GetServices<ITrialListener>());
    }

    [Fact]
    public async Task With_an_api_key_each_finished_trial_is_submitted_under_its_trace_context()
    {
        var services = new ServiceCollection();
        Assert.True(services.AddLlmObsEvaluations(new LlmObsOptions(_fake.Settings, "tau2-bench-agent", "test")));
        var listener = Assert.Single(services.BuildServiceProvider().GetServices<ITrialListener>());
        var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var run = new SimulationRun
        {
            TaskId = "task_1", StartTime = "2026-03-01T11:59:30", EndTime = "2026-03-01T12:00:00", Duration = 30,
            TerminationReason = TerminationReason.UserStop, Trial = 0, RewardInfo = new RewardInfo { Reward = 1.0 }, TraceContext = context,
        };

        await listener.TrialFinishedAsync(run, "mock", "eval-9", "http://127.0.0.1:5101/agents/oracle", CancellationToken.None);

        var span = Assert.Single(_fake.SpanPayloads)["data"]!["attributes"]!["spans"]![0]!;
        Assert.Equal(LlmObsIds.SpanId(context.SpanId), span["span_id"]!.GetValue<string>());
        Assert.Equal(context.TraceId.ToHexString(), span["apm_trace_id"]!.GetValue<string>());
        var evaluation = Assert.Single(_fake.EvaluationPayloads)["data"]!["attributes"]!["metrics"]![0]!;
        Assert.Equal(LlmObsIds.TraceId(context.TraceId), evaluation["join_on"]!["span"]!["trace_id"]!.GetValue<string>());
    }
}
