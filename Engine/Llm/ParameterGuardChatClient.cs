using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Keeps optional sampling parameters from failing a call, as LiteLLM's dropping of unsupported
/// parameters does for tau2. Reasoning models (o1/o3/o4/gpt-5 families) reject <c>temperature</c>, so it
/// is never sent to them; when a provider answers 400 about <c>temperature</c> or <c>seed</c>, the call
/// is repeated without it and the model is remembered as one that rejects it.
/// </summary>
internal sealed class ParameterGuardChatClient(IChatClient inner, LlmModelId model, IReadOnlyList<string> modelsWithoutTemperature, ILogger logger)
    : DelegatingChatClient(inner)
{
    private const string Temperature = "temperature", Seed = "seed";

    private volatile bool _dropTemperature = IsListed(model.Name, modelsWithoutTemperature);
    private volatile bool _dropSeed;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages as IList<ChatMessage> ?? messages.ToList();
        var sent = Adjust(options);
        for (int dropped = 0; ; dropped++)
        {
            try
            {
                return await base.GetResponseAsync(request, sent, cancellationToken);
            }
            catch (Exception e) when (dropped < 2 && Rejected(e, sent) is { } parameter)
            {
                if (parameter == Temperature) _dropTemperature = true; else _dropSeed = true;
                logger.LogWarning("{Model} rejected the {Parameter} parameter; repeating the call without it.", model.ToString(), parameter);
                sent = Adjust(options);
            }
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Adjust(options), cancellationToken);

    private static string? Rejected(Exception e, ChatOptions? sent) =>
        sent?.Temperature is not null && LlmErrorClassifier.IsRejectionOf(e, Temperature) ? Temperature
        : sent?.Seed is not null && LlmErrorClassifier.IsRejectionOf(e, Seed) ? Seed
        : null;

    private ChatOptions? Adjust(ChatOptions? options)
    {
        bool dropTemperature = _dropTemperature && options?.Temperature is not null, dropSeed = _dropSeed && options?.Seed is not null;
        if (!dropTemperature && !dropSeed) return options;
        var copy = options!.Clone();
        if (dropTemperature) copy.Temperature = null;
        if (dropSeed) copy.Seed = null;
        return copy;
    }

    /// <summary>A listed family matches itself and its variants: "o3" matches "o3" and "o3-mini", not "o30".</summary>
    private static bool IsListed(string name, IReadOnlyList<string> families) =>
        families.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith(f, StringComparison.OrdinalIgnoreCase) && name.Length > f.Length && name[f.Length] is '-' or '.' or '_'));
}
