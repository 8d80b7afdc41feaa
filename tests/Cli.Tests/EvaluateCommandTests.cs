using System.Text.Json;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Json_mode_prints_exactly_one_summary_object_on_stdout()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--num-tasks", "2", "--num-trials", "2", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var summary = doc.RootElement;
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal(1.0, summary.GetProperty("avg_reward").GetDouble());
        Assert.Equal(1.0, summary.GetProperty("pass_hat_k").GetProperty("1").GetDouble());
        Assert.Equal(1.0, summary.GetProperty("pass_hat_k").GetProperty("2").GetDouble());
        Assert.Equal(4, summary.GetProperty("simulations").GetInt32());
        Assert.Equal(4, summary.GetProperty("successful_simulations").GetInt32());
        Assert.Equal(4, summary.GetProperty("termination_counts").GetProperty("user_stop").GetInt32());
        Assert.Equal(0, summary.GetProperty("infrastructure_errors").GetInt32());
        Assert.Equal(0.0, summary.GetProperty("avg_agent_cost").GetDouble());
        Assert.Equal(0, summary.GetProperty("tokens").GetProperty("prompt").GetInt64());
        var seeds = PythonRandom.TrialSeeds(300, 2);
        Assert.Equal(
            [("inc_a", 0, seeds[0]), ("inc_b_twice", 0, seeds[0]), ("inc_a", 1, seeds[1]), ("inc_b_twice", 1, seeds[1])],
            summary.GetProperty("trials").EnumerateArray().Select(t =>
                (t.GetProperty("task_id").GetString(), t.GetProperty("trial").GetInt32(), t.GetProperty("seed").GetInt64())));
        Assert.All(summary.GetProperty("trials").EnumerateArray(), t => Assert.Equal(1.0, t.GetProperty("reward").GetDouble()));
    }

    [Fact]
    public async Task Table_mode_prints_each_task_and_the_summary_and_output_writes_the_results_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tau2obs-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--task-ids", "tell_a", "inc_a", "--output", file);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("inc_a", run.Stdout);
            Assert.Contains("tell_a", run.Stdout);
            Assert.Contains("avg reward: 1.0000", run.Stdout);
            Assert.Contains("pass^1: 1.0000", run.Stdout);
            Assert.Contains("[2/2]", run.Stderr);
            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal(["inc_a", "tell_a"], results.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
            Assert.Equal(2, results.RootElement.GetProperty("simulations").GetArrayLength());
            Assert.Equal("toy", results.RootElement.GetProperty("info").GetProperty("environment_info").GetProperty("domain_name").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unreachable_agent_fails_its_simulations_as_agent_errors_and_the_run_completes()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "http://127.0.0.1:9/a2a", "--num-tasks", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("infrastructure_errors").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("termination_counts").GetProperty("agent_error").GetInt32());
        Assert.Equal(0.0, doc.RootElement.GetProperty("avg_reward").GetDouble());
        Assert.Contains("1 simulation(s) failed: ", run.Stderr);
        Assert.Contains("Could not reach the agent at http://127.0.0.1:9/a2a", run.Stderr);
    }

    [Theory]
    [InlineData("notaurl")]
    [InlineData("ftp://127.0.0.1/a2a")]
    public async Task An_agent_that_is_neither_oracle_nor_an_http_url_is_rejected_before_anything_runs(string agent)
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", agent, "--num-tasks", "1", "--json");

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Equal($"error: --agent: '{agent}' is neither an A2A URL (http:// or https://) nor 'oracle'", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task An_unwritable_output_path_is_rejected_before_anything_runs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tau2obs-missing-{Guid.NewGuid():N}", "results.json");

        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--num-tasks", "1", "-o", path);

        Assert.Equal(CliError.BadInput, run.ExitCode);
        var error = run.Stderr.Trim();
        Assert.StartsWith($"error: --output: cannot write '{path}'", error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("evaluation ", error);
    }

    [Fact]
    public async Task The_output_check_leaves_no_file_behind_and_the_run_writes_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tau2obs-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.InvokeAsync("evaluate", "--domain", "nope", "--agent", "oracle", "-o", path);

            Assert.Equal(CliError.BadInput, run.ExitCode);
            Assert.False(File.Exists(path), "the writability check must not leave an empty results file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--num-tasks", "abc")]
    [InlineData("--num-trials", "1.5")]
    [InlineData("--seed", "x")]
    public async Task A_bad_number_is_a_one_line_error_with_exit_code_2(string option, string value)
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", option, value);

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Equal($"error: {option}: '{value}' is not a whole number", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Unknown_domain_is_a_one_line_error_listing_the_known_domains()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "nope", "--agent", "oracle");

        Assert.Equal(2, run.ExitCode);
        var error = run.Stderr.Trim();
        Assert.StartsWith("error: Unknown domain 'nope'. Known domains: ", error);
        Assert.Contains("toy", error);
        Assert.DoesNotContain('\n', error);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Unknown_task_id_is_a_one_line_error_naming_it()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--task-ids", "inc_a", "no_such_task");

        Assert.Equal(2, run.ExitCode);
        var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:"));
        Assert.Contains("no_such_task", error);
        Assert.DoesNotContain("inc_a", error);
    }

    [Fact]
    public async Task Missing_data_directory_is_a_one_line_error_naming_the_variable()
    {
        var dependencies = new CliDependencies { CreateDomains = () => new DomainRegistry(TauDataDirectory.FromEnvironment(overridePath: " ")) };

        var run = await CliRun.InvokeAsync(dependencies, "evaluate", "--domain", "toy", "--agent", "oracle");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: TAU2_DATA_DIR is not set", run.Stderr.Trim());
    }

    [Theory]
    [InlineData("--num-trials", "0", "--num-trials must be between 1 and 32 (got 0).")]
    [InlineData("--num-trials", "33", "--num-trials must be between 1 and 32 (got 33).")]
    [InlineData("--num-trials", "100000", "--num-trials must be between 1 and 32 (got 100000).")]
    [InlineData("--num-tasks", "-3", "--num-tasks must be at least 1 (got -3).")]
    [InlineData("--max-steps", "-1", "--max-steps must be at least 1 (got -1).")]
    [InlineData("--max-steps", "0", "--max-steps must be at least 1 (got 0).")]
    public async Task Sizes_beyond_the_local_limits_are_rejected_before_anything_runs(string option, string value, string message)
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", option, value);

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Equal($"error: {message}", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_client_provided_evaluation_id_names_the_evaluation()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--num-tasks", "1", "--evaluation-id", "my-eval-1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("my-eval-1", doc.RootElement.GetProperty("evaluation_id").GetString());
    }

    [Fact]
    public async Task An_evaluation_id_with_a_slash_is_rejected()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--evaluation-id", "a/b");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--evaluation-id: 'a/b' must be non-empty and must not contain '/'", run.Stderr);
    }

    [Fact]
    public async Task The_empty_criteria_correction_reaches_the_trials_through_the_cluster()
    {
        // mock's create_task_1_nl_eval has nothing in its reward basis to check: tau2 scores 1.0
        var tau2 = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--agent", "oracle", "--task-ids", "create_task_1_nl_eval", "--json");
        var corrected = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--agent", "oracle", "--task-ids", "create_task_1_nl_eval", "--json", "--correct", "empty-criteria");

        Assert.True(tau2.ExitCode == 0, tau2.ToString());
        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        using var t = JsonDocument.Parse(tau2.Stdout);
        using var c = JsonDocument.Parse(corrected.Stdout);
        Assert.Equal(1.0, t.RootElement.GetProperty("avg_reward").GetDouble());
        Assert.Equal(0, t.RootElement.GetProperty("grading_corrections").GetArrayLength());
        Assert.Equal(0.0, c.RootElement.GetProperty("avg_reward").GetDouble());
        Assert.Equal("empty-criteria", c.RootElement.GetProperty("grading_corrections")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_correction_is_rejected_before_anything_runs()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--correct", "lenient");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lenient", run.Stderr);
        Assert.DoesNotContain("evaluation ", run.Stderr);
    }

    [Fact]
    public async Task Solo_mode_is_refused_for_domains_tau2_refuses_it_for()
    {
        var run = await CliRun.InvokeAsync("evaluate", "--domain", "airline", "--agent", "oracle", "--solo");

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Contains("does not support solo mode", run.Stderr);
    }

    [Fact]
    public async Task A_cluster_address_where_nothing_listens_fails_at_once_with_a_clear_message()
    {
        int port = Tau2Observe.Cli.Clusters.FreeLoopbackPorts.Take(1)[0]; // nothing listens there

        var run = await CliRun.InvokeAsync("evaluate", "--domain", "toy", "--agent", "oracle", "--cluster", $"127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        var error = run.Stderr.Trim();
        Assert.StartsWith($"error: cannot connect to the cluster at 127.0.0.1:{port}: ", error);
        Assert.Contains($"is a silo's gateway listening on port {port}?", error);
        Assert.DoesNotContain('\n', error);
    }
}
