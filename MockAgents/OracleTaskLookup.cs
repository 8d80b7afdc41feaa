using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Data;
using Tau2Observe.Engine.Data.Tasks;

namespace Tau2Observe.MockAgents;

/// <summary>
/// Finds the task the oracle is asked to play. Domains the engine registers are read through the
/// registry (all task sets and splits); any other domain folder through its <c>tasks.json</c>.
/// </summary>
public sealed partial class OracleTaskLookup(string? dataDir)
{
    private readonly Lazy<DomainRegistry?> _registry = new(() => string.IsNullOrWhiteSpace(dataDir) ? null : new DomainRegistry(new TauDataDirectory(dataDir)));
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, TauTask>> _tasks = new(StringComparer.Ordinal);

    public TauTask Find(string domain, string taskId)
    {
        var registry = _registry.Value
            ?? throw new JsonRpcException(JsonRpcErrorCodes.InternalError, "The oracle agent has no task data: set TAU2_DATA_DIR to the folder that contains tau2/domains.");
        if (!DomainName().IsMatch(domain)) throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Invalid domain name '{domain}'.");
        var byId = _tasks.GetOrAdd(domain, d => Load(registry, d).ToDictionary(t => t.Id, StringComparer.Ordinal));
        return byId.TryGetValue(taskId, out var task)
            ? task
            : throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Task '{taskId}' not found in domain '{domain}'.");
    }

    private static IReadOnlyList<TauTask> Load(DomainRegistry registry, string domain)
    {
        if (registry.Contains(domain)) return registry.Get(domain).LoadTasks(split: null);
        var file = Path.Combine(registry.Data.DomainDir(domain), "tasks.json");
        return File.Exists(file)
            ? TaskSetLoader.Load(file)
            : throw new JsonRpcException(JsonRpcErrorCodes.InvalidParams, $"Unknown domain '{domain}'.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex DomainName();
}
