using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Environment;

namespace Tau2Observe.TestSupport;

/// <summary>
/// A real domain's environments with tasks from another task file (e.g. one a test wrote in the newer
/// tau2-bench format); splits come from the file's <c>split_&lt;stem&gt;.json</c> when there is one.
/// </summary>
public sealed class TaskFileDomain(IDomain inner, string taskFile, string? name = null) : IDomain
{
    public string Name => name ?? inner.Name;

    public DomainEnvironment CreateEnvironment(bool soloMode = false) => inner.CreateEnvironment(soloMode);

    public IReadOnlyList<TauTask> LoadTasks(string? split = "base", string? taskSet = null)
    {
        var splits = TaskSetLoader.LoadSplits(taskFile);
        var tasks = TaskSetLoader.Load(taskFile);
        return splits.Count == 0 && split is not null ? tasks : TaskSetLoader.Select(tasks, splits, split);
    }

    public IReadOnlyList<string> SplitNames(string? taskSet = null) => TaskSetLoader.LoadSplits(taskFile).Keys.ToList();

    public string ToolSchemasJson() => inner.ToolSchemasJson();
}
