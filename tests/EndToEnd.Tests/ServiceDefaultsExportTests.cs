using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Tau2Observe.Engine.Telemetry;
using Tau2Observe.ServiceDefaults;
using Tau2Observe.Tests.FakeDatadogAgent;

namespace Tau2Observe.EndToEnd.Tests;

/// <summary>AddServiceDefaults exports over OTLP when, and only when, OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public class ServiceDefaultsExportTests
{
    [Fact]
    public async Task With_an_endpoint_spans_and_metrics_reach_the_agent_with_service_env_and_version()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();
        string probe = Guid.NewGuid().ToString("N");

        await RunHostAsync(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = agent.Endpoint, ["DD_ENV"] = "staging", ["DD_VERSION"] = "1.2.3" }, probe);

        var span = Assert.Single(agent.Spans, s => (string?)s["resource.name"] == probe);
        Assert.Equal("export-probe-service", span.ServiceName);
        Assert.Equal("staging", span.Resource["deployment.environment.name"]);
        Assert.Equal("1.2.3", span.Resource["service.version"]);
        var point = Assert.Single(agent.MetricPoints, p => p.Name == "tau2.task.total" && p.Tag("task_id") == probe);
        Assert.Equal("delta", point.Temporality);
        Assert.Empty(agent.Rejected);
    }

    [Fact]
    public async Task Without_the_endpoint_nothing_is_exported_even_where_signal_endpoints_are_set()
    {
        await using var agent = await FakeDatadogAgent.StartAsync();
        string probe = Guid.NewGuid().ToString("N");

        // had the exporter been wired, these signal-specific endpoints would have been used
        await RunHostAsync(new()
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = agent.Endpoint + "/v1/traces",
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = agent.Endpoint + "/v1/metrics",
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = agent.Endpoint + "/v1/logs",
        }, probe);

        Assert.Empty(agent.Spans);
        Assert.Empty(agent.MetricPoints);
        Assert.Equal(0, agent.LogBatches);
    }

    /// <summary>Starts a host with the service defaults, records one span and one counter point, and stops it (which flushes).</summary>
    private static async Task RunHostAsync(Dictionary<string, string?> configuration, string probe)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "export-probe" });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults("export-probe-service");
        using var host = builder.Build();
        await host.StartAsync();
        using (Spans.Start("tau2.export_probe", probe)) { }
        var run = new Engine.Simulation.SimulationRun { TaskId = probe, StartTime = "", EndTime = "", TerminationReason = "user_stop" };
        TrialMetrics.Record(run, "mock", "probe-evaluation", "http://127.0.0.1/agent");
        await host.StopAsync();
    }
}
