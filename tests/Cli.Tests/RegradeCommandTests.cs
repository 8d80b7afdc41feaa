using System.Text.Json;
using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Values;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Cli.Tests;

public sealed class RegradeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau2obs-regrade-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Our_own_results_file_round_trips_through_regrade_unchanged()
    {
        var results = Path.Combine(_dir, "mock-oracle.json");
        var evaluate = await CliRun.InvokeAsync("evaluate", "--domain", "mock", "--agent", "oracle", "--num-trials", "2", "--output", results, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var outDir = Path.Combine(_dir, "out");

        var run = await CliRun.InvokeAsync("regrade", results, "--output-dir", outDir, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("files")[0];
        var evaluated = JsonDocument.Parse(evaluate.Stdout).RootElement;
        Assert.Equal("mock", summary.GetProperty("domain").GetString());
        Assert.Equal(18, summary.GetProperty("simulations").GetInt32());
        Assert.Equal(0, summary.GetProperty("changed").GetInt32());
        Assert.Equal(0, summary.GetProperty("not_graded").GetInt32());
        Assert.Equal(evaluated.GetProperty("avg_reward").GetDouble(), summary.GetProperty("avg_reward").GetDouble(), 12);
        Assert.Equal(
            evaluated.GetProperty("pass_hat_k").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())),
            summary.GetProperty("pass_hat_k").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())));

        // the re-graded file is our file with the same rewards, in the same tau2 shape
        var updated = Path.Combine(outDir, "updated_mock-oracle.json");
        Assert.Equal(updated, summary.GetProperty("output").GetString());
        var before = (PyDict)PyJson.Parse(await File.ReadAllTextAsync(results))!;
        var after = (PyDict)PyJson.Parse(await File.ReadAllTextAsync(updated))!;
        Assert.Equal(["timestamp", "info", "tasks", "simulations"], after.Keys);
        AssertTau2Shape(before);
        var mismatches = new List<string>();
        JsonDiff.Compare("results", before, after, mismatches);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>tau2-engine §1.4-1.6: field names and order of info, SimulationRun, messages and reward_info.</summary>
    private static void AssertTau2Shape(PyDict results)
    {
        var info = (PyDict)results["info"]!;
        Assert.Equal(["git_commit", "num_trials", "max_steps", "max_errors", "user_info", "agent_info", "environment_info", "seed"], info.Keys);
        Assert.Equal(["implementation", "llm", "llm_args", "global_simulation_guidelines"], ((PyDict)info["user_info"]!).Keys);
        Assert.Equal(["implementation", "llm", "llm_args"], ((PyDict)info["agent_info"]!).Keys);
        Assert.Equal(["domain_name", "policy", "tool_defs"], ((PyDict)info["environment_info"]!).Keys);
        Assert.Null(((PyDict)info["environment_info"]!)["tool_defs"]);
        Assert.All((List<object?>)results["tasks"]!, t =>
            Assert.Equal(["id", "description", "user_scenario", "ticket", "initial_state", "evaluation_criteria"], ((PyDict)t!).Keys));
        foreach (var sim in ((List<object?>)results["simulations"]!).Cast<PyDict>())
        {
            Assert.Equal(["id", "task_id", "timestamp", "start_time", "end_time", "duration", "termination_reason", "agent_cost", "user_cost", "reward_info", "messages", "trial", "seed"], sim.Keys);
            Assert.Equal(["reward", "db_check", "env_assertions", "action_checks", "nl_assertions", "communicate_checks", "reward_basis", "reward_breakdown", "info"],
                ((PyDict)sim["reward_info"]!).Keys);
            var messages = ((List<object?>)sim["messages"]!).Cast<PyDict>().ToList();
            Assert.Equal(Enumerable.Range(0, messages.Count).Select(i => (object?)(long)i), messages.Select(m => m["turn_idx"]));
            foreach (var m in messages)
            {
                if ((string)m["role"]! == "tool")
                    Assert.Equal(["id", "role", "content", "requestor", "error", "turn_idx", "timestamp"], m.Keys);
                else
                    Assert.Equal(["role", "content", "tool_calls", "turn_idx", "timestamp", "cost", "usage", "raw_data"], m.Keys);
                foreach (var call in (m.GetOrDefault("tool_calls") as List<object?> ?? []).Cast<PyDict>())
                    Assert.Equal(["id", "name", "arguments", "requestor"], call.Keys);
            }
        }
    }

    [Fact]
    public async Task A_tau2_bench_results_file_is_regraded_to_tau2s_rewards_and_the_changes_are_listed()
    {
        var vectors = Tau2ResultsFiles.GradedVectors("retail.evaluation.jsonl", 12);
        var file = Write("tau2-retail.json", PyJson.Dumps(Tau2ResultsFiles.Build("retail", vectors, storedReward: 0.5)));

        var run = await CliRun.InvokeAsync("regrade", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("tau2-retail.json: domain retail, 12 simulations, 12 reward(s) differ from the stored ones, 0 could not be graded", run.Stdout);
        double avg = vectors.Average(v => PyValue.ToDouble(((PyDict)v["expected_reward_info"]!)["reward"]));
        Assert.Contains($"avg reward: {avg.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)}", run.Stdout);
        Assert.Contains("changed: task ", run.Stdout);
        Assert.Empty(Directory.GetDirectories(_dir)); // nothing written without --output-dir
    }

    /// <summary>
    /// tau2 mock trajectories that ended well, re-labelled as runs of <c>create_task_1_nl_eval</c>, whose
    /// criteria (no actions, no assertions) need no replay: tau2 scores any such run 1.0.
    /// </summary>
    private static List<PyDict> NlEvalRuns(int count)
    {
        var task = TestDomains.CreateRegistry().Get("mock").LoadTasks(null).Single(t => t.Id == "create_task_1_nl_eval").ToPy();
        return Tau2ResultsFiles.GradedVectors("mock.evaluation.jsonl", 25)
            .Where(v => (string)((PyDict)v["simulation"]!)["termination_reason"]! == "user_stop")
            .Take(count)
            .Select(v =>
            {
                var clone = PyValue.DeepClone(v);
                clone["task"] = PyValue.DeepClone(task);
                clone["task_id"] = "create_task_1_nl_eval";
                return clone;
            })
            .ToList();
    }

    [Fact]
    public async Task Corrections_apply_to_regrading()
    {
        // create_task_1_nl_eval has nothing in its reward basis to check
        var vectors = NlEvalRuns(3);
        var file = Write("nl-eval.json", PyJson.Dumps(Tau2ResultsFiles.Build("mock", vectors, storedReward: 1.0)));

        var tau2 = await CliRun.InvokeAsync("regrade", file, "--json");
        var corrected = await CliRun.InvokeAsync("regrade", file, "--json", "--correct", "empty-criteria");

        Assert.True(tau2.ExitCode == 0, tau2.ToString());
        Assert.True(corrected.ExitCode == 0, corrected.ToString());
        var t = JsonDocument.Parse(tau2.Stdout).RootElement.GetProperty("files")[0];
        var c = JsonDocument.Parse(corrected.Stdout).RootElement.GetProperty("files")[0];
        Assert.Equal(1.0, t.GetProperty("avg_reward").GetDouble());
        Assert.Equal(0, t.GetProperty("changed").GetInt32());
        Assert.Equal(0.0, c.GetProperty("avg_reward").GetDouble());
        Assert.Equal(vectors.Count, c.GetProperty("changed").GetInt32());
        Assert.Equal("empty-criteria", c.GetProperty("grading_corrections")[0].GetString());
    }

    [Fact]
    public async Task Nl_assertion_tasks_are_graded_by_the_judge_named_on_the_command_line()
    {
        // a tau2 mock trajectory, re-graded against the same task in the newer format: basis [NL_ASSERTION]
        var results = Tau2ResultsFiles.Build("mock", NlEvalRuns(1));
        var task = (PyDict)((List<object?>)results["tasks"]!)[0]!;
        ((PyDict)task["evaluation_criteria"]!)["reward_basis"] = new List<object?> { "NL_ASSERTION" };
        var file = Write("nl.json", PyJson.Dumps(results));
        var judge = new FixedVerdictJudge(_ => false);
        var dependencies = new CliDependencies { CreateDomains = TestDomains.CreateRegistry, CreateJudge = model => model == "judge-model" ? judge : throw new ArgumentException(model) };

        var withoutJudge = await CliRun.InvokeAsync(dependencies, "regrade", file);
        var withJudge = await CliRun.InvokeAsync(dependencies, "regrade", file, "--judge-model", "judge-model");

        Assert.Equal(1, withoutJudge.ExitCode);
        Assert.Contains("could not be graded: NL assertions need a judge model", withoutJudge.Stderr);
        Assert.True(withJudge.ExitCode == 0, withJudge.ToString());
        Assert.Contains("avg reward: 0.0000", withJudge.Stdout);
        Assert.Single(judge.Calls);
    }

    [Fact]
    public async Task A_simulation_that_cannot_be_graded_gives_exit_1_and_the_others_are_still_regraded()
    {
        var vectors = Tau2ResultsFiles.GradedVectors("mock.evaluation.jsonl", 25).Select(v => PyValue.DeepClone(v)).ToList();
        var results = Tau2ResultsFiles.Build("mock", vectors);
        ((PyDict)((List<object?>)results["simulations"]!)[0]!)["task_id"] = "no_such_task";
        var file = Write("broken.json", PyJson.Dumps(results));
        var outDir = Path.Combine(_dir, "out");

        var run = await CliRun.InvokeAsync("regrade", file, "-o", outDir);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("task no_such_task trial 0 could not be graded: task 'no_such_task' is not among the file's tasks", run.Stderr);
        Assert.Contains($"{vectors.Count} simulations", run.Stdout);
        Assert.Contains("1 could not be graded", run.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "updated_broken.json")));
    }

    [Theory]
    [InlineData("{not json", "is not a tau2 results file: not valid JSON")]
    [InlineData("""{"info": {}, "tasks": []}""", "is not a tau2 results file: 'simulations' is missing")]
    [InlineData("""{"info": {"environment_info": {"domain_name": "chess"}}, "tasks": [], "simulations": []}""", "Unknown domain 'chess'")]
    public async Task Unusable_input_is_a_one_line_error_with_exit_2_and_writes_nothing(string content, string message)
    {
        var good = Write("good.json", PyJson.Dumps(Tau2ResultsFiles.Build("mock", Tau2ResultsFiles.GradedVectors("mock.evaluation.jsonl", 2))));
        var bad = Write("bad.json", content);
        var outDir = Path.Combine(_dir, "out");

        var run = await CliRun.InvokeAsync("regrade", good, bad, "--output-dir", outDir);

        Assert.Equal(CliError.BadInput, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        if (!message.StartsWith("Unknown", StringComparison.Ordinal)) Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_correction_is_rejected()
    {
        var missing = await CliRun.InvokeAsync("regrade", Path.Combine(_dir, "absent.json"));
        var file = Write("x.json", PyJson.Dumps(Tau2ResultsFiles.Build("mock", Tau2ResultsFiles.GradedVectors("mock.evaluation.jsonl", 1))));
        var unknown = await CliRun.InvokeAsync("regrade", file, "--correct", "lenient");

        Assert.Equal(CliError.BadInput, missing.ExitCode);
        Assert.Contains("file not found", missing.Stderr);
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("lenient", unknown.Stderr);
    }

    [Fact]
    public async Task A_solo_telecom_evaluation_round_trips_through_regrade_in_solo_mode()
    {
        var results = Path.Combine(_dir, "telecom-solo.json");
        var evaluate = await CliRun.InvokeAsync("evaluate", "--domain", "telecom", "--agent", "oracle", "--solo", "--num-tasks", "3", "--output", results, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Equal(1.0, JsonDocument.Parse(evaluate.Stdout).RootElement.GetProperty("avg_reward").GetDouble());

        var run = await CliRun.InvokeAsync("regrade", results, "--json");

        // the replay needs the solo environment (the agent called phone tools): a non-solo one could not replay it
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("files")[0];
        Assert.Equal(0, summary.GetProperty("not_graded").GetInt32());
        Assert.Equal(0, summary.GetProperty("changed").GetInt32());
        Assert.Equal(1.0, summary.GetProperty("avg_reward").GetDouble());
    }
}
