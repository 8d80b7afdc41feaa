using Tau2Observe.Engine.Llm;

namespace Tau2Observe.TestSupport;

/// <summary>LLM client options whose retries take milliseconds, not seconds, for tests against <see cref="FakeOpenAiServer"/>.</summary>
public static class FastLlmRetries
{
    public static LlmClientOptions Options { get; } = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(40), AttemptTimeout = TimeSpan.FromSeconds(30),
    };
}
