using System.Text.Json;
using Tau2Observe.Cli.Traffic;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Cli.Tests;

/// <summary><c>tau2obs traffic</c> against the real gateway, silo and mock agents on loopback.</summary>
public sealed class TrafficCommandTests(TrafficStack stack) : IClassFixture<TrafficStack>
{
    [Theory]
    [InlineData("weird")]
    [InlineData("Failures")]
    public async Task An_unknown_mode_is_a_one_line_error_naming_the_modes(string mode)
    {
        var run = await CliRun.InvokeAsync("traffic", "--gateway", "http://127.0.0.1:9", "--mode", mode);

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Equal($"error: --mode: '{mode}' is not a mode: give normal or failure", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Normal_mode_streams_each_evaluation_to_its_end_and_reports_its_rewards()
    {
        var run = await CliRun.InvokeAsync("traffic", "--gateway", stack.GatewayBase.ToString(), "--mock-urls", stack.Agent("/agents/oracle"),
            "--domain", "mock", "--count", "2", "--num-tasks", "2", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("requests").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("succeeded").GetInt32());
        var evaluations = doc.RootElement.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Equal([0, 1], evaluations.Select(e => e.GetProperty("index").GetInt32()));
        Assert.All(evaluations, e =>
        {
            Assert.Equal("completed", e.GetProperty("final_state").GetString());
            Assert.Equal(2, e.GetProperty("simulations").GetInt32());
            Assert.Equal(1.0, e.GetProperty("avg_reward").GetDouble());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("evaluation_id").GetString()));
            Assert.True(e.GetProperty("events").GetInt32() >= 4, "task, working, trial updates, artifact and final status");
        });
    }

    [Fact]
    public async Task Agent_urls_may_be_given_comma_separated_as_in_the_environment_variable()
    {
        var run = await CliRun.InvokeAsync("traffic", "--gateway", stack.GatewayBase.ToString(), "--domain", "mock", "--count", "2", "--num-tasks", "1",
            "--mock-urls", stack.Agent("/agents/oracle") + "," + stack.Agent("/agents/faulty/http500"), "--json");

        using var doc = JsonDocument.Parse(run.Stdout);
        var agents = doc.RootElement.GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("agent_url").GetString()).ToList();
        Assert.Equal([stack.Agent("/agents/oracle"), stack.Agent("/agents/faulty/http500")], agents);
    }

    [Fact]
    public async Task Failure_mode_with_faulty_agents_produces_zero_rewards_and_premature_terminations()
    {
        var run = await CliRun.InvokeAsync("traffic", "--gateway", stack.GatewayBase.ToString(), "--mode", "failure", "--domain", "mock", "--count", "2",
            "--mock-urls", stack.Agent("/agents/faulty/http500"), stack.Agent("/agents/faulty/malformed_tool_call"), "--json");

        using var doc = JsonDocument.Parse(run.Stdout);
        var evaluations = doc.RootElement.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.Equal(2, evaluations.Count);
        Assert.EndsWith("/agents/faulty/http500", evaluations[0].GetProperty("agent_url").GetString());
        Assert.EndsWith("/agents/faulty/malformed_tool_call", evaluations[1].GetProperty("agent_url").GetString());
        Assert.All(evaluations, e =>
        {
            // what the monitors watch: reward below 0.5 (DR-002) and terminations other than a normal stop (DR-004)
            Assert.Equal(0.0, e.GetProperty("avg_reward").GetDouble());
            var reasons = e.GetProperty("termination_counts").EnumerateObject().Select(p => p.Name).ToList();
            Assert.NotEmpty(reasons);
            Assert.DoesNotContain(TerminationReason.UserStop, reasons);
            Assert.DoesNotContain(TerminationReason.AgentStop, reasons);
        });
    }

    [Fact]
    public async Task Stopping_the_generator_cancels_the_evaluations_it_left_running_at_the_gateway()
    {
        var directory = stack.Grains.GetGrain<IEvaluationDirectoryGrain>(GrainKeys.Directory);
        var before = (await directory.List(1000)).ToHashSet();
        var settings = new TrafficSettings
        {
            GatewayRpcUrl = new Uri(stack.GatewayBase, "/a2a/tau2_agent"), AgentUrls = [stack.Agent("/agents/faulty/slow")],
            Domain = "mock", Count = 1, NumTasks = 1,
        };
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var stop = new CancellationTokenSource();
        var running = new TrafficGenerator(settings, http).RunAsync(null, stop.Token);

        // the slow agent keeps the evaluation working for minutes: wait until it exists and its stream is being read
        string id = await PollAsync(async () => (await directory.List(1000)).FirstOrDefault(e => !before.Contains(e)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var evaluation = stack.Grains.GetGrain<IEvaluationGrain>(id);
        Assert.Equal(EvaluationStatus.Cancelled, await PollAsync(async () => await evaluation.GetSnapshot() is { IsTerminal: true } s ? s.Status : (EvaluationStatus?)null));
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 30 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_unreachable_gateway_fails_every_request_with_a_clear_error_and_exit_code_1()
    {
        int port = Tau2Observe.Cli.Clusters.FreeLoopbackPorts.Take(1)[0]; // nothing listens there

        var run = await CliRun.InvokeAsync("traffic", "--gateway", $"http://127.0.0.1:{port}", "--mock-urls", stack.Agent("/agents/oracle"),
            "--domain", "mock", "--count", "2", "--json");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("succeeded").GetInt32());
        Assert.All(doc.RootElement.GetProperty("evaluations").EnumerateArray(),
            e => Assert.Contains("Could not reach the gateway at", e.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Missing_agent_urls_are_a_clear_error()
    {
        var run = await CliRun.InvokeAsync("traffic", "--gateway", stack.GatewayBase.ToString(), "--mock-urls", "not a url");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--mock-urls", run.Stderr);
    }
}
