using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Evaluation;

/// <summary>
/// The gold run of a task is built once per process and shared by every trial graded against it,
/// and sharing it changes no grade. A fresh <see cref="CountingDomain"/> is a cold memo.
/// </summary>
public class GoldRunMemoTests
{
    private static readonly GradingOptions FailingGoldFixed = GradingOptions.FromNames([GradingOptions.FailingGoldActions]);

    private static TauTask Task(string domain, string id) => TestData.Registry.Get(domain).LoadTasks(null).Single(t => t.Id == id);

    /// <summary>The first task whose gold actions write to the database (the one the GradeTrial benchmark grades).</summary>
    private static TauTask FirstWritingTask(string domain) =>
        TestData.Registry.Get(domain).LoadTasks().First(t => t.EvaluationCriteria?.Actions?.Any(a => !a.Name.StartsWith("get_", StringComparison.Ordinal)) == true);

    private static SimulationRun OracleRun(string domain, TauTask task, int trial) =>
        new SimulationRunner(TestData.Registry).RunAsync(new TrialSpec(domain, task.Id, trial, 300 + trial, TaskSplit: null), new OfflineParticipants())
            .GetAwaiter().GetResult();

    private static SimulationRun DoNothingRun(TauTask task) => new()
    {
        TaskId = task.Id,
        StartTime = Timestamps.Now(),
        EndTime = Timestamps.Now(),
        TerminationReason = TerminationReason.UserStop,
        Messages = [Message.Assistant("Hi! How can I help you today?", cost: 0.0), Message.Assistant("I did nothing."), Message.User("Thanks! ###STOP###")],
    };

    private static string Json(RewardInfo info) => PyJson.Dumps(info.ToPy());

    [Fact]
    public async Task Grading_two_trials_of_a_task_builds_its_gold_environment_once()
    {
        var task = FirstWritingTask("airline");
        var domain = new CountingDomain(TestData.Registry.Get("airline"));
        var evaluator = new Evaluator(domain);

        var first = await evaluator.EvaluateAsync(OracleRun("airline", task, 0), task);
        Assert.Equal(2, domain.EnvironmentsCreated); // the trial's predicted environment and the gold one
        var second = await evaluator.EvaluateAsync(OracleRun("airline", task, 1), task);

        Assert.Equal(3, domain.EnvironmentsCreated); // only the second trial's predicted environment
        Assert.Equal(1.0, first.Reward);
        Assert.Equal(Json(first), Json(second));
        // another evaluator of the same domain (as SimulationRunner makes one per trial) shares the memo too
        await new Evaluator(domain).EvaluateAsync(DoNothingRun(task), task);
        Assert.Equal(4, domain.EnvironmentsCreated);
    }

    [Fact]
    public async Task Trials_graded_concurrently_share_one_gold_run()
    {
        var task = FirstWritingTask("retail");
        var runs = Enumerable.Range(0, 8).Select(trial => OracleRun("retail", task, trial)).ToList();
        var domain = new CountingDomain(TestData.Registry.Get("retail"));

        var results = await System.Threading.Tasks.Task.WhenAll(runs.Select(run =>
            System.Threading.Tasks.Task.Run(() => new Evaluator(domain).EvaluateAsync(run, task))));

        Assert.Equal(runs.Count + 1, domain.EnvironmentsCreated);
        Assert.All(results, r => Assert.Equal(1.0, r.Reward));
        Assert.Single(results.Select(Json).Distinct());
    }

    public static TheoryData<string, string, bool> GradedTasks => new()
    {
        { "airline", "", false },  // the first task whose gold actions write to the DB
        { "retail", "", false },
        { "retail", "2", false },  // gold action 2_1 fails on the gold DB (tau2 still requires it)
        { "retail", "2", true },   // ... and with the correction that excuses it
    };

    [Theory]
    [MemberData(nameof(GradedTasks))]
    public async Task Grades_are_the_same_with_a_cold_or_a_warm_memo_and_the_shared_gold_db_is_never_changed(string domainName, string taskId, bool excuseFailingGold)
    {
        var task = taskId == "" ? FirstWritingTask(domainName) : Task(domainName, taskId);
        var options = excuseFailingGold ? FailingGoldFixed : GradingOptions.Tau2;
        var real = TestData.Registry.Get(domainName);
        var runs = new[] { OracleRun(domainName, task, 0), DoNothingRun(task), OracleRun(domainName, task, 1) };

        // cold: each run graded against a gold run built for it alone
        var cold = new List<string>();
        foreach (var run in runs) cold.Add(Json(await new Evaluator(new CountingDomain(real), options: options).EvaluateAsync(run, task)));
        // warm: every run graded twice against one memoized gold run
        var warmDomain = new CountingDomain(real);
        var warm = new List<string>();
        foreach (var run in runs.Concat(runs)) warm.Add(Json(await new Evaluator(warmDomain, options: options).EvaluateAsync(run, task)));

        Assert.Equal(cold.Concat(cold), warm);
        Assert.NotEqual(cold[0], cold[1]); // the oracle and the do-nothing runs grade differently: the comparison has teeth
        Assert.Equal(2 * runs.Length + 1, warmDomain.EnvironmentsCreated);
        // the predicted environments wrote to their own copies: the shared gold DB is still what a fresh gold run builds
        var shared = GoldRunMemo.Of(warmDomain, task);
        var fresh = GoldRunMemo.Of(new CountingDomain(real), task);
        Assert.Equal(DbHasher.Hash(fresh.AgentDb), DbHasher.Hash(shared.AgentDb));
        Assert.NotEqual(DbHasher.Hash(real.CreateEnvironment().AgentTools.Db), DbHasher.Hash(shared.AgentDb)); // the gold actions did write
        Assert.Equal(fresh.FailedActionIds, shared.FailedActionIds);
        Assert.Equal(taskId == "2" ? ["2_1"] : [], shared.FailedActionIds.ToList());
    }

    [Fact]
    public async Task A_gold_setup_that_fails_fails_every_trial_with_the_same_error_and_is_not_rebuilt()
    {
        // airline has no user database, so this initial state cannot be set up
        var source = FirstWritingTask("airline");
        var task = new TauTask
        {
            Id = "unsettable",
            UserScenario = source.UserScenario,
            InitialState = new InitialState { HasInitializationData = true, UserData = new PyDict { ["anything"] = 1L } },
            EvaluationCriteria = source.EvaluationCriteria,
        };
        var domain = new CountingDomain(TestData.Registry.Get("airline"));
        // the action component with the failing-gold correction is the one that needs the gold run without a replay first
        var evaluator = new Evaluator(domain, options: FailingGoldFixed);

        var first = await Assert.ThrowsAsync<EvaluationFailedException>(() => evaluator.EvaluateAsync(DoNothingRun(task), task, EvaluationType.Action));
        var second = await Assert.ThrowsAsync<EvaluationFailedException>(() => evaluator.EvaluateAsync(DoNothingRun(task), task, EvaluationType.Action));

        Assert.Equal("Setting up the gold environment failed: User data given but the domain has no user database", first.Message);
        Assert.Equal(first.Message, second.Message);
        Assert.IsType<EnvironmentStateException>(second.InnerException);
        Assert.Equal(1, domain.EnvironmentsCreated);
    }
}
