using System.Globalization;
using System.Text.Json;
using Tau2Observe.Cli.Commands;

namespace Tau2Observe.Cli.Tests;

/// <summary><c>tau2obs loadtest --gateway</c> against the real gateway and silo on loopback (no timing assertions).</summary>
public sealed class LoadTestThroughGatewayTests(TrafficStack stack) : IClassFixture<TrafficStack>
{
    [Fact]
    public async Task Every_simulation_started_over_a2a_completes_and_is_measured_like_the_grain_driver_does()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--gateway", stack.GatewayBase.ToString(), "--domain", "mock",
            "--simulations", "20", "--concurrency", "10", "--tasks-per-evaluation", "5", "--turn-latency-ms", "50",
            "--duration", "300", "--silo-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.Equal("gateway", r.GetProperty("driver").GetString());
        Assert.Equal(20, r.GetProperty("simulations_started").GetInt32());
        Assert.Equal(20, r.GetProperty("simulations_completed").GetInt32());
        Assert.Equal(0, r.GetProperty("simulations_lost").GetInt32());
        Assert.Equal(0, r.GetProperty("errors").GetInt32());
        Assert.Empty(r.GetProperty("common_errors").EnumerateObject());
        Assert.InRange(r.GetProperty("in_flight_peak").GetInt32(), 5, 10); // whole evaluations of 5, never past the limit of 10
        Assert.Equal(20, r.GetProperty("simulation_seconds").GetProperty("count").GetInt32());

        // turns and run times come from the stream's per-simulation events
        double turns = r.GetProperty("mean_turns").GetDouble();
        Assert.True(turns >= 2, $"mean turns {turns}");
        double latencySum = r.GetProperty("mean_latency_sum_seconds").GetDouble();
        Assert.Equal((turns - 1) * 0.05, latencySum, 3);
        // the trials waited the latency the request carried, so their own run time is at least about the waits (a lower
        // bound that load cannot break; 0.8 because Linux timers are coarse and a 50 ms delay may end a few ms early)
        Assert.True(r.GetProperty("mean_run_seconds").GetDouble() >= 0.8 * latencySum, run.Stdout);

        // the silo is this process: CPU and resident memory by --silo-pid; no Orleans client, so no managed memory
        Assert.Equal(1, r.GetProperty("silos").GetInt32());
        Assert.True(r.GetProperty("silo_resident_bytes_peak").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("silo_managed_bytes_peak").ValueKind);
        var unavailable = Assert.Single(r.GetProperty("unavailable").EnumerateArray()).GetString();
        Assert.Contains("managed memory", unavailable);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_reported_as_errors_with_the_reason_not_a_crash()
    {
        int port = Tau2Observe.Cli.Clusters.FreeLoopbackPorts.Take(1)[0]; // nothing listens there

        var run = await CliRun.InvokeAsync("loadtest", "--gateway", $"http://127.0.0.1:{port}", "--domain", "mock",
            "--simulations", "4", "--concurrency", "4", "--tasks-per-evaluation", "2", "--turn-latency-ms", "10", "--duration", "60", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.Equal(2, r.GetProperty("errors").GetInt32()); // two evaluations of two simulations, neither started
        Assert.Equal(2, r.GetProperty("start_failures").GetInt32());
        Assert.Equal(0, r.GetProperty("simulations_started").GetInt32());
        Assert.Equal(0, r.GetProperty("simulations_completed").GetInt32());
        var error = Assert.Single(r.GetProperty("common_errors").EnumerateObject());
        Assert.Equal(2, error.Value.GetInt32());
        Assert.StartsWith("gateway: Could not reach the gateway at", error.Name);
        Assert.Contains($"127.0.0.1:{port}", error.Name);
        Assert.Contains("silo CPU and resident memory: no --silo-pid given", r.GetProperty("unavailable").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task A_stream_that_ends_without_its_final_event_is_an_error_and_its_unseen_simulations_are_lost()
    {
        var gateway = new TruncatingGateway();
        await gateway.InitializeAsync();
        try
        {
            var run = await CliRun.InvokeAsync("loadtest", "--gateway", gateway.Base.ToString(), "--domain", "mock",
                "--simulations", "6", "--concurrency", "4", "--tasks-per-evaluation", "2", "--turn-latency-ms", "0", "--duration", "60", "--json");

            Assert.True(run.ExitCode == 1, run.ToString());
            using var doc = JsonDocument.Parse(run.Stdout);
            var r = doc.RootElement;
            // three evaluations of two: each stream reports one simulation and breaks off
            Assert.Equal(6, r.GetProperty("simulations_started").GetInt32());
            Assert.Equal(3, r.GetProperty("simulations_completed").GetInt32());
            Assert.Equal(3, r.GetProperty("simulations_lost").GetInt32());
            Assert.Equal(3, r.GetProperty("evaluation_failures").GetInt32());
            Assert.Equal(3, r.GetProperty("errors").GetInt32());
            var error = Assert.Single(r.GetProperty("common_errors").EnumerateObject());
            Assert.Equal(("gateway: the stream ended before the evaluation's final event", 3), (error.Name, error.Value.GetInt32()));
            Assert.Equal(5, r.GetProperty("mean_turns").GetDouble());
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_request_the_gateway_refuses_is_a_usage_error_with_its_message()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--gateway", stack.GatewayBase.ToString(), "--domain", "cooking",
            "--simulations", "2", "--concurrency", "2", "--tasks-per-evaluation", "1", "--turn-latency-ms", "0");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("the gateway refused the load test's evaluation request: Unknown domain 'cooking'", run.Stderr);
    }

    [Fact]
    public async Task A_gateway_that_wants_a_key_gets_it_from_the_environment()
    {
        string[] args = ["loadtest", "--gateway", stack.KeyedGatewayBase.ToString(), "--domain", "mock", "--simulations", "2",
            "--concurrency", "2", "--tasks-per-evaluation", "2", "--turn-latency-ms", "0", "--duration", "60", "--json"];

        var refused = await CliRun.InvokeAsync(args);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("401", refused.ToString());

        Environment.SetEnvironmentVariable(GatewayApiKey.EnvironmentVariable, TrafficStack.ApiKey);
        try
        {
            var run = await CliRun.InvokeAsync(args);
            Assert.True(run.ExitCode == 0, run.ToString());
            using var doc = JsonDocument.Parse(run.Stdout);
            Assert.Equal(2, doc.RootElement.GetProperty("simulations_completed").GetInt32());
            Assert.DoesNotContain(TrafficStack.ApiKey, run.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(GatewayApiKey.EnvironmentVariable, null);
        }
    }
}
