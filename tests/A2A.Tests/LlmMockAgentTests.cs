using System.Text.Json.Nodes;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Users;
using Tau2Observe.MockAgents;
using Tau2Observe.TestSupport;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// The LLM-backed mock agents on a fake OpenAI-compatible provider: what they send the model, how they
/// keep each context's history, the usage they report, how their model failures reach the evaluator,
/// and a whole evaluation where this project's A2A client drives one while an LLM user talks to it.
/// </summary>
public sealed class LlmMockAgentTests : IDisposable
{
    private const string AgentKey = "agent-key-0123456789-SECRET";
    private const string UserKey = "user-key-9876543210-SECRET";
    private static readonly HttpClient Http = new();

    private readonly FakeOpenAiServer _provider = new();

    public void Dispose() => _provider.Dispose();

    private Task<MockAgentsServer> AgentsOnFakeProvider(string agent = LlmAgentSettings.SimpleGeminiName) => MockAgentsServer.StartAsync(
        $"--MockAgents:Llm:{agent}:BaseUrl", _provider.BaseUrl.ToString(),
        $"--MockAgents:Llm:{agent}:ApiKey", AgentKey);

    private static FakeReply ToolCallText(string json, int prompt, int completion, string model) =>
        FakeReply.Completion(json, promptTokens: prompt, completionTokens: completion, model: model);

    [Theory]
    [InlineData("/agents/simple_gemini_agent", "simple_gemini_agent")]
    [InlineData("/a2a/simple_gemini_agent", "simple_gemini_agent")]
    [InlineData("/agents/kimi_litellm_agent", "kimi_litellm_agent")]
    public async Task Each_llm_agent_serves_its_card(string path, string name)
    {
        await using var agents = await AgentsOnFakeProvider();
        var card = await new A2AClient(Http, agents.Agent(path)).GetAgentCardAsync();
        Assert.Equal(name, card.Name);
        Assert.Equal(agents.Agent(path).ToString(), card.Url);
        Assert.Equal("customer-service", Assert.Single(card.Skills).Id);
        Assert.False(card.Capabilities.Streaming);
    }

    [Fact]
    public async Task Each_context_keeps_its_own_history()
    {
        await using var agents = await AgentsOnFakeProvider();
        _provider.Reply(
            FakeReply.Completion("Hello A"), FakeReply.Completion("Hello B"), FakeReply.Completion("Again A"));
        var client = new A2AClient(Http, agents.Agent("/agents/simple_gemini_agent"));

        async Task<A2ATask> Send(string text, string contextId) =>
            (A2ATask)await client.SendMessageAsync(new MessageSendParams
            {
                Message = new A2AMessage { MessageId = Guid.NewGuid().ToString(), Role = A2ARoles.User, Parts = [new TextPart(text)], ContextId = contextId },
            });

        await Send("first in A", "ctx-a");
        await Send("first in B", "ctx-b");
        var third = await Send("second in A", "ctx-a");

        Assert.Equal(TaskState.Completed, third.Status.State);
        Assert.Equal("Again A", ReplyTextExtractor.Extract(third));
        var requests = _provider.Requests;
        Assert.Equal(["system", "user"], requests[1].Messages.Select(m => (string)m!["role"]!));
        Assert.Equal("first in B", (string)requests[1].Messages[1]!["content"]!);
        Assert.Equal(["system", "user", "assistant", "user"], requests[2].Messages.Select(m => (string)m!["role"]!));
        Assert.Equal(["first in A", "Hello A", "second in A"], requests[2].Messages.Skip(1).Select(m => (string)m!["content"]!));
        Assert.Equal(LlmAgent.Instruction, (string)requests[2].Messages[0]!["content"]!);
        Assert.Equal("gemini-2.0-flash", (string)requests[2].Body["model"]!);
        Assert.All(requests, r => Assert.Equal("Bearer " + AgentKey, r.Authorization));
    }

