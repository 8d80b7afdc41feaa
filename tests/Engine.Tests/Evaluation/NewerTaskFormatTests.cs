using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Evaluation;

/// <summary>
/// Task files in the newer tau2-bench format (explicit <c>reward_basis</c>, NL_ASSERTION in the
/// basis, <c>issues</c> and other keys this data version does not have) load and grade.
/// The files are written to a temp directory from real retail tasks.
/// </summary>
public sealed class NewerTaskFormatTests : IDisposable
{
    private const string DomainName = "retail-next";
    private readonly string _dir = Directory.CreateTempSubdirectory("tau2obs-newer-tasks-").FullName;
    private readonly string _taskFile;

    public NewerTaskFormatTests()
    {
        var source = (List<object?>)PyJson.Parse(File.ReadAllBytes(Path.Combine(TestData.DataDir, "tau2", "domains", "retail", "tasks.json")))!;
        var tasks = source.Take(3).Cast<PyDict>().Select(t => PyValue.DeepClone(t)).ToList();
        foreach (var task in tasks)
        {
            // keys of newer task files that this data version lacks
            task["issues"] = new List<object?> { new PyDict { ["name"] = "wrong_item", ["severity"] = "minor" } };
            task["user_tools"] = null;
            task["annotations"] = new PyDict { ["reviewed"] = true };
            ((PyDict)task["description"]!)["category"] = "returns";
        }
        var nl = (PyDict)tasks[0]["evaluation_criteria"]!;
        nl["reward_basis"] = new List<object?> { "DB", "NL_ASSERTION" };
        nl["nl_assertions"] = new List<object?> { "The agent confirmed the outcome to the user", "The agent followed the policy" };
        ((PyDict)tasks[1]["evaluation_criteria"]!)["reward_basis"] = new List<object?> { "DB" };
        var withAction = (PyDict)tasks[2]["evaluation_criteria"]!;
        withAction["reward_basis"] = new List<object?> { "DB", "ACTION", "COMMUNICATE" };
        foreach (var action in (List<object?>)withAction["actions"]!) ((PyDict)action!)["tool_type"] = "write";

        Directory.CreateDirectory(_dir);
        _taskFile = Path.Combine(_dir, "tasks.json");
        File.WriteAllText(_taskFile, PyJson.Dumps(tasks.Cast<object?>().ToList()));
        var ids = tasks.Select(t => (object?)t["id"]).ToList();
        File.WriteAllText(Path.Combine(_dir, "split_tasks.json"), PyJson.Dumps(new PyDict { ["base"] = ids, ["test"] = new List<object?> { ids[2] } }));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DomainRegistry Registry() =>
        new DomainRegistry(new TauDataDirectory(TestData.DataDir))
            .Register(DomainName, () => new TaskFileDomain(TestData.Registry.Get("retail"), _taskFile, DomainName));

    [Fact]
    public void Newer_task_files_load_with_their_explicit_basis_and_drop_unknown_keys()
    {
        var tasks = TaskSetLoader.Load(_taskFile);

        Assert.Equal(3, tasks.Count);
        Assert.Equal(["DB", "NL_ASSERTION"], tasks[0].EvaluationCriteria!.RewardBasis);
        Assert.Equal(["DB"], tasks[1].EvaluationCriteria!.RewardBasis);
        Assert.Equal(["DB", "ACTION", "COMMUNICATE"], tasks[2].EvaluationCriteria!.RewardBasis);
        var normalised = tasks[0].ToPy();
        Assert.False(normalised.ContainsKey("issues"));
        Assert.False(normalised.ContainsKey("annotations"));
        Assert.Equal(["purpose", "relevant_policies", "notes"], ((PyDict)normalised["description"]!).Keys);
        Assert.Equal([tasks[2].Id], TaskSetLoader.Select(tasks, TaskSetLoader.LoadSplits(_taskFile), "test").Select(t => t.Id));
    }

    [Fact]
    public async Task The_oracle_scores_1_on_every_newer_task_with_a_judge_that_accepts_the_assertions()
    {
        var judge = new FixedVerdictJudge();
        var runner = new SimulationRunner(Registry(), judge);

        var runs = await RunAllAsync(runner);

        Assert.All(runs, r => Assert.True(r.RewardInfo!.Reward == 1.0, $"{r.TaskId}: {PyJson.Dumps(r.RewardInfo.ToPy())}"));
        var nlRun = runs[0].RewardInfo!;
        Assert.Equal(new PyDict { ["DB"] = 1.0, ["NL_ASSERTION"] = 1.0 }, nlRun.RewardBreakdown);
        Assert.Equal(2, nlRun.NlAssertions!.Count);
        Assert.Equal(["DB"], runs[1].RewardInfo!.RewardBreakdown!.Keys);
        Assert.Equal(["DB", "ACTION", "COMMUNICATE"], runs[2].RewardInfo!.RewardBreakdown!.Keys);
        // only the task with NL_ASSERTION in its basis consulted the judge
        Assert.Equal([["The agent confirmed the outcome to the user", "The agent followed the policy"]], judge.Calls);
    }

    [Fact]
    public async Task A_failed_nl_assertion_zeroes_only_its_task()
    {
        var runner = new SimulationRunner(Registry(), new FixedVerdictJudge(a => !a.Contains("policy", StringComparison.Ordinal)));

        var runs = await RunAllAsync(runner);

        Assert.Equal([0.0, 1.0, 1.0], runs.Select(r => r.RewardInfo!.Reward));
        Assert.Equal(0.0, runs[0].RewardInfo!.RewardBreakdown!["NL_ASSERTION"]);
        Assert.Equal(1.0, runs[0].RewardInfo!.RewardBreakdown!["DB"]);
    }

    [Fact]
    public async Task Without_a_judge_an_nl_basis_task_is_reported_as_not_gradable_and_the_others_still_grade()
    {
        var runs = await RunAllAsync(new SimulationRunner(Registry()));

        Assert.Equal(0.0, runs[0].RewardInfo!.Reward);
        Assert.Contains("judge", runs[0].Error);
        Assert.Equal([1.0, 1.0], runs.Skip(1).Select(r => r.RewardInfo!.Reward));
    }

    private static async Task<List<SimulationRun>> RunAllAsync(SimulationRunner runner)
    {
        var tasks = runner.Domains.Get(DomainName).LoadTasks();
        var runs = new List<SimulationRun>();
        foreach (var task in tasks)
            runs.Add(await runner.RunAsync(new TrialSpec(DomainName, task.Id, 0, 626729), new OfflineParticipants()));
        return runs;
    }
}
