using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Tests.Simulation;

/// <summary>tau2's solo mode (tau2-engine §3.9): no greeting, the agent works alone with both toolkits.</summary>
public class SoloModeTests
{
    [Theory]
    [InlineData("telecom", 6)]
    [InlineData("telecom-workflow", 3)]
    public async Task The_solo_oracle_solves_telecom_tasks_alone(string domain, int count)
    {
        var runner = new SimulationRunner(TestData.Registry);
        var tasks = TestData.Registry.Get(domain).LoadTasks("base").Where(SoloEligibility.IsEligible).Take(count).ToList();
        Assert.Equal(count, tasks.Count);

        foreach (var task in tasks)
        {
            var run = await runner.RunAsync(new TrialSpec(domain, task.Id, 0, 626729, SoloMode: true), new OfflineParticipants(soloMode: true));

            Assert.True(run.RewardInfo!.Reward == 1.0, $"{task.Id}: {run.TerminationReason} {Tau2Observe.Engine.Values.PyJson.Dumps(run.RewardInfo.ToPy())}");
            Assert.Equal(TerminationReason.AgentStop, run.TerminationReason);
            Assert.DoesNotContain(run.Messages, m => m.Content == Orchestrator.Greeting);
            Assert.DoesNotContain(run.Messages, m => m.IsUser);
            // user-side gold actions were made by the agent and ran on the phone
            Assert.Contains(run.Messages, m => m.IsTool && m.Requestor == Roles.Assistant);
            Assert.Equal(StopTokens.Stop, run.Messages[^1].Content);
        }
    }

    [Fact]
    public async Task A_first_solo_message_that_is_text_ends_the_run_with_agent_error()
    {
        var task = TestData.Registry.Get("telecom").LoadTasks("base")[0];
        var env = TestData.Registry.Get("telecom").CreateEnvironment(soloMode: true);
        var agent = new ScriptedAgent(() => Message.Assistant("Hello, how can I help?"));

        var run = await new Orchestrator(task, env, agent, new DummyUser(), new OrchestratorOptions(SoloMode: true)).RunAsync();

        Assert.Equal(TerminationReason.AgentError, run.TerminationReason);
        Assert.Single(run.Messages);
        Assert.Empty(Assert.Single(agent.Seen)); // asked for a first message with nothing before it
    }

    [Fact]
    public void Solo_eligibility_follows_tau2()
    {
        var mock = TestData.Registry.Get("mock").LoadTasks(null);
        var eligible = mock.Where(SoloEligibility.IsEligible).Select(t => t.Id).ToList();

        // a clean initial state qualifies; a history with user turns does not; otherwise a ticket and gold actions are needed
        Assert.Contains("update_task_with_initialization_data", eligible);
        Assert.DoesNotContain("update_task_with_message_history", eligible);
        Assert.Contains("create_task_1", eligible);
        Assert.DoesNotContain("create_task_1_nl_eval", eligible); // a ticket but no gold actions
        Assert.All(TestData.Registry.Get("telecom").LoadTasks("base"), t => Assert.True(SoloEligibility.IsEligible(t), t.Id));
    }

    [Fact]
    public void Airline_and_retail_refuse_solo_mode()
    {
        Assert.Throws<NotSupportedException>(() => TestData.Registry.Get("airline").CreateEnvironment(soloMode: true));
        Assert.Throws<NotSupportedException>(() => TestData.Registry.Get("retail").CreateEnvironment(soloMode: true));
    }
}
