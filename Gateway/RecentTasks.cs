using Microsoft.Extensions.Caching.Memory;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// Tasks the gateway answered at once (domain lists, help), kept for a while so <c>tasks/get</c> finds
/// them. Evaluation tasks live in the cluster, their context with them.
/// </summary>
public sealed class RecentTasks(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions Retention = new() { SlidingExpiration = TimeSpan.FromHours(6) };

    public void Remember(A2ATask task) => cache.Set(TaskKey(task.Id!), task, Retention);

    public A2ATask? Find(string taskId) => cache.TryGetValue(TaskKey(taskId), out A2ATask? task) ? task : null;

    private static string TaskKey(string id) => "task:" + id;
}
