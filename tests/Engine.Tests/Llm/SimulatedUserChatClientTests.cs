using System.Diagnostics;
using Microsoft.Extensions.AI;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Tests.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Tests.Llm;

public class SimulatedUserChatClientTests
{
    private static LlmUserSimulator SimulatedUser(ILlmUsageSink? usage = null, TimeSpan latency = default)
    {
        var task = LlmTestSetup.Task();
        var client = new LlmClientFactory(new LlmClientOptions { SimulatedLatency = latency }).Create(LlmEndpoint.Resolve("simulated"), task);
        return new LlmUserSimulator(client, LlmTestSetup.Context(task: task), LlmTestSetup.Guidelines,
            new LlmUserSimulatorOptions(LlmModelId.Parse("simulated")) { Usage = usage });
    }

    [Fact]
    public async Task An_offline_run_with_the_simulated_model_is_the_scripted_users_run()
    {
        var task = LlmTestSetup.Task();
        var options = new OrchestratorOptions(50, 10);
        var scripted = await new Orchestrator(task, new CounterDomain().CreateEnvironment(), new OracleAgent(task), new ScriptedUserSimulator(task), options).RunAsync();
        var usage = new LlmUsageAccumulator();
        var simulated = await new Orchestrator(task, new CounterDomain().CreateEnvironment(), new OracleAgent(task), SimulatedUser(usage), options).RunAsync();

        Assert.Equal(TerminationReason.UserStop, simulated.TerminationReason);
        Assert.Equal(scripted.TerminationReason, simulated.TerminationReason);
        Assert.Equal(scripted.Messages.Select(Summary), simulated.Messages.Select(Summary));
        Assert.Equal(0.0, simulated.UserCost);
        Assert.All(simulated.Messages.Where(m => m.IsUser), m => Assert.True((long)m.Usage!["prompt_tokens"]! > 0));
        var total = usage.For(LlmRoles.User);
        Assert.Equal(simulated.Messages.Count(m => m.IsUser), total.Calls);
        Assert.Equal(0.0, total.Cost);
    }

    [Fact]
    public async Task It_performs_a_requested_device_action_and_reads_the_result_back_from_the_request()
    {
        var user = SimulatedUser();
        var state = new ParticipantState();
        state.History.Add(Message.Assistant(Orchestrator.Greeting, cost: 0.0));
        state.History.Add(await user.GenerateAsync(state, [state.History[^1]], CancellationToken.None));
        var ask = Message.Assistant("""Please perform this action on your device: toggle_airplane_mode({"on": false})""");
        state.History.Add(ask);

        var call = await user.GenerateAsync(state, [ask], CancellationToken.None);
        state.History.Add(call);
        var result = Message.ToolResult(call.ToolCalls![0].Id, "Airplane mode: OFF", Roles.User, false);
        state.History.Add(result);
        var after = await user.GenerateAsync(state, [result], CancellationToken.None);

        Assert.Equal("toggle_airplane_mode", call.ToolCalls[0].Name);
        Assert.Equal(false, call.ToolCalls[0].Arguments["on"]);
        Assert.Equal(Roles.User, call.ToolCalls[0].Requestor);
        Assert.Equal("I did that. The phone shows: Airplane mode: OFF", after.Content);
    }

    [Fact]
    public async Task It_takes_the_configured_latency()
    {
        var client = new SimulatedUserChatClient(LlmTestSetup.Task(), TimeSpan.FromMilliseconds(150));
        var clock = Stopwatch.StartNew();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "guidelines"), new ChatMessage(ChatRole.User, Orchestrator.Greeting)]);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(140), $"took {clock.ElapsedMilliseconds} ms");
        Assert.Equal(SimulatedUserChatClient.ModelId, response.ModelId);
        Assert.StartsWith("You want the counter increased by 2.", response.Text);
    }

    private static string Summary(Message m) =>
        $"{m.Role}|{m.Content}|{string.Join(",", (m.ToolCalls ?? []).Select(c => c.Name + Tau2Observe.Engine.Values.PyJson.Dumps(c.Arguments)))}";
}