    [Fact]
    public async Task An_evaluation_with_an_llm_user_and_an_llm_agent_accounts_for_every_call()
    {
        await using var agents = await AgentsOnFakeProvider();
        const string toolCall = """{"tool_call": {"name": "create_task", "arguments": {"user_id": "user_1", "title": "Important Meeting"}}}""";
        _provider.Reply(
            // user (gemini-2.5-flash), agent (gemini-2.0-flash), agent, user: the orchestrator's order
            FakeReply.Completion("Please create a task called 'Important Meeting' for user_1.", promptTokens: 1000, completionTokens: 20, cachedTokens: 400, model: "gemini-2.5-flash"),
            ToolCallText(toolCall, prompt: 3000, completion: 30, model: "gemini-2.0-flash"),
            ToolCallText("I created the task 'Important Meeting' for user_1.", prompt: 3500, completion: 15, model: "gemini-2.0-flash"),
            FakeReply.Completion("Thanks, that is all. ###STOP###", promptTokens: 1200, completionTokens: 8, model: "gemini-2.5-flash"));

        var data = new TauDataDirectory(SharedData.DataDir);
        var resolver = new DefaultParticipantResolver(data, new LlmClientFactory(FastLlmRetries.Options),
            environment: name => name == "GEMINI_API_BASE" ? _provider.BaseUrl.ToString() : null);
        var participants = resolver.Resolve(new ParticipantSelection(
            agents.Agent("/agents/simple_gemini_agent").ToString(), "gemini/gemini-2.5-flash", UserApiKey: UserKey));
        var run = await new SimulationRunner(new DomainRegistry(data)).RunAsync(new TrialSpec("mock", "create_task_1", 0, 300), participants);

        Assert.Equal(TerminationReason.UserStop, run.TerminationReason);
        Assert.Equal(1.0, run.RewardInfo!.Reward);
        var requests = _provider.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal(["Bearer " + UserKey, "Bearer " + AgentKey, "Bearer " + AgentKey, "Bearer " + UserKey], requests.Select(r => r.Authorization));

        // the user model: guidelines + scenario, the agent's greeting flipped to "user"
        var first = requests[0];
        Assert.Equal("gemini-2.5-flash", (string)first.Body["model"]!);
        string system = (string)first.Messages[0]!["content"]!;
        Assert.Contains("<scenario>\n", system);
        Assert.EndsWith("Create a new task called 'Important Meeting' for user_1.\n</scenario>", system);
        Assert.Equal(("user", Orchestrator.Greeting), ((string)first.Messages[1]!["role"]!, (string)first.Messages[1]!["content"]!));

        // the agent's model: the instruction, the user's text with the tool catalogue, then the tool result in the same context
        Assert.Equal(LlmAgent.Instruction, (string)requests[1].Messages[0]!["content"]!);
        string agentTurn = (string)requests[1].Messages[1]!["content"]!;
        Assert.StartsWith("Please create a task called 'Important Meeting' for user_1.", agentTurn);
        Assert.Contains("<available_tools>", agentTurn);
        Assert.Contains("create_task(", agentTurn);
        Assert.Equal(["system", "user", "assistant", "user"], requests[2].Messages.Select(m => (string)m!["role"]!));
        Assert.Equal(toolCall, (string)requests[2].Messages[2]!["content"]!);
        Assert.StartsWith("Tool result (id=", (string)requests[2].Messages[3]!["content"]!);

        // the user's last request: own turn as assistant, the agent's answer as user
        Assert.Equal(["system", "user", "assistant", "user"], requests[3].Messages.Select(m => (string)m!["role"]!));
        Assert.Equal("I created the task 'Important Meeting' for user_1.", (string)requests[3].Messages[3]!["content"]!);

        // tokens and cost of every call, at data/model-prices.json's prices (USD per million tokens)
        var agentTurns = run.Messages.Where(m => m.IsAssistant && m.Usage is not null).ToList();
        var userTurns = run.Messages.Where(m => m.IsUser).ToList();
        Assert.Equal(2, agentTurns.Count);
        Assert.Equal([3000L, 3500L], agentTurns.Select(m => (long)m.Usage!["prompt_tokens"]!));
        Assert.Equal([1000L, 1200L], userTurns.Select(m => (long)m.Usage!["prompt_tokens"]!));
        Assert.Equal(400L, userTurns[0].Usage!["cached_tokens"]);
        // gemini-2.0-flash: 0.10 in, 0.40 out; gemini-2.5-flash: 0.30 in, 0.03 cached, 2.50 out
        Assert.Equal((3000 * 0.10 + 30 * 0.40 + 3500 * 0.10 + 15 * 0.40) / 1e6, run.AgentCost!.Value, 12);
        Assert.Equal((600 * 0.30 + 400 * 0.03 + 20 * 2.50 + 1200 * 0.30 + 8 * 2.50) / 1e6, run.UserCost!.Value, 12);

        // neither key is in the trajectory, the reward info or the run's JSON
        string runJson = Tau2Observe.Engine.Values.PyJson.Dumps(run.ToPy());
        Assert.DoesNotContain(UserKey, runJson);
        Assert.DoesNotContain(AgentKey, runJson);
    }

