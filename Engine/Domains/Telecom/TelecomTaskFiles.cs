using System.Collections.Concurrent;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;

namespace Tau2Observe.Engine.Domains.Telecom;

/// <summary>
/// Parsed telecom task files, cached per path for the whole process: <c>tasks.json</c> holds all
/// 2,285 tasks (14 MB) and is shared by both telecom domains, so it is parsed once.
/// </summary>
internal static class TelecomTaskFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<TauTask>>> Tasks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>> Splits = new(StringComparer.Ordinal);

    public static IReadOnlyList<TauTask> Load(string path) =>
        Tasks.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyList<TauTask>>(() => TaskSetLoader.Load(p))).Value;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LoadSplits(string path) =>
        Splits.GetOrAdd(Path.GetFullPath(path), p => new Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>>(() => TaskSetLoader.LoadSplits(p))).Value;
}
