using Tau2Observe.Engine.Data.Tasks;
using Tau2Observe.Engine.Values;

namespace Tau2Observe.Engine.Data;

/// <summary>Loads a task file and its <c>split_&lt;stem&gt;.json</c>; a split keeps task-file order.</summary>
public static class TaskSetLoader
{
    public static IReadOnlyList<TauTask> Load(string taskFile)
    {
        var parsed = PyJson.Parse(File.ReadAllBytes(taskFile));
        var items = parsed switch
        {
            List<object?> list => list,
            PyDict d when d.GetOrDefault("tasks") is List<object?> inner => inner,
            _ => throw new FormatException($"{taskFile}: expected a JSON array of tasks"),
        };
        return items.Select(t => TauTask.FromPy(t as PyDict ?? throw new FormatException($"{taskFile}: a task must be an object"))).ToList();
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LoadSplits(string taskFile)
    {
        var dir = Path.GetDirectoryName(taskFile)!;
        var splitFile = Path.Combine(dir, "split_" + Path.GetFileNameWithoutExtension(taskFile) + ".json");
        if (!File.Exists(splitFile)) return new Dictionary<string, IReadOnlyList<string>>();
        var parsed = PyJson.Parse(File.ReadAllBytes(splitFile)) as PyDict ?? throw new FormatException($"{splitFile}: expected an object");
        return parsed.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)((List<object?>)kv.Value!).Select(x => (string)x!).ToList());
    }

    /// <summary>Selects a split (null = all tasks), in task-file order; an unknown split lists the valid names.</summary>
    public static IReadOnlyList<TauTask> Select(IReadOnlyList<TauTask> tasks, IReadOnlyDictionary<string, IReadOnlyList<string>> splits, string? split)
    {
        if (split is null) return tasks;
        if (!splits.TryGetValue(split, out var ids))
            throw new ArgumentException($"Invalid task split name: {split}. Valid splits are: {string.Join(", ", splits.Keys)}");
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return tasks.Where(t => set.Contains(t.Id)).ToList();
    }
}
