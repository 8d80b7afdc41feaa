using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Evaluation;

/// <summary>Each correction of a reference defect: tau2's behaviour by default, the corrected one when switched on.</summary>
public class GradingCorrectionsTests
{
    private static readonly GradingOptions EmptyCriteriaFixed = GradingOptions.FromNames([GradingOptions.EmptyCriteria]);
    private static readonly GradingOptions FailingGoldFixed = GradingOptions.FromNames([GradingOptions.FailingGoldActions]);

    private static SimulationRun Run(string taskId, params Message[] messages) => new()
    {
        TaskId = taskId,
        StartTime = Timestamps.Now(),
        EndTime = Timestamps.Now(),
        TerminationReason = TerminationReason.UserStop,
        Messages = [Message.Assistant("Hi! How can I help you today?", cost: 0.0), .. messages, Message.User("Thanks! ###STOP###")],
    };

    private static TauTask Task(string domain, string id) => TestData.Registry.Get(domain).LoadTasks(null).Single(t => t.Id == id);

    [Fact]
    public async Task A_task_with_nothing_in_its_basis_to_check_scores_1_as_in_tau2_and_0_when_corrected()
    {
        // mock create_task_1_nl_eval: default basis [DB, COMMUNICATE], no actions, no assertions, no communicate_info
        var task = Task("mock", "create_task_1_nl_eval");
        Assert.False(Evaluator.HasSomethingToCheck(task.EvaluationCriteria!));
        var run = Run(task.Id, Message.Assistant("I did nothing at all."));
        var domain = TestData.Registry.Get("mock");

        var tau2 = await new Evaluator(domain).EvaluateAsync(run, task);
        var corrected = await new Evaluator(domain, options: EmptyCriteriaFixed).EvaluateAsync(run, task);

        Assert.Equal(1.0, tau2.Reward);
        Assert.Equal(0.0, corrected.Reward);
        Assert.Equal(Evaluator.NothingToCheckNote, corrected.Info!["note"]);
        Assert.Equal(["DB", "COMMUNICATE"], corrected.RewardBasis);
    }

    [Fact]
    public async Task A_task_without_evaluation_criteria_scores_1_as_in_tau2_and_0_when_corrected()
    {
        var source = Task("mock", "create_task_1");
        var task = new TauTask { Id = "no_criteria", UserScenario = source.UserScenario, EvaluationCriteria = null };
        var run = Run(task.Id);
        var domain = TestData.Registry.Get("mock");

        var tau2 = await new Evaluator(domain).EvaluateAsync(run, task);
        var corrected = await new Evaluator(domain, options: EmptyCriteriaFixed).EvaluateAsync(run, task);

        Assert.Equal(1.0, tau2.Reward);
        Assert.Equal("No evaluation criteria", tau2.Info!["note"]);
        Assert.Equal(0.0, corrected.Reward);
        Assert.StartsWith("No evaluation criteria. ", (string)corrected.Info!["note"]!);
    }

    [Fact]
    public async Task Tasks_with_something_to_check_are_graded_the_same_with_the_empty_criteria_correction()
    {
        // create_task_1 has gold actions: the DB comparison is a real check, so the correction changes nothing
        var task = Task("mock", "create_task_1");
        Assert.True(Evaluator.HasSomethingToCheck(task.EvaluationCriteria!));
        var run = Run(task.Id, Message.Assistant("No task was created."));
        var domain = TestData.Registry.Get("mock");

        var tau2 = await new Evaluator(domain).EvaluateAsync(run, task);
        var corrected = await new Evaluator(domain, options: EmptyCriteriaFixed).EvaluateAsync(run, task);

        Assert.Equal(PyJson.Dumps(tau2.ToPy()), PyJson.Dumps(corrected.ToPy()));
        Assert.Equal(0.0, tau2.Reward); // nothing was created, so the DB differs from the gold one
    }

    [Fact]
    public async Task A_gold_action_that_fails_on_the_gold_db_is_required_by_tau2_and_not_when_corrected()
    {
        // retail task 2 looks up product 6086499569, which the shipped retail DB does not have
        var task = Task("retail", "2");
        var missing = task.EvaluationCriteria!.Actions!.Single(a => a.ActionId == "2_1");
        Assert.Equal("6086499569", missing.Arguments["product_id"]);
        Assert.Contains("Product not found", TestData.Registry.Get("retail").CreateEnvironment()
            .GetResponse(new ToolCall { Id = "x", Name = "get_product_details", Arguments = new PyDict { ["product_id"] = "6086499569" } }).Content);

        // an agent that makes every other gold call, but not the failing lookup
        var calls = task.EvaluationCriteria.Actions!.Where(a => a.ActionId != "2_1")
            .Select((a, i) => new ToolCall { Id = $"c{i}", Name = a.Name, Arguments = PyValue.DeepClone(a.Arguments) }).ToList();
        var run = Run(task.Id, Message.Assistant(null, calls));
        var domain = TestData.Registry.Get("retail");

        var tau2 = await new Evaluator(domain).EvaluateAsync(run, task, EvaluationType.Action);
        var corrected = await new Evaluator(domain, options: FailingGoldFixed).EvaluateAsync(run, task, EvaluationType.Action);

        Assert.Equal(0.0, tau2.Reward);
        Assert.Equal(1.0, corrected.Reward);
        var check = corrected.ActionChecks!.Single(c => ((PyDict)c["action"]!)["action_id"] as string == "2_1");
        Assert.Equal(false, check["action_match"]);
        Assert.Equal(1.0, check["action_reward"]);
        Assert.Equal(new List<object?> { "2_1" }, corrected.Info!["not_required"]);
        // the other checks are unchanged and all matched
        Assert.All(corrected.ActionChecks!.Where(c => c != check), c => Assert.Equal(true, c["action_match"]));
    }

    [Fact]
    public async Task The_failing_gold_action_correction_does_not_excuse_gold_actions_that_succeed()
    {
        var task = Task("retail", "2");
        var run = Run(task.Id, Message.Assistant("I did not look anything up."));

        var corrected = await new Evaluator(TestData.Registry.Get("retail"), options: FailingGoldFixed).EvaluateAsync(run, task, EvaluationType.Action);

        Assert.Equal(0.0, corrected.Reward);
        Assert.Equal(task.EvaluationCriteria!.Actions!.Count - 1, corrected.ActionChecks!.Count(c => (double)c["action_reward"]! == 0.0));
    }

    [Fact]
    public void Correction_names_parse_and_unknown_ones_are_an_error_listing_the_valid_names()
    {
        Assert.Equal(GradingOptions.Tau2, GradingOptions.FromNames(null));
        Assert.Equal(GradingOptions.Names, GradingOptions.FromNames(["all"]).ToNames());
        Assert.True(GradingOptions.FromNames([" Infrastructure-Errors "]).CountInfrastructureErrorsAsFailures);
        var e = Assert.Throws<ArgumentException>(() => GradingOptions.FromNames(["empty-criteria", "lenient"]));
        Assert.Contains("'lenient'", e.Message);
        Assert.Contains("failing-gold-actions", e.Message);
    }
}
