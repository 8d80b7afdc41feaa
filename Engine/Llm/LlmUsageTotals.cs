namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Summed usage of several calls. <see cref="Cost"/> is null as soon as one call had no price:
/// a partial sum would understate the cost (<see cref="UnpricedCalls"/> says how many).
/// </summary>
public sealed record LlmUsageTotals(int Calls, long PromptTokens, long CompletionTokens, long CachedPromptTokens, double? Cost, int UnpricedCalls)
{
    public static LlmUsageTotals Empty { get; } = new(0, 0, 0, 0, 0.0, 0);

    public LlmUsageTotals Add(LlmUsage usage) => new(
        Calls + 1,
        PromptTokens + (usage.PromptTokens ?? 0),
        CompletionTokens + (usage.CompletionTokens ?? 0),
        CachedPromptTokens + (usage.CachedPromptTokens ?? 0),
        usage.Cost is { } c && UnpricedCalls == 0 ? Cost + c : null,
        UnpricedCalls + (usage.Cost is null ? 1 : 0));
}
