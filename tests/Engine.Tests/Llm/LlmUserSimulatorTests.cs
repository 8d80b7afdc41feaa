using System.Text.Json.Nodes;
using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Llm;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;
using Tau2Observe.TestSupport;

namespace Tau2Observe.Engine.Tests.Llm;

public class LlmUserSimulatorTests
{
    private static ParticipantState History(params Message[] messages)
    {
        var state = new ParticipantState();
        state.History.AddRange(messages);
        return state;
    }

    private static ToolCall UserCall(string id, PyDict args) => new() { Id = id, Name = "toggle_airplane_mode", Arguments = args, Requestor = Roles.User };

    [Fact]
    public async Task The_request_has_tau2s_system_prompt_flipped_roles_tools_seed_and_temperature()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Thanks!"));
        var user = LlmTestSetup.User(server, userToolsJson: LlmTestSetup.UserToolsJson);
        var state = History(
            Message.Assistant(Orchestrator.Greeting, cost: 0.0),
            Message.User("My phone has no signal."),
            Message.Assistant("Please turn airplane mode off."),
            Message.User(null, [UserCall("call_1", new PyDict { ["on"] = false })]),
            Message.ToolResult("call_1", "Airplane mode: OFF", Roles.User, false));

        await user.GenerateAsync(state, [state.History[^1]], CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + LlmTestSetup.ApiKey, request.Authorization);

