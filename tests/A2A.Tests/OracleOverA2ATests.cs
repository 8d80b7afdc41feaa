using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.A2A.Tests;

/// <summary>The A2A agent driven by the real orchestrator against the MockAgents oracle on loopback.</summary>
public class OracleOverA2ATests(MockAgentsServer server) : IClassFixture<MockAgentsServer>
{
    private static readonly HttpClient Http = new();

    private A2AAgent Agent(Engine.Agents.AgentContext context) =>
        new(new A2AClient(Http, server.Agent("/agents/oracle"), timeout: TimeSpan.FromSeconds(10)), context);

    [Fact]
    public async Task Oracle_conversation_plays_the_gold_action_and_ends_with_user_stop()
    {
        var (context, tools) = MockDomain.Context("create_task_1");
        SimulationCheckpoint? last = null;
        var orchestrator = new Orchestrator(context.Task, context.Environment, Agent(context), new ScriptedUserSimulator(context.Task), new OrchestratorOptions(MaxSteps: 30, Seed: 300))
        {
            OnCheckpoint = (c, _) => { last = c; return Task.CompletedTask; },
        };

        var run = await orchestrator.RunAsync();

        Assert.Equal(TerminationReason.UserStop, run.TerminationReason);
        Assert.Null(run.Error);
        var call = Assert.Single(run.Messages, m => m.IsAssistant && m.IsToolCall).ToolCalls!.Single();
        Assert.Equal("create_task", call.Name);
        Assert.Equal("user_1", call.Arguments["user_id"]);
        Assert.Equal("Important Meeting", call.Arguments["title"]);
        Assert.Equal([("user_1", "Important Meeting")], tools.Created);
        Assert.Contains(run.Messages, m => m.IsAssistant && m.Content?.StartsWith("Everything is taken care of.") == true);
        Assert.Null(run.AgentCost); // A2A agents report no cost
        Assert.True(last!.Agent.Values.TryGetValue(A2AAgent.ContextIdKey, out var contextId) && Guid.TryParse(contextId, out _));
    }

    [Fact]
    public async Task The_kept_context_id_continues_the_remote_conversation_in_a_new_agent()
    {
        var (context, _) = MockDomain.Context("create_task_1");
        var state = new ParticipantState();

        var first = await Agent(context).GenerateAsync(state, [Message.User("Please create my task.")], CancellationToken.None);
        Assert.Equal("create_task", first.ToolCalls!.Single().Name);

        // a resumed trial builds a new agent from the persisted state
        var second = await Agent(context).GenerateAsync(state, [Message.ToolResult(first.ToolCalls![0].Id, "{\"task_id\": \"task_1\"}", Roles.Assistant, false)], CancellationToken.None);
        Assert.StartsWith("Everything is taken care of.", second.Content);
    }

    [Fact]
    public async Task Without_tau2_metadata_the_oracle_answers_invalid_params()
    {
        var client = new A2AClient(Http, server.Agent("/agents/oracle"));
        var e = await Assert.ThrowsAsync<A2AException>(() => client.SendMessageAsync(new MessageSendParams
        {
            Message = new A2AMessage { MessageId = "m", Role = A2ARoles.User, Parts = [new TextPart("hi")] },
        }));
        Assert.Equal(A2AErrorKind.JsonRpcError, e.Kind);
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, e.RpcError!.Code);
        Assert.Contains("tau2", e.Message);
    }

    [Fact]
    public async Task Oracle_reports_unknown_tasks_as_invalid_params()
    {
        var client = new A2AClient(Http, server.Agent("/agents/oracle"));
        var e = await Assert.ThrowsAsync<A2AException>(() => client.SendMessageAsync(new MessageSendParams
        {
            Message = new A2AMessage
            {
                MessageId = "m", Role = A2ARoles.User, Parts = [new TextPart("hi")],
                Metadata = new JsonObject { ["tau2"] = new JsonObject { ["domain"] = "mock", ["task_id"] = "no_such_task" } },
            },
        }));
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, e.RpcError!.Code);
        Assert.Contains("no_such_task", e.Message);
    }

    [Fact]
    public async Task Agent_card_is_discoverable_and_unknown_agents_are_not()
    {
        var card = await new A2AClient(Http, server.Agent("/agents/oracle")).GetAgentCardAsync();
        Assert.Equal("oracle", card.Name);
        Assert.EndsWith("/agents/oracle", card.Url);
        Assert.Equal("faulty-slow", (await new A2AClient(Http, server.Agent("/agents/faulty/slow")).GetAgentCardAsync()).Name);

        var e = await Assert.ThrowsAsync<A2AException>(() => new A2AClient(Http, server.Agent("/agents/faulty/nonsense")).GetAgentCardAsync());
        Assert.Equal(A2AErrorKind.Discovery, e.Kind);
        Assert.Equal(404, e.StatusCode);
    }

    [Fact]
    public async Task Mock_agents_implement_message_send_only()
    {
        var client = new A2AClient(Http, server.Agent("/agents/oracle"));
        var e = await Assert.ThrowsAsync<A2AException>(() => client.GetTaskAsync("t1"));
        Assert.Equal(JsonRpcErrorCodes.UnsupportedOperation, e.RpcError!.Code);
    }
}
