using Microsoft.Extensions.AI;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Turns the provider's failures into <see cref="LlmCallException"/>s with the key blanked (and, for
/// 401/403, without the provider's text, which often quotes the key) right where they arise, so the
/// layers above (the OpenTelemetry span's status, logs, retries) never see the raw provider message.
/// Cancellation passes through unchanged.
/// </summary>
internal sealed class RedactingChatClient(IChatClient inner, LlmEndpoint endpoint) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw LlmErrorClassifier.Classify(e, endpoint.Model.ToString(), endpoint.ApiKey);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync()) yield break;
                update = updates.Current;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw LlmErrorClassifier.Classify(e, endpoint.Model.ToString(), endpoint.ApiKey);
            }
            yield return update;
        }
    }
}