        var body = request.Body;
        Assert.Equal("gpt-4.1", (string?)body["model"]);
        Assert.Equal(300, (int?)body["seed"]);
        Assert.Equal(0.0, (double?)body["temperature"]);
        Assert.Equal("auto", (string?)body["tool_choice"]);
        // the tool list goes out exactly as the domain defines it
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(LlmTestSetup.UserToolsJson), body["tools"]));
        Assert.Contains("""{"properties": {"on": {"title": "On", "type": "boolean"}}, "required": ["on"], "title": "parameters", "type": "object"}""", request.RawBody);

        var messages = request.Messages;
        Assert.Equal(6, messages.Count);
        var guidelines = File.ReadAllText(Path.Combine(TestData.DataDir, "tau2", "user_simulator", "simulation_guidelines_tools.md"));
        Assert.Equal("system", (string?)messages[0]!["role"]);
        Assert.Equal(
            guidelines + "\n\n<scenario>\nPersona:\n\tCalm and brief.\nInstructions:\n\tDomain: counter\n\tReason for call:\n\t\tYou want the counter increased by 2.\n\tKnown info:\n\t\tYour name is Ada.\n\tTask instructions:\n\t\tSay thanks at the end.\n</scenario>",
            (string?)messages[0]!["content"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"role": "user", "content": "Hi! How can I help you today?"}"""), messages[1]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"role": "assistant", "content": "My phone has no signal."}"""), messages[2]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"role": "user", "content": "Please turn airplane mode off."}"""), messages[3]));
        Assert.Equal("assistant", (string?)messages[4]!["role"]);
        Assert.Null((string?)messages[4]!["content"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"id": "call_1", "type": "function", "function": {"name": "toggle_airplane_mode", "arguments": "{\"on\": false}"}}]"""),
            messages[4]!["tool_calls"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"role": "tool", "tool_call_id": "call_1", "content": "Airplane mode: OFF"}"""), messages[5]));
    }

    [Fact]
    public async Task Without_user_tools_the_plain_guidelines_are_used_and_no_tools_are_sent()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Hello, I need the counter raised."));
        var user = LlmTestSetup.User(server, seed: null);

        await user.GenerateAsync(History(Message.Assistant(Orchestrator.Greeting, cost: 0.0)), [], CancellationToken.None);

        var body = server.Requests[0].Body;
        var guidelines = File.ReadAllText(Path.Combine(TestData.DataDir, "tau2", "user_simulator", "simulation_guidelines.md"));
        Assert.StartsWith(guidelines + "\n\n<scenario>\n", (string?)body["messages"]![0]!["content"]);
        Assert.Equal(user.SystemPrompt, (string?)body["messages"]![0]!["content"]);
        Assert.False(body.ContainsKey("tools"));
        Assert.False(body.ContainsKey("tool_choice"));
        Assert.False(body.ContainsKey("seed"));
    }

    [Theory]
    [InlineData("openai/o3-mini")]
    [InlineData("openai/o4-mini")]
    [InlineData("gpt-5")]
    [InlineData("openai/gpt-5-mini")]
    public async Task Reasoning_models_get_no_temperature(string model)
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Hi."));
        var user = LlmTestSetup.User(server, model, temperature: 0.0);

        await user.GenerateAsync(History(Message.Assistant(Orchestrator.Greeting, cost: 0.0)), [], CancellationToken.None);

        Assert.False(server.Requests[0].Body.ContainsKey("temperature"));
    }

    [Fact]
    public async Task A_400_about_temperature_is_retried_once_without_it_and_remembered()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Error(400, "Unsupported value: 'temperature' does not support 0.0 with this model. Only the default (1) value is supported.",
                "invalid_request_error", "unsupported_value", "temperature"),
            FakeReply.Completion("Hi."),
            FakeReply.Completion("Thanks."));
        var user = LlmTestSetup.User(server, "openai/some-new-reasoner", temperature: 0.0);
        var state = History(Message.Assistant(Orchestrator.Greeting, cost: 0.0));

        var first = await user.GenerateAsync(state, [], CancellationToken.None);
        state.History.Add(first);
        state.History.Add(Message.Assistant("Done."));
        await user.GenerateAsync(state, [], CancellationToken.None);

        Assert.Equal(3, server.Requests.Count);
        Assert.True(server.Requests[0].Body.ContainsKey("temperature"));
        Assert.False(server.Requests[1].Body.ContainsKey("temperature"));
        Assert.False(server.Requests[2].Body.ContainsKey("temperature"));
        Assert.Equal("Hi.", first.Content);
    }

    [Fact]
    public async Task A_400_about_seed_is_retried_without_it()
    {
        using var server = new FakeOpenAiServer().Reply(
            FakeReply.Error(400, "Invalid JSON payload received. Unknown name \"seed\": Cannot find field.", "INVALID_ARGUMENT"),
            FakeReply.Completion("Hi."));
        var logger = new CapturingLogger();
        var user = LlmTestSetup.User(server, "moonshot/kimi-k2-0905-preview", seed: 300, logger: logger);

        var reply = await user.GenerateAsync(History(Message.Assistant(Orchestrator.Greeting, cost: 0.0)), [], CancellationToken.None);

        Assert.Equal("Hi.", reply.Content);
        Assert.Equal(300, (int?)server.Requests[0].Body["seed"]);
        Assert.False(server.Requests[1].Body.ContainsKey("seed"));
        Assert.True(server.Requests[1].Body.ContainsKey("temperature"));
        Assert.Contains("moonshot/kimi-k2-0905-preview rejected the seed parameter", Assert.Single(logger.Lines));
    }

    [Fact]
    public async Task The_reply_becomes_a_user_message_with_tool_calls_cost_usage_and_raw_choice()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion(
            null, [("call_abc", "toggle_airplane_mode", """{"on": true, "retries": 3, "level": 1.0}""")],
            promptTokens: 1000, completionTokens: 200, cachedTokens: 400));
        var usage = new LlmUsageAccumulator();
        var user = LlmTestSetup.User(server, userToolsJson: LlmTestSetup.UserToolsJson, usage: usage);

        var reply = await user.GenerateAsync(History(Message.Assistant("Please turn airplane mode on.")), [], CancellationToken.None);

        Assert.Equal(Roles.User, reply.Role);
        Assert.Null(reply.Content);
        var call = Assert.Single(reply.ToolCalls!);
        Assert.Equal("call_abc", call.Id);
        Assert.Equal("toggle_airplane_mode", call.Name);
        Assert.Equal(Roles.User, call.Requestor);
        Assert.Equal("""{"on": true, "retries": 3, "level": 1.0}""", PyJson.Dumps(call.Arguments)); // integers stay integers, floats floats

        // gpt-4.1: 600 uncached x $2 + 400 cached x $0.50 + 200 out x $8, per million
        Assert.Equal(0.003, reply.Cost!.Value, 12);
        Assert.Equal("""{"completion_tokens": 200, "prompt_tokens": 1000, "cached_tokens": 400}""", PyJson.Dumps(reply.Usage));
        var raw = Assert.IsType<PyDict>(reply.RawData);
        Assert.Equal("tool_calls", raw["finish_reason"]);
        Assert.Equal(0L, raw["index"]);
        Assert.Equal("call_abc", ((PyDict)((List<object?>)((PyDict)raw["message"]!)["tool_calls"]!)[0]!)["id"]);

        var total = usage.For(LlmRoles.User);
        Assert.Equal((1, 1000L, 200L, 400L), (total.Calls, total.PromptTokens, total.CompletionTokens, total.CachedPromptTokens));
        Assert.Equal(0.003, total.Cost!.Value, 12);
    }

    [Fact]
    public async Task A_text_reply_with_a_stop_token_ends_the_run_as_user_stop()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion("Thank you! ###STOP###"));
        var user = LlmTestSetup.User(server);

        var reply = await user.GenerateAsync(History(Message.Assistant("All done.")), [], CancellationToken.None);

        Assert.Equal("Thank you! ###STOP###", reply.Content);
        Assert.Null(reply.ToolCalls);
        Assert.True(StopTokens.IsUserStop(reply));
    }

    [Fact]
    public async Task Invalid_tool_call_arguments_are_a_user_error()
    {
        using var server = new FakeOpenAiServer().Reply(FakeReply.Completion(null, [("call_1", "toggle_airplane_mode", "{not json")]));
        var user = LlmTestSetup.User(server, userToolsJson: LlmTestSetup.UserToolsJson);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(History(Message.Assistant("Toggle it.")), [], CancellationToken.None));

        Assert.StartsWith("USER_LLM_INVALID_TOOL_CALL: ", e.Message);
        Assert.False(e.IsInfrastructure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_agent_tool_call_or_agent_tool_result_in_the_user_history_is_an_error(bool toolCall)
    {
        using var server = new FakeOpenAiServer();
        var user = LlmTestSetup.User(server);
        var misplaced = toolCall
            ? Message.Assistant(null, [new ToolCall { Id = "a1", Name = "increment", Arguments = new() { ["by"] = 2L } }])
            : Message.ToolResult("a1", "2", Roles.Assistant, false);

        var e = await Assert.ThrowsAsync<ParticipantException>(() => user.GenerateAsync(History(misplaced), [], CancellationToken.None));

        Assert.StartsWith("USER_HISTORY_INVALID: ", e.Message);
        Assert.Empty(server.Requests);
    }
}
