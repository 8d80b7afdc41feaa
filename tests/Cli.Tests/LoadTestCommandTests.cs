using System.Text.Json;

namespace Tau2Observe.Cli.Tests;

/// <summary>A tiny <c>tau2obs loadtest</c> on the embedded silo: the report's fields are there and agree with each other (no timing assertions).</summary>
public sealed class LoadTestCommandTests
{
    [Fact]
    public async Task Json_report_has_every_field_and_its_counts_agree()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--domain", "toy", "--simulations", "6", "--concurrency", "4",
            "--tasks-per-evaluation", "2", "--turn-latency-ms", "20", "--duration", "120", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.Equal(6, r.GetProperty("simulations_started").GetInt32());
        Assert.Equal(6, r.GetProperty("simulations_completed").GetInt32());
        Assert.Equal(0, r.GetProperty("simulations_lost").GetInt32());
        Assert.Equal(0, r.GetProperty("errors").GetInt32());
        Assert.Equal(1, r.GetProperty("silos").GetInt32());
        Assert.Equal("grains", r.GetProperty("driver").GetString());
        Assert.Empty(r.GetProperty("unavailable").EnumerateArray()); // the embedded silo is this process, with an Orleans client
        int peak = r.GetProperty("in_flight_peak").GetInt32();
        Assert.InRange(peak, 2, 4); // whole evaluations of 2, never past the limit of 4

