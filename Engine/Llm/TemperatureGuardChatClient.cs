using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Reasoning models (o1/o3/o4/gpt-5 families) reject <c>temperature</c>: it is not sent to them, and
/// when any other model answers 400 about temperature the call is repeated once without it, and the
/// model is remembered as one that rejects it.
/// </summary>
internal sealed class TemperatureGuardChatClient(IChatClient inner, LlmModelId model, IReadOnlyList<string> modelsWithoutTemperature, ILogger logger)
    : DelegatingChatClient(inner)
{
    private volatile bool _rejectsTemperature = IsListed(model.Name, modelsWithoutTemperature);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages as IList<ChatMessage> ?? messages.ToList();
        try
        {
            return await base.GetResponseAsync(request, Adjust(options), cancellationToken);
        }
        catch (Exception e) when (options?.Temperature is not null && !_rejectsTemperature && LlmErrorClassifier.IsTemperatureRejection(e))
        {
            _rejectsTemperature = true;
            logger.LogWarning("{Model} rejected the temperature parameter; repeating the call without it.", model.ToString());
            return await base.GetResponseAsync(request, Adjust(options), cancellationToken);
        }
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Adjust(options), cancellationToken);

    private ChatOptions? Adjust(ChatOptions? options)
    {
        if (options?.Temperature is null || !_rejectsTemperature) return options;
        var copy = options.Clone();
        copy.Temperature = null;
        return copy;
    }

    /// <summary>A listed family matches itself and its variants: "o3" matches "o3" and "o3-mini", not "o30".</summary>
    private static bool IsListed(string name, IReadOnlyList<string> families) =>
        families.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith(f, StringComparison.OrdinalIgnoreCase) && name.Length > f.Length && name[f.Length] is '-' or '.' or '_'));
}
