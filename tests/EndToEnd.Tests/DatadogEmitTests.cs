using Microsoft.Extensions.DependencyInjection;
using Tau2Observe.Cli;
using Tau2Observe.Engine.Running;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.Tests.FakeDatadogAgent;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary><c>tau2obs datadog emit</c> against a running silo that stores evaluations, exporting to the fake agent.</summary>
public class DatadogEmitTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;
    private string _evaluationId = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>(), new DefaultParticipantResolver());
        _evaluationId = "emit-" + Guid.NewGuid().ToString("N")[..8];
        var grain = _silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IEvaluationGrain>(_evaluationId);
        await grain.Start(new EvaluationRequest { Domain = "mock", AgentEndpoint = "oracle", NumTasks = 2, NumTrials = 2 });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await grain.GetSnapshot()).Status != EvaluationStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, "the evaluation did not complete");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Emit_all_re_sends_every_catalogue_metric_of_the_stored_evaluation()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();

        var (exit, _, stderr) = await RunAsync(agent, "datadog", "emit", "--all", "--cluster", $"127.0.0.1:{_silo.GatewayPort}");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"emitted {_evaluationId}: 4 simulations", stderr);
        var points = CatalogueAssertions.EveryMetricWithItsTags(agent.MetricPoints, _evaluationId, "tau2obs", simulations: 4,
            [.. CatalogueAssertions.OfTasksWithActions, "tau2.simulator.cost_usd", "tau2.llm.token_cost", "tau2.model.cost_per_task"]);
        Assert.All(points, p => Assert.Equal("backfill", p.Resource.GetValueOrDefault("deployment.environment.name")));
        Assert.Empty(agent.Rejected);
    }

    [Fact]
    public async Task Dry_run_prints_the_points_and_sends_nothing()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();

        var (exit, stdout, stderr) = await RunAsync(agent, "datadog", "emit", "--evaluation-id", _evaluationId, "--dry-run", "--cluster", $"127.0.0.1:{_silo.GatewayPort}");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"would emit {_evaluationId}", stderr);
        Assert.Contains($"[DRY RUN] distribution tau2.task.duration_seconds=", stdout);
        Assert.Contains($"[DRY RUN] count tau2.termination=1 tags=[domain:mock,evaluation_id:{_evaluationId},", stdout);
        Assert.Contains($"[DRY RUN] gauge tau2.evaluation.pass_hat_k=", stdout);
        Assert.Empty(agent.MetricPoints);
    }

    [Fact]
    public async Task Unknown_evaluations_missing_options_and_a_missing_endpoint_are_clear_errors()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();
        string cluster = $"127.0.0.1:{_silo.GatewayPort}";

        var unknown = await RunAsync(agent, "datadog", "emit", "--evaluation-id", "no-such-evaluation", "--cluster", cluster);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("error: no evaluation 'no-such-evaluation' in the cluster", unknown.Stderr);

        var neither = await RunAsync(agent, "datadog", "emit", "--cluster", cluster);
        Assert.NotEqual(0, neither.Exit);
        Assert.Contains("give either --evaluation-id ID... or --all", neither.Stderr);

        var noEndpoint = await RunAsync(null, "datadog", "emit", "--all", "--cluster", cluster);
        Assert.Equal(CliError.BadInput, noEndpoint.Exit);
        Assert.Contains("set OTEL_EXPORTER_OTLP_ENDPOINT", noEndpoint.Stderr);

        var noCluster = await RunAsync(agent, "datadog", "emit", "--all");
        Assert.Contains("pass --cluster or set TAU2OBS_CLUSTER", noCluster.Stderr);
        // (other tests in this process may record metrics while an exporter is open, so only this id is checked)
        Assert.DoesNotContain(agent.MetricPoints, p => p.Tag("evaluation_id") == "no-such-evaluation");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(FakeDatadogAgent? agent, params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["DD_ENV"] = "backfill",
        };
        if (agent is not null) environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = agent.Endpoint;
        var dependencies = new CliDependencies { GetEnvironmentVariable = name => environment.GetValueOrDefault(name) };
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int exit = await CliApp.RunAsync(args, dependencies, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
