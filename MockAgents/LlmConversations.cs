using Microsoft.Extensions.Caching.Memory;

namespace Tau2Observe.MockAgents;

/// <summary>
/// The conversations of the LLM mock agents, per agent and A2A context. In memory and forgotten after an
/// hour idle, like an ADK in-memory session: an unknown context id simply starts a new conversation.
/// </summary>
public sealed class LlmConversations(IMemoryCache cache)
{
    private static readonly TimeSpan IdleExpiry = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();

    public LlmConversation Get(string agent, string contextId)
    {
        string key = $"llm:{agent}:{contextId}";
        lock (_gate)
        {
            if (cache.TryGetValue(key, out LlmConversation? existing) && existing is not null) return existing;
            var created = new LlmConversation();
            cache.Set(key, created, new MemoryCacheEntryOptions { SlidingExpiration = IdleExpiry });
            return created;
        }
    }
}