    [Fact]
    public async Task An_unpriced_agent_model_reports_tokens_and_a_null_cost()
    {
        await using var agents = await MockAgentsServer.StartAsync(
            "--MockAgents:Llm:simple_gemini_agent:Model", "openai/my-finetune-7b",
            "--MockAgents:Llm:simple_gemini_agent:BaseUrl", _provider.BaseUrl.ToString());
        _provider.Reply(FakeReply.Completion("How can I help?", promptTokens: 50, completionTokens: 5, model: "my-finetune-7b"));
        var (context, _) = MockDomain.Context("create_task_1");
        var agent = new A2AAgent(new A2AClient(Http, agents.Agent("/agents/simple_gemini_agent")), context);

        var reply = await agent.GenerateAsync(new ParticipantState(), [Message.User("hi")], default);

        Assert.Equal(50L, reply.Usage!["prompt_tokens"]);
        Assert.Equal(5L, reply.Usage!["completion_tokens"]);
        Assert.Null(reply.Cost);
        Assert.Null(_provider.Requests[0].Body["temperature"]);
    }

    [Fact]
    public async Task The_kimi_agent_answers_without_its_reasoning_so_tool_calls_parse()
    {
        await using var agents = await AgentsOnFakeProvider(LlmAgentSettings.KimiLitellmName);
        _provider.Reply(FakeReply.Completion(
            "<think>The user wants a task. I should call create_task.</think>\n{\"tool_call\": {\"name\": \"create_task\", \"arguments\": {\"user_id\": \"user_1\", \"title\": \"T\"}}}",
            model: "moonshotai/Kimi-K2-Thinking"));
        var (context, _) = MockDomain.Context("create_task_1");
        var agent = new A2AAgent(new A2AClient(Http, agents.Agent("/a2a/kimi_litellm_agent")), context);

        var reply = await agent.GenerateAsync(new ParticipantState(), [Message.User("make a task")], default);

        Assert.Equal("create_task", Assert.Single(reply.ToolCalls!).Name);
        Assert.Equal("moonshotai/Kimi-K2-Thinking", (string)_provider.Requests[0].Body["model"]!);
        // priced as nebius/moonshotai/Kimi-K2-Thinking: 0.60 in, 2.50 out
        Assert.Equal((100 * 0.60 + 20 * 2.50) / 1e6, reply.Cost!.Value, 12);
    }

    [Theory]
    [InlineData(401, "invalid_api_key", "rejected the API key")]
    [InlineData(400, "context_length_exceeded", "context")]
    public async Task A_failed_agent_model_call_is_an_agent_error_without_the_key(int status, string code, string expected)
    {
        await using var agents = await AgentsOnFakeProvider();
        _provider.Reply(FakeReply.Error(status, $"Incorrect API key provided: {AgentKey[..12]}**** ({code})", "invalid_request_error", code));
        var (context, _) = MockDomain.Context("create_task_1");
        var agent = new A2AAgent(new A2AClient(Http, agents.Agent("/agents/simple_gemini_agent")), context);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => agent.GenerateAsync(new ParticipantState(), [Message.User("hi")], default));

        Assert.Contains("ended its task as 'failed'", e.Message);
        Assert.Contains(expected, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(e.IsInfrastructure);
        Assert.DoesNotContain(AgentKey, e.Message);
        Assert.Single(_provider.Requests); // neither is retried
    }

    [Fact]
    public async Task An_agent_without_a_key_says_which_variable_to_set_and_calls_no_provider()
    {
        // the Kimi agent on its default public Nebius host, with no key configured (NEBIUS_API_KEY is not set in tests)
        await using var agents = await MockAgentsServer.StartAsync("--NEBIUS_API_BASE", _provider.BaseUrl.ToString());
        var (context, _) = MockDomain.Context("create_task_1");
        var agent = new A2AAgent(new A2AClient(Http, agents.Agent("/agents/kimi_litellm_agent")), context);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => agent.GenerateAsync(new ParticipantState(), [Message.User("hi")], default));

        Assert.Contains("kimi_litellm_agent is not configured: No API key for nebius/moonshotai/Kimi-K2-Thinking: set NEBIUS_API_KEY", e.Message);
        Assert.Empty(_provider.Requests);
    }
}
