namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Receives the usage of every LLM call a participant or judge makes, e.g. to sum tokens and cost per
/// evaluation. Called from concurrent simulations: implementations must be thread-safe.
/// </summary>
public interface ILlmUsageSink
{
    void Record(LlmUsage usage);
}
