using Microsoft.Extensions.AI;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Tokens and cost of one LLM call. Token counts are null when the provider did not report them;
/// <see cref="Cost"/> (USD) is null when the model has no price in the table (never a made-up 0).
/// </summary>
public sealed record LlmUsage(string Role, string Model, long? PromptTokens, long? CompletionTokens, long? CachedPromptTokens, double? Cost)
{
    public static LlmUsage From(string role, LlmModelId model, ChatResponse response, ModelPriceTable prices)
    {
        var usage = response.Usage;
        long? prompt = usage?.InputTokenCount, completion = usage?.OutputTokenCount, cached = usage?.CachedInputTokenCount;
        double? cost = prompt is { } p && completion is { } c ? prices.CostOf(model, p, c, cached ?? 0) : null;
        return new LlmUsage(role, model.ToString(), prompt, completion, cached, cost);
    }
}
