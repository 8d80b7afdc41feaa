using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.A2A.Tests;

/// <summary>
/// A stand-in for the mock domain's toolkit with just <c>create_task</c>, so a conversation with
/// the A2A oracle can run through the real orchestrator without the domain implementation.
/// </summary>
public sealed class TaskToolkit : Toolkit
{
    private static readonly ToolMethodTable Table = new ToolCatalog<TaskToolkit>()
        .Tool("create_task", ToolType.Write, (t, a) => t.CreateTask((string)a["user_id"]!, (string)a["title"]!),
            new ToolParameter("user_id"), new ToolParameter("title"), ToolParameter.Optional("description"))
        .Build();

    public List<(string UserId, string Title)> Created { get; } = [];

    public override string ClassName => "TaskToolkit";
    public override ToolMethodTable Methods => Table;
    public override PyRecord? Db => null;
    public override void ReplaceDb(PyDict merged) { }

    private PyDict CreateTask(string userId, string title)
    {
        Created.Add((userId, title));
        return new PyDict { ["task_id"] = "task_" + Created.Count, ["title"] = title, ["status"] = "pending" };
    }
}
