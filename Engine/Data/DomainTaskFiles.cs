using System.Collections.Concurrent;
using Tau2Observe.Engine.Data.Tasks;

namespace Tau2Observe.Engine.Data;

/// <summary>
/// The task sets of a domain that keeps them as <c>tasks.json</c> (the default set, which the
/// conformance vectors call "base") and <c>tasks_&lt;set&gt;.json</c> in its data folder. Each file
/// is parsed once, so every caller gets the same task instances.
/// </summary>
public sealed class DomainTaskFiles(TauDataDirectory data, string domain)
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<TauTask>>> _tasks = new(StringComparer.Ordinal);

    public IReadOnlyList<TauTask> Load(string? split, string? taskSet)
    {
        string file = TaskFile(taskSet);
        var tasks = _tasks.GetOrAdd(file, f => new(() => TaskSetLoader.Load(f), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return TaskSetLoader.Select(tasks, TaskSetLoader.LoadSplits(file), split);
    }

    public IReadOnlyList<string> SplitNames(string? taskSet) => TaskSetLoader.LoadSplits(TaskFile(taskSet)).Keys.ToList();

    private string TaskFile(string? taskSet) => taskSet switch
    {
        null or "base" or "tasks" => data.DomainFile(domain, "tasks.json"),
        _ => File.Exists(Path.Combine(data.DomainDir(domain), $"tasks_{taskSet}.json"))
            ? data.DomainFile(domain, $"tasks_{taskSet}.json")
            : throw new ArgumentException($"Unknown task set '{taskSet}' for domain {domain}"),
    };
}
