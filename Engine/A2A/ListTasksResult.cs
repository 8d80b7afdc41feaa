namespace Tau2Observe.Engine.A2A;

/// <summary>
/// The result of A2A 1.0 <c>ListTasks</c>: one page of tasks, most recently updated first.
/// <see cref="NextPageToken"/> is always present and empty on the last page; <see cref="TotalSize"/>
/// counts every task that matches the filters, before paging.
/// </summary>
public sealed class ListTasksResult
{
    public List<A2ATask> Tasks { get; set; } = [];
    public string NextPageToken { get; set; } = "";
    public int PageSize { get; set; }
    public int TotalSize { get; set; }
}
