using Tau2Observe.Engine.Data.Schema;

namespace Tau2Observe.Engine.Domains.Mock;

/// <summary>The mock data model (tau2's <c>MockDB</c>): tasks and users keyed by id.</summary>
public static class MockSchemas
{
    public static readonly ModelSchema Task = new ModelSchema("Task")
        .Field("task_id", FieldType.Str)
        .Field("title", FieldType.Str)
        .Optional("description", FieldType.Optional(FieldType.Str))
        .Optional("status", FieldType.Literal("pending", "completed"), "pending");

    public static readonly ModelSchema User = new ModelSchema("User")
        .Field("user_id", FieldType.Str)
        .Field("name", FieldType.Str)
        .Optional("tasks", FieldType.ListOf(FieldType.Str), new List<object?>());

    public static readonly ModelSchema Db = new ModelSchema("MockDB", forbidExtra: true)
        .Field("tasks", FieldType.DictOf(FieldType.Model(Task)))
        .Field("users", FieldType.DictOf(FieldType.Model(User)));
}
