using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.A2A.Tests;

/// <summary>Each failure mode of the faulty mock agent, run through the orchestrator: how does the run end?</summary>
public class FaultyAgentTests(MockAgentsServer server) : IClassFixture<MockAgentsServer>
{
    private static readonly HttpClient Http = new();

    private async Task<SimulationRun> RunAgainst(string mode, TimeSpan timeout)
    {
        var (context, _) = MockDomain.Context("create_task_1");
        var agent = new A2AAgent(new A2AClient(Http, server.Agent("/agents/faulty/" + mode), timeout: timeout), context);
        return await new Orchestrator(context.Task, context.Environment, agent, new ScriptedUserSimulator(context.Task), new OrchestratorOptions(MaxSteps: 30)).RunAsync();
    }

    [Theory]
    [InlineData("http500", "answered HTTP 500: simulated internal server error")]
    [InlineData("jsonrpc_error", "JSON-RPC error -32603: simulated agent failure")]
    [InlineData("malformed_tool_call", "malformed tool call: the call of 'create_task' has no 'arguments'")]
    public async Task Failure_modes_end_the_run_with_agent_error(string mode, string expected)
    {
        var run = await RunAgainst(mode, TimeSpan.FromSeconds(10));
        Assert.Equal(TerminationReason.AgentError, run.TerminationReason);
        Assert.Contains(expected, run.Error);
        Assert.Contains("/agents/faulty/" + mode, run.Error);
    }

    [Fact]
    public async Task A_slow_agent_times_out_into_agent_error()
    {
        var run = await RunAgainst("slow", TimeSpan.FromSeconds(1));
        Assert.Equal(TerminationReason.AgentError, run.TerminationReason);
        Assert.Contains("did not answer within 1 s", run.Error);
    }

    [Fact]
    public async Task Text_instead_of_a_tool_call_is_a_normal_reply_that_solves_nothing()
    {
        // not a protocol failure: the agent talked instead of acting, the user gave up, the task scores 0 later
        var run = await RunAgainst("text_instead_of_tool_call", TimeSpan.FromSeconds(10));
        Assert.Equal(TerminationReason.UserStop, run.TerminationReason);
        Assert.DoesNotContain(run.Messages, m => m.IsToolCall);
        Assert.Contains(run.Messages, m => m.IsAssistant && m.Content!.Contains("I will call create_task"));
    }
}
