using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Domains.Mock;
using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Simulation;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Tests.Mock;

/// <summary>tau2's mock tool and environment tests (spec §9.4, §9.5) and the mock domain's loading and isolation.</summary>
public class MockToolsTests
{
    private const string PristineHash = "107f83a70b7bf4f616e283b0b0b8451346fe7681173398d4498a1ec15c5fdfc6";

    private static MockDomain Domain => (MockDomain)TestData.Registry.Get("mock");

    private static Message Call(DomainEnvironment env, string name, string argumentsJson = "{}") =>
        env.GetResponse(new ToolCall { Id = "c", Name = name, Arguments = (PyDict)PyJson.Parse(argumentsJson)! });

    private static EnvFunctionCall Action(string name, string argumentsJson) =>
        new() { EnvType = "assistant", FuncName = name, Arguments = (PyDict)PyJson.Parse(argumentsJson)! };

    [Fact]
    public void Create_task_numbers_tasks_and_matches_the_reference_hash()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal(PristineHash, env.AgentDbHash());
        var m = Call(env, "create_task", """{"user_id": "user_1", "title": "New task", "description": "A new test task"}""");
        Assert.False(m.Error);
        Assert.Equal("""{"task_id": "task_2", "title": "New task", "description": "A new test task", "status": "pending"}""", m.Content);
        Assert.Equal(
            """{"tasks": {"task_1": {"description": "A test task", "status": "pending", "task_id": "task_1", "title": "Test task"}, "task_2": {"description": "A new test task", "status": "pending", "task_id": "task_2", "title": "New task"}}, "users": {"user_1": {"name": "Test User", "tasks": ["task_1", "task_2"], "user_id": "user_1"}}}""",
            DbHasher.CanonicalJson(env.AgentTools.Db));
        Assert.Equal("b2752d142b43b93cdcd5c7b489d8a28b36fb500739741783d2e441787527924d", env.AgentDbHash());
        Assert.Equal("Error: User nonexistent not found", Call(env, "create_task", """{"user_id": "nonexistent", "title": "x"}""").Content);
    }

    [Fact]
    public void Create_task_validates_the_task_model_and_defaults_the_description()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal("""{"task_id": "task_2", "title": "T", "description": null, "status": "pending"}""", Call(env, "create_task", """{"user_id": "user_1", "title": "T"}""").Content);
        Assert.Equal(
            "Error: 1 validation error for Task\ntitle\n  Input should be a valid string [type=string_type, input_value=42, input_type=int]\n" +
            "    For further information visit https://errors.pydantic.dev/2.13/v/string_type",
            Call(env, "create_task", """{"user_id": "user_1", "title": 42}""").Content);
        Assert.Equal("Error: MockTools.create_task() missing 1 required positional argument: 'title'", Call(env, "create_task", """{"user_id": "user_1"}""").Content);
    }

    [Fact]
    public void Create_task_overwrites_an_existing_id_like_the_reference()
    {
        var env = Domain.CreateEnvironment();
        env.SetState(new InitialState { AgentData = (PyDict)PyJson.Parse(
            """{"tasks": {"task_3": {"task_id": "task_3", "title": "Old", "status": "completed"}}}""")! }, null);
        // two tasks exist, so the next id is task_3, which replaces the existing one
        var m = Call(env, "create_task", """{"user_id": "user_1", "title": "New"}""");
        Assert.Equal("""{"task_id": "task_3", "title": "New", "description": null, "status": "pending"}""", m.Content);
        Assert.Equal(2, ((PyDict)env.AgentTools.Db!["tasks"]!).Count);
    }

    [Fact]
    public void Update_task_status_stores_the_argument_as_given()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal("""{"task_id": "task_1", "title": "Test task", "description": "A test task", "status": "completed"}""",
            Call(env, "update_task_status", """{"task_id": "task_1", "status": "completed"}""").Content);
        Assert.Equal("""{"task_id": "task_1", "title": "Test task", "description": "A test task", "status": "done"}""",
            Call(env, "update_task_status", """{"task_id": "task_1", "status": "done"}""").Content);
        Assert.Equal("""{"task_id": "task_1", "title": "Test task", "description": "A test task", "status": 1}""",
            Call(env, "update_task_status", """{"task_id": "task_1", "status": 1}""").Content);
        var missing = Call(env, "update_task_status", """{"task_id": "nonexistent", "status": "completed"}""");
        Assert.True(missing.Error);
        Assert.Equal("Error: Task nonexistent not found", missing.Content);
    }

    [Fact]
    public void Assertion_methods_are_not_tools()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal("Error: Tool 'assert_task_status' not found.", Call(env, "assert_task_status", """{"task_id": "task_1", "expected_status": "pending"}""").Content);
        Assert.True(env.RunEnvAssertion(new EnvAssertion { EnvType = "assistant", FuncName = "assert_task_status", Arguments = (PyDict)PyJson.Parse("""{"task_id": "task_1", "expected_status": "pending"}""")! }));
        Assert.True(env.RunEnvAssertion(new EnvAssertion { EnvType = "assistant", FuncName = "assert_number_of_tasks", Arguments = (PyDict)PyJson.Parse("""{"user_id": "user_1", "expected_number": 1}""")! }));
        Assert.False(env.RunEnvAssertion(new EnvAssertion { EnvType = "assistant", FuncName = "assert_number_of_tasks", Arguments = (PyDict)PyJson.Parse("""{"user_id": "user_1", "expected_number": 2}""")! }));
        var e = Assert.Throws<ToolCallException>(() => env.RunEnvFunctionCall(Action("assert_task_status", """{"task_id": "task_9", "expected_status": "pending"}""")));
        Assert.Equal("Task task_9 not found", e.Message);
        Assert.Equal(["create_task", "get_users", "update_task_status", "transfer_to_human_agents"], env.AgentTools.Tools.Select(t => t.Name));
    }

    [Fact]
    public void Unknown_tools_and_argument_errors_use_cpython_texts()
    {
        var env = Domain.CreateEnvironment();
        Assert.Equal("Error: Tool 'tool4' not found.", Call(env, "tool4").Content);
        Assert.Equal("Error: MockTools.get_users() got an unexpected keyword argument 'user_id'", Call(env, "get_users", """{"user_id": "user_1"}""").Content);
        Assert.Equal("Error: MockTools.transfer_to_human_agents() missing 1 required positional argument: 'summary'", Call(env, "transfer_to_human_agents").Content);
        Assert.Equal("""[{"user_id": "user_1", "name": "Test User", "tasks": ["task_1"]}]""", Call(env, "get_users").Content);
    }

    private static void AssertEndStateOfE2(DomainEnvironment env)
    {
        var tasks = (PyDict)env.AgentTools.Db!["tasks"]!;
        Assert.Equal("completed", ((PyDict)tasks["task_1"]!)["status"]);
        Assert.Equal("pending", ((PyDict)tasks["task_2"]!)["status"]);
        Assert.Equal(2, ((List<object?>)((PyDict)((PyDict)env.AgentTools.Db["users"]!)["user_1"]!)["tasks"]!).Count);
    }

    [Fact]
    public void Replaying_a_history_rebuilds_the_state()
    {
        var env = Domain.CreateEnvironment();
        List<Message> history =
        [
            Message.Assistant(null, [new ToolCall { Id = "1", Name = "create_task", Arguments = (PyDict)PyJson.Parse("""{"user_id": "user_1", "title": "Important Meeting"}""")! }]),
            Message.ToolResult("1", """{"task_id": "task_2", "title": "Important Meeting", "description": null, "status": "pending"}""", "assistant", false),
            Message.Assistant(null, [new ToolCall { Id = "2", Name = "update_task_status", Arguments = (PyDict)PyJson.Parse("""{"task_id": "task_1", "status": "completed"}""")! }]),
            Message.ToolResult("2", """{"task_id": "task_1", "title": "Test task", "description": "A test task", "status": "completed"}""", "assistant", false),
        ];
        env.SetState(null, history);
        AssertEndStateOfE2(env);

        var other = Domain.CreateEnvironment();
        history[1] = Message.ToolResult("1", """{"task_id": "task_2", "title": "Other", "description": null, "status": "pending"}""", "assistant", false);
        Assert.Throws<EnvironmentStateException>(() => other.SetState(null, history));
    }

    [Fact]
    public void Initialization_data_and_actions_reach_the_same_state()
    {
        var merged = Domain.CreateEnvironment();
        merged.SetState(new InitialState
        {
            AgentData = (PyDict)PyJson.Parse("""{"tasks": {"task_1": {"status": "completed"}, "task_2": {"task_id": "task_2", "title": "Important Meeting"}}, "users": {"user_1": {"tasks": ["task_1", "task_2"]}}}""")!,
        }, null);
        AssertEndStateOfE2(merged);

        var acted = Domain.CreateEnvironment();
        acted.SetState(new InitialState
        {
            InitializationActions =
            [
                Action("create_task", """{"user_id": "user_1", "title": "Important Meeting"}"""),
                Action("update_task_status", """{"task_id": "task_1", "status": "completed"}"""),
            ],
        }, null);
        AssertEndStateOfE2(acted);
        Assert.Equal(merged.AgentDbHash(), acted.AgentDbHash());
        Assert.Equal(PristineHash, Domain.CreateEnvironment().AgentDbHash());
    }

    [Fact]
    public void Environments_are_isolated()
    {
        var first = Domain.CreateEnvironment();
        var second = Domain.CreateEnvironment();
        Call(first, "update_task_status", """{"task_id": "task_1", "status": "completed"}""");
        Call(first, "create_task", """{"user_id": "user_1", "title": "x"}""");
        Assert.Equal(PristineHash, second.AgentDbHash());
        Assert.Equal(PristineHash, DbHasher.Hash(Domain.PristineDb));
        Assert.Equal("""[{"user_id": "user_1", "name": "Test User", "tasks": ["task_1"]}]""", Call(second, "get_users").Content);
    }

    [Fact]
    public void Solo_mode_uses_the_solo_policy()
    {
        var solo = Domain.CreateEnvironment(soloMode: true);
        Assert.True(solo.SoloMode);
        Assert.Equal(File.ReadAllText(Path.Combine(TestData.DataDir, "tau2", "domains", "mock", "policy_solo.md")), solo.Policy);
        Assert.Equal(File.ReadAllText(Path.Combine(TestData.DataDir, "tau2", "domains", "mock", "policy.md")), Domain.CreateEnvironment().Policy);
        Assert.False(Call(solo, "get_users").Error);
    }

    [Fact]
    public void Tasks_load_from_the_task_file()
    {
        Assert.Equal(9, Domain.LoadTasks("base").Count);
        Assert.Equal(["base"], Domain.SplitNames());
        Assert.Equal("create_task_1", Domain.LoadTasks(null)[0].Id);
    }

    [Fact]
    public void Tool_schemas_match_the_reference_structure() =>
        Retail.ToolSchemaAssert.MatchesReference(Domain.ToolSchemasJson(), "mock.json", Domain.CreateEnvironment().AgentTools);
}
