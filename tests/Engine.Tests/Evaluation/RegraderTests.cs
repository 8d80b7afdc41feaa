using Tau2Observe.Engine.Conformance;
using Tau2Observe.Engine.Metrics;
using Tau2Observe.Engine.Results;
using Tau2Observe.Engine.Values;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Evaluation;

/// <summary>Re-grading tau2-bench results files built from tau2's own graded trajectories.</summary>
public class RegraderTests
{
    [Theory]
    [InlineData("retail.evaluation.jsonl", "retail", 60)]
    [InlineData("airline.evaluation.jsonl", "airline", 40)]
    [InlineData("mock.evaluation.jsonl", "mock", 25)]
    public async Task Every_simulation_gets_exactly_tau2s_reward_info_back(string file, string domain, int count)
    {
        var vectors = Tau2ResultsFiles.GradedVectors(file, count);
        var document = ResultsDocument.Parse(PyJson.Dumps(Tau2ResultsFiles.Build(domain, vectors, storedReward: 0.5)));

        var report = await new Regrader(TestData.Registry).RegradeAsync(document);

        Assert.Equal(0, report.Failed);
        Assert.Equal(vectors.Count, report.Changed);
        var regraded = (List<object?>)report.Regraded["simulations"]!;
        for (int i = 0; i < vectors.Count; i++)
        {
            var mismatches = new List<string>();
            JsonDiff.Compare("reward_info", vectors[i]["expected_reward_info"], ((PyDict)regraded[i]!)["reward_info"], mismatches);
            Assert.True(mismatches.Count == 0, $"{vectors[i]["case_id"]}: {string.Join("; ", mismatches)}");
        }
        // tau2's metrics over tau2's rewards, with the file's trial count
        var expected = PassHatK.Compute(
            report.Simulations.Zip(vectors, (s, v) => new SimulationOutcome(s.TaskId, s.Trial, PyValue.ToDouble(((PyDict)v["expected_reward_info"]!)["reward"]), s.AgentCost)),
            document.NumTrials);
        Assert.Equal(expected.AvgReward, report.Metrics.AvgReward, 12);
        Assert.Equal(expected.PassHatKs, report.Metrics.PassHatKs);
        Assert.Equal(0.0123, report.Metrics.AvgAgentCost!.Value, 9);
    }

    [Fact]
    public async Task The_regraded_file_keeps_everything_but_reward_info()
    {
        var vectors = Tau2ResultsFiles.GradedVectors("mock.evaluation.jsonl", 5);
        var stored = Tau2ResultsFiles.Build("mock", vectors, storedReward: 0.5);

        var report = await new Regrader(TestData.Registry).RegradeAsync(ResultsDocument.Parse(PyJson.Dumps(stored)));

        Assert.Equal(stored.Keys, report.Regraded.Keys);
        Assert.Equal(PyJson.Dumps(stored["info"]), PyJson.Dumps(report.Regraded["info"]));
        Assert.Equal(PyJson.Dumps(stored["tasks"]), PyJson.Dumps(report.Regraded["tasks"]));
        var before = (List<object?>)stored["simulations"]!;
        var after = (List<object?>)report.Regraded["simulations"]!;
        for (int i = 0; i < before.Count; i++)
        {
            var b = (PyDict)before[i]!;
            var a = (PyDict)after[i]!;
            Assert.Equal(b.Keys, a.Keys);
            foreach (var key in b.Keys.Where(k => k != "reward_info"))
                Assert.Equal(PyJson.Dumps(b[key]), PyJson.Dumps(a[key]));
            Assert.Equal(["reward", "db_check", "env_assertions", "action_checks", "nl_assertions", "communicate_checks", "reward_basis", "reward_breakdown", "info"],
                ((PyDict)a["reward_info"]!).Keys);
        }
    }

    [Fact]
    public async Task A_simulation_whose_replay_differs_is_reported_and_the_others_are_still_graded()
    {
        var vectors = Tau2ResultsFiles.GradedVectors("retail.evaluation.jsonl", 10)
            .Select(v => PyValue.DeepClone(v)).ToList();
        // tamper with the first recorded tool result of a run that has one
        int tampered = vectors.FindIndex(v => ((List<object?>)((PyDict)v["simulation"]!)["messages"]!).Any(m => ((PyDict)m!)["role"] as string == "tool"));
        var toolMessage = ((List<object?>)((PyDict)vectors[tampered]["simulation"]!)["messages"]!).Cast<PyDict>().First(m => m["role"] as string == "tool");
        toolMessage["content"] = "not what the tool said";

        var report = await new Regrader(TestData.Registry).RegradeAsync(ResultsDocument.Parse(PyJson.Dumps(Tau2ResultsFiles.Build("retail", vectors))));

        Assert.Equal(1, report.Failed);
        var failed = report.Simulations[tampered];
        Assert.Contains("replayed a different result", failed.Error);
        Assert.Equal(0.0, failed.Reward);
        var regraded = (PyDict)((List<object?>)report.Regraded["simulations"]!)[tampered]!;
        var info = (PyDict)((PyDict)regraded["reward_info"]!)["info"]!;
        Assert.StartsWith("Evaluation failed: ", (string)info["note"]!);
        Assert.All(report.Simulations.Where((_, i) => i != tampered), s => Assert.Null(s.Error));
    }

    [Fact]
    public void Unusable_files_are_format_errors_that_say_what_is_wrong()
    {
        Assert.Contains("not valid JSON", Assert.Throws<FormatException>(() => ResultsDocument.Parse("{oops")).Message);
        Assert.Contains("'info'", Assert.Throws<FormatException>(() => ResultsDocument.Parse("""{"tasks": [], "simulations": []}""")).Message);
        Assert.Contains("'simulations'", Assert.Throws<FormatException>(() => ResultsDocument.Parse("""{"info": {}, "tasks": []}""")).Message);
        Assert.Contains("tasks[0]", Assert.Throws<FormatException>(() => ResultsDocument.Parse("""{"info": {}, "tasks": [{"id": "1"}], "simulations": []}""")).Message);
    }

    [Fact]
    public void Solo_mode_and_the_trial_count_are_read_from_info_as_tau2_does()
    {
        var solo = ResultsDocument.Parse("""
            {"info": {"num_trials": 3, "agent_info": {"implementation": "llm_agent_solo"}, "user_info": {"implementation": "dummy_user"},
                      "environment_info": {"domain_name": "mock"}},
             "tasks": [], "simulations": []}
            """);
        var normal = ResultsDocument.Parse("""
            {"info": {"agent_info": {"implementation": "a2a_agent"}, "user_info": {"implementation": "user_simulator"}},
             "tasks": [], "simulations": [{"task_id": "a", "trial": 1}]}
            """);

        Assert.True(solo.SoloMode);
        Assert.Equal(3, solo.NumTrials);
        Assert.Equal("mock", solo.Domain);
        Assert.False(normal.SoloMode);
        Assert.Equal(2, normal.NumTrials);
        Assert.Throws<FormatException>(() => normal.Domain);
    }
}
