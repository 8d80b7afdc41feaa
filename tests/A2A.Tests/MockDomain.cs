using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.A2A.Tests;

/// <summary>Builds the agent context for a mock-domain task over a <see cref="TaskToolkit"/>.</summary>
public static class MockDomain
{
    public const string CreateTaskTool = """
        [{"type": "function", "function": {"name": "create_task", "description": "Create a task for a user.",
          "parameters": {"type": "object", "title": "parameters", "required": ["user_id", "title"], "properties": {
            "user_id": {"title": "User Id", "type": "string"},
            "title": {"title": "Title", "type": "string"},
            "description": {"default": null, "title": "Description", "type": "string"}}}}}]
        """;

    public static (AgentContext Context, TaskToolkit Tools) Context(string taskId)
    {
        var tools = new TaskToolkit();
        var env = new DomainEnvironment("mock", "policy", tools, null);
        TauTask task = SharedData.MockTask(taskId);
        return (new AgentContext("mock", task, env, CreateTaskTool, "[]", 300), tools);
    }
}
