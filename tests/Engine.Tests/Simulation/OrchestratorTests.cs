using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Evaluation;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Simulation;

public class OrchestratorTests
{
    private static TauTask Task(List<GoldAction>? actions = null) => new()
    {
        Id = "t1",
        UserScenario = new UserScenario { PlainInstructions = "Increment the counter by 2." },
        EvaluationCriteria = new EvaluationCriteria { Actions = actions, RewardBasis = [RewardType.Db] },
    };

    private static Message Call(string name, PyDict args, string id = "c1") =>
        Message.Assistant(null, [new ToolCall { Id = id, Name = name, Arguments = args }], cost: 0.0);

    private static Task<SimulationRun> Run(TauTask task, ScriptedAgent agent, ScriptedUser user, int maxSteps = 200, int maxErrors = 10) =>
        new Orchestrator(task, new CounterDomain().CreateEnvironment(), agent, user, new OrchestratorOptions(maxSteps, maxErrors)).RunAsync();

    [Fact]
    public async Task Greeting_then_tool_call_then_user_stop()
    {
        var agent = new ScriptedAgent(() => Call("increment", new PyDict { ["by"] = 2L }), () => Message.Assistant("Done.", cost: 0.0));
        var user = new ScriptedUser(() => Message.User("Please add 2.", cost: 0.0));
        var run = await Run(Task(), agent, user);

        Assert.Equal(TerminationReason.UserStop, run.TerminationReason);
        Assert.Equal(Orchestrator.Greeting, run.Messages[0].Content);
        Assert.Equal(["assistant", "user", "assistant", "tool", "assistant", "user"], run.Messages.Select(m => m.Role));
        Assert.Equal("\"2\"", run.Messages[3].Content); // a bare int result is JSON-encoded from its str() text: "2" with quotes
        Assert.Equal(Enumerable.Range(0, 6), run.Messages.Select(m => m.TurnIdx!.Value));
        Assert.Equal(0.0, run.AgentCost);
        // the agent received the tool result, the user never saw it
        Assert.True(agent.Seen[1].Single().IsTool);
        Assert.DoesNotContain(user.Seen.SelectMany(x => x), m => m.IsTool);
    }

    [Fact]
    public async Task Stop_on_the_step_that_reaches_max_steps_is_recorded_as_max_steps()
    {
        var agent = new ScriptedAgent(() => Message.Assistant("Hello.", cost: 0.0));
        var user = new ScriptedUser(() => Message.User("Hi", cost: 0.0), () => Message.User("###STOP###", cost: 0.0));
        var run = await Run(Task(), agent, user, maxSteps: 3);
        Assert.Equal(TerminationReason.MaxSteps, run.TerminationReason);
        Assert.Contains(run.Messages, m => m.Content == "###STOP###");
    }

    [Fact]
    public async Task Errors_are_cumulative_and_checked_only_after_non_env_hops()
    {
        var agent = new ScriptedAgent(
            () => Call("fail", new PyDict(), "a"),
            () => Call("fail", new PyDict(), "b"),
            () => Message.Assistant("Sorry.", cost: 0.0));
        var user = new ScriptedUser(() => Message.User("Hi", cost: 0.0));
        var run = await Run(Task(), agent, user, maxErrors: 2);
        Assert.Equal(TerminationReason.TooManyErrors, run.TerminationReason);
        var results = run.Messages.Where(m => m.IsTool).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("Error: always fails", r.Content));
    }

    [Fact]
    public async Task Agent_failure_ends_the_run_with_agent_error_and_scores_zero()
    {
        var agent = new ScriptedAgent(); // throws on first turn
        var user = new ScriptedUser(() => Message.User("Hi", cost: 0.0));
        var task = Task([]);
        var run = await Run(task, agent, user);
        Assert.Equal(TerminationReason.AgentError, run.TerminationReason);
        Assert.Equal("script exhausted", run.Error);
        var reward = await new Evaluator(new CounterDomain()).EvaluateAsync(run, task);
        Assert.Equal(0.0, reward.Reward);
        Assert.Null(reward.RewardBasis);
    }

    [Fact]
    public async Task Db_reward_compares_replayed_trajectory_with_gold_actions()
    {
        var gold = new List<GoldAction> { new() { ActionId = "g", Name = "increment", Arguments = new PyDict { ["by"] = 2L } } };
        var task = Task(gold);
        async Task<double> RewardFor(long by)
        {
            var agent = new ScriptedAgent(() => Call("increment", new PyDict { ["by"] = by }), () => Message.Assistant("Done.", cost: 0.0));
            var run = await Run(task, agent, new ScriptedUser(() => Message.User("add", cost: 0.0)));
            return (await new Evaluator(new CounterDomain()).EvaluateAsync(run, task)).Reward;
        }
        Assert.Equal(1.0, await RewardFor(2));
        Assert.Equal(0.0, await RewardFor(3));
    }

    [Fact]
    public async Task A_checkpointed_run_resumes_to_the_same_result()
    {
        Func<Message>[] agentScript = [() => Call("increment", new PyDict { ["by"] = 2L }), () => Message.Assistant("Done.", cost: 0.0)];
        var checkpoints = new List<string>();
        var first = new Orchestrator(Task(), new CounterDomain().CreateEnvironment(), new ScriptedAgent(agentScript),
            new ScriptedUser(() => Message.User("add", cost: 0.0)), new OrchestratorOptions())
        { OnCheckpoint = (c, _) => { checkpoints.Add(c.ToJson()); return System.Threading.Tasks.Task.CompletedTask; } };
        var full = await first.RunAsync();

        // resume right after the agent's tool call (tool results still pending): the remaining agent turn is the closing text
        var cp = SimulationCheckpoint.FromJson(checkpoints.First(j => SimulationCheckpoint.FromJson(j).ToRole == "env"));
        var resumed = await new Orchestrator(Task(), new CounterDomain().CreateEnvironment(), new ScriptedAgent(agentScript[1]),
            new ScriptedUser(), new OrchestratorOptions()).ResumeAsync(cp);

        Assert.Equal(full.TerminationReason, resumed.TerminationReason);
        Assert.Equal(full.Messages.Select(m => (m.Role, m.Content)), resumed.Messages.Select(m => (m.Role, m.Content)));
    }
}
