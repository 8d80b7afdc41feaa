using Microsoft.Extensions.AI;

namespace Tau2Observe.MockAgents;

/// <summary>One A2A context of an LLM mock agent: its turns so far, and a gate so its turns run one at a time.</summary>
public sealed class LlmConversation
{
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public List<ChatMessage> Turns { get; } = [];
}