        var seconds = r.GetProperty("simulation_seconds");
        Assert.Equal(6, seconds.GetProperty("count").GetInt32());
        double p50 = seconds.GetProperty("p50").GetDouble(), p95 = seconds.GetProperty("p95").GetDouble(),
            p99 = seconds.GetProperty("p99").GetDouble(), max = seconds.GetProperty("max").GetDouble();
        Assert.True(0 < p50 && p50 <= p95 && p95 <= p99 && p99 <= max, $"{p50} {p95} {p99} {max}");
        Assert.True(r.GetProperty("simulations_per_second").GetDouble() > 0);
        Assert.True(r.GetProperty("mean_turns").GetDouble() >= 2);
        // the latency sum follows from the turns: (turns - greeting) x 20 ms
        Assert.Equal((r.GetProperty("mean_turns").GetDouble() - 1) * 0.02, r.GetProperty("mean_latency_sum_seconds").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("wall_over_latency_sum").ValueKind);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("turn_overhead_ms").ValueKind);
        Assert.True(r.GetProperty("silo_managed_bytes_peak").GetInt64() > 0);
        Assert.True(r.GetProperty("silo_resident_bytes_peak").GetInt64() > 0);
        Assert.True(r.GetProperty("total_seconds").GetDouble() >= r.GetProperty("launch_seconds").GetDouble());
        Assert.All(r.GetProperty("samples").EnumerateArray(), s => Assert.InRange(s.GetProperty("in_flight").GetInt32(), 0, peak));
    }

    [Fact]
    public async Task A_warm_up_runs_the_same_load_first_and_is_kept_out_of_the_figures()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--domain", "toy", "--simulations", "4", "--concurrency", "4",
            "--tasks-per-evaluation", "2", "--turn-latency-ms", "20", "--duration", "120", "--warm-up", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.Equal(1, r.GetProperty("warm_up_seconds").GetDouble());
        // a second of 4 in flight at 20 ms per turn finishes whole evaluations of 2
        int warmUp = r.GetProperty("warm_up_simulations").GetInt32();
        Assert.True(warmUp >= 2 && warmUp % 2 == 0, $"warm-up simulations: {warmUp}");
        Assert.Equal(4, r.GetProperty("simulations_completed").GetInt32());
        Assert.Equal(4, r.GetProperty("simulation_seconds").GetProperty("count").GetInt32());
        Assert.Contains("unmeasured warm-up", run.Stderr);
    }

    [Fact]
    public async Task Simulations_lost_to_the_drain_timeout_fail_the_run()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--domain", "toy", "--simulations", "2", "--concurrency", "2",
            "--tasks-per-evaluation", "2", "--turn-latency-ms", "5000", "--duration", "1", "--drain-timeout", "1", "--json");

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("simulations_lost").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("simulations_completed").GetInt32());
    }

    [Fact]
    public async Task Ctrl_c_prints_the_report_of_what_was_measured_marked_as_interrupted_and_exits_130()
    {
        var stderr = new WatchedWriter();
        using var ctrlC = new CancellationTokenSource();
        // the first progress line (every 5 s) that shows completed simulations
        var measuring = stderr.LineAsync(line => line.StartsWith("t=", StringComparison.Ordinal) && !line.Contains(" completed=0 ", StringComparison.Ordinal));
        var running = CliRun.InvokeAsync(new StringWriter(), stderr, ctrlC.Token, "loadtest", "--domain", "toy", "--simulations", "400", "--concurrency", "4",
            "--tasks-per-evaluation", "2", "--turn-latency-ms", "200", "--duration", "60", "--json");

        await measuring.WaitAsync(TimeSpan.FromSeconds(60));
        await ctrlC.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 130, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var r = doc.RootElement;
        Assert.True(r.GetProperty("interrupted").GetBoolean());
        Assert.Equal("measurement", r.GetProperty("interrupted_during").GetString());
        Assert.InRange(r.GetProperty("interrupted_after_seconds").GetDouble(), 5, r.GetProperty("total_seconds").GetDouble());
        int started = r.GetProperty("simulations_started").GetInt32(), completed = r.GetProperty("simulations_completed").GetInt32(),
            lost = r.GetProperty("simulations_lost").GetInt32();
        Assert.True(completed > 0, run.ToString());
        Assert.True(lost > 0, run.ToString()); // the simulations in flight at Ctrl+C were cancelled
        Assert.Equal(started, completed + lost);
        Assert.Equal(completed, r.GetProperty("simulation_seconds").GetProperty("count").GetInt32());
        Assert.Equal(0, r.GetProperty("errors").GetInt32());
        Assert.Contains("interrupted: cancelling the evaluations in flight", run.Stderr);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ctrl_c_during_the_warm_up_reports_that_nothing_was_measured(bool json)
    {
        var stderr = new WatchedWriter();
        using var ctrlC = new CancellationTokenSource();
        var begun = stderr.LineAsync(line => line.StartsWith("loadtest: up to", StringComparison.Ordinal));
        string[] args = ["loadtest", "--domain", "toy", "--simulations", "10", "--concurrency", "4", "--tasks-per-evaluation", "2",
            "--turn-latency-ms", "200", "--warm-up", "600"];
        var running = CliRun.InvokeAsync(new StringWriter(), stderr, ctrlC.Token, json ? [.. args, "--json"] : args);

        await begun.WaitAsync(TimeSpan.FromSeconds(60));
        await ctrlC.CancelAsync();
        var run = await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 130, run.ToString());
        if (json)
        {
            using var doc = JsonDocument.Parse(run.Stdout);
            var r = doc.RootElement;
            Assert.True(r.GetProperty("interrupted").GetBoolean());
            Assert.Equal("warm-up", r.GetProperty("interrupted_during").GetString());
            Assert.Equal(0, r.GetProperty("simulations_started").GetInt32());
            Assert.Equal(0, r.GetProperty("simulations_completed").GetInt32());
            Assert.Equal(0, r.GetProperty("simulation_seconds").GetProperty("count").GetInt32());
        }
        else
        {
            Assert.Contains("interrupted during the warm-up after", run.Stdout);
            Assert.Contains("nothing was measured", run.Stdout);
        }
    }

    [Fact]
    public async Task An_evaluation_larger_than_the_concurrency_limit_is_a_clear_error()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--domain", "toy", "--concurrency", "2", "--tasks-per-evaluation", "3");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("more than --concurrency", run.Stderr);
    }

    [Fact]
    public async Task More_trials_per_evaluation_than_evaluate_allows_is_a_clear_error()
    {
        var run = await CliRun.InvokeAsync("loadtest", "--domain", "toy", "--concurrency", "1000", "--trials-per-evaluation", "33");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--trials-per-evaluation must be between 1 and 32 (got 33)", run.Stderr);
    }
}
