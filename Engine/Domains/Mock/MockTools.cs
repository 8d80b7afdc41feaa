using Tau2Observe.Engine.Environment;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Domains.Mock;

/// <summary>
/// tau2's mock agent tools (spec domains-airline-retail-mock §4) plus its two assertion methods,
/// which setup actions and environment assertions can call but the agent cannot.
/// <c>update_task_status</c> stores the status argument as given (any kind), like the reference.
/// </summary>
public sealed class MockTools(PyRecord db) : Toolkit
{
    private static readonly ToolMethodTable Table = new ToolCatalog<MockTools>()
        .Tool("create_task", ToolType.Write, (t, a) => t.CreateTask(a["user_id"], a["title"], a["description"]),
            P("user_id"), P("title"), ToolParameter.Optional("description"))
        .Tool("get_users", ToolType.Read, (t, _) => t.Users.Values.ToList())
        .Tool("update_task_status", ToolType.Write, (t, a) => t.UpdateTaskStatus(a["task_id"], a["status"]),
            P("task_id"), P("status"))
        .Tool("transfer_to_human_agents", ToolType.Generic, (_, _) => "Transfer successful", P("summary"))
        .Method("assert_number_of_tasks", (t, a) => t.AssertNumberOfTasks(a["user_id"], a["expected_number"]),
            P("user_id"), P("expected_number"))
        .Method("assert_task_status", (t, a) => t.AssertTaskStatus(a["task_id"], a["expected_status"]),
            P("task_id"), P("expected_status"))
        .Build();

    private static ToolParameter P(string name) => new(name);

    private PyRecord _db = db;

    public override string ClassName => "MockTools";

    public override ToolMethodTable Methods => Table;

    public override PyRecord? Db => _db;

    public override void ReplaceDb(PyDict merged) => _db = MockSchemas.Db.Validate(merged);

    private PyDict Tasks => (PyDict)_db["tasks"]!;
    private PyDict Users => (PyDict)_db["users"]!;

    private PyRecord CreateTask(object? userId, object? title, object? description)
    {
        if (!PyMembership.InDict(Users, userId)) throw new ToolCallException($"User {PyRepr.Str(userId)} not found");
        // no collision check: an existing task with the next number is replaced, as in the reference
        string taskId = $"task_{Tasks.Count + 1}";
        var task = MockSchemas.Task.Validate(new PyDict
        {
            ["task_id"] = taskId,
            ["title"] = title,
            ["description"] = description,
            ["status"] = "pending",
        });
        Tasks[taskId] = Owned(task);
        ((List<object?>)Own(Users, (string)userId!)["tasks"]!).Add(taskId);
        return task;
    }

    private PyRecord UpdateTaskStatus(object? taskId, object? status)
    {
        if (!PyMembership.InDict(Tasks, taskId)) throw new ToolCallException($"Task {PyRepr.Str(taskId)} not found");
        var task = Own(Tasks, (string)taskId!);
        task["status"] = status;
        return task;
    }

    private bool AssertNumberOfTasks(object? userId, object? expectedNumber)
    {
        if (!PyMembership.InDict(Users, userId)) throw new ToolCallException($"User {PyRepr.Str(userId)} not found");
        long count = ((List<object?>)((PyRecord)Users[(string)userId!]!)["tasks"]!).Count;
        return PyEquality.Equals(count, expectedNumber);
    }

    private bool AssertTaskStatus(object? taskId, object? expectedStatus)
    {
        if (!PyMembership.InDict(Tasks, taskId)) throw new ToolCallException($"Task {PyRepr.Str(taskId)} not found");
        return PyEquality.Equals(((PyRecord)Tasks[(string)taskId!]!)["status"], expectedStatus);
    }
}
