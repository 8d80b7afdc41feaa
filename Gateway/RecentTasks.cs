using Microsoft.Extensions.Caching.Memory;
using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Gateway;

/// <summary>
/// What the gateway itself remembers for a while: tasks answered at once (domain lists, help) so
/// <c>tasks/get</c> finds them, and the A2A context of each evaluation task. Evaluations themselves
/// live in the cluster; a task whose context was forgotten reports its evaluation id as context.
/// </summary>
public sealed class RecentTasks(IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions Retention = new() { SlidingExpiration = TimeSpan.FromHours(6) };

    public void Remember(A2ATask task) => cache.Set(TaskKey(task.Id!), task, Retention);

    public A2ATask? Find(string taskId) => cache.TryGetValue(TaskKey(taskId), out A2ATask? task) ? task : null;

    public void RememberContext(string evaluationId, string contextId) => cache.Set(ContextKey(evaluationId), contextId, Retention);

    public string ContextOf(string evaluationId) => cache.TryGetValue(ContextKey(evaluationId), out string? context) && context is not null ? context : evaluationId;

    private static string TaskKey(string id) => "task:" + id;
    private static string ContextKey(string id) => "context:" + id;
}
