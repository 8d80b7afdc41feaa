using Microsoft.Extensions.Caching.Memory;

namespace Tau2Observe.MockAgents;

/// <summary>
/// How far the oracle has got in each conversation (A2A context): the number of gold actions
/// already played. Idle conversations are forgotten after an hour, like an in-memory ADK session.
/// </summary>
public sealed class OracleConversations(IMemoryCache cache)
{
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromHours(1);

    public int Done(string contextId) => cache.TryGetValue(Key(contextId), out int done) ? done : 0;

    public void SetDone(string contextId, int done) =>
        cache.Set(Key(contextId), done, new MemoryCacheEntryOptions { SlidingExpiration = IdleExpiry });

    private static string Key(string contextId) => "oracle:" + contextId;
}
