using System.Text.Json;
using Tau2Observe.MockAgents;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

/// <summary>
/// The same oracle built in and over A2A (MockAgents): the built-in one calls no model, so its cost is
/// known to be 0, as tau2's greeting is; the A2A one reports no usage, so its cost is unknown (null, as
/// tau2 records it), while the scripted user's cost stays known.
/// </summary>
public sealed class EvaluateCostTests
{
    [Fact]
    public async Task The_built_in_oracle_costs_zero()
    {
        var json = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--task-ids", "create_task_1", "--agent", "oracle", "--json");
        var table = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--task-ids", "create_task_1", "--agent", "oracle");

        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal((0.0, 0.0, 0.0), (doc.RootElement.GetProperty("avg_agent_cost").GetDouble(),
            doc.RootElement.GetProperty("user_cost").GetDouble(), doc.RootElement.GetProperty("total_cost").GetDouble()));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("cost (USD): agent avg 0.0000 per simulation, user 0.0000, total (agent and user) 0.0000", table.Stdout);
        Assert.DoesNotContain("n/a", table.Stdout);
    }

    [Fact]
    public async Task An_a2a_agent_that_reports_no_cost_has_an_unknown_cost_and_the_output_says_why()
    {
        await using var agents = MockAgentsApp.Create(["--urls", "http://127.0.0.1:0", "--TAU2_DATA_DIR", TestDomains.DataDir, "--Logging:LogLevel:Default", "Warning"]);
        await agents.StartAsync();
        string oracle = agents.Urls.First() + "/agents/oracle";

        var json = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--task-ids", "create_task_1", "--agent", oracle, "--json");
        var table = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--task-ids", "create_task_1", "--agent", oracle);

        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1.0, doc.RootElement.GetProperty("avg_reward").GetDouble()); // the same run as the built-in oracle's
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("avg_agent_cost").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("total_cost").ValueKind);
        Assert.Equal(0.0, doc.RootElement.GetProperty("user_cost").GetDouble()); // the scripted user calls no model either
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("cost (USD): agent avg n/a per simulation, user 0.0000, total (agent and user) n/a", table.Stdout);
        Assert.Contains("n/a: not known, because a message had no cost: an A2A agent that reports no usage", table.Stdout);
    }
}
