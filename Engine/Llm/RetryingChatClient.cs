using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Tau2Observe.Engine.Llm;

/// <summary>
/// Bounds every call with a per-attempt timeout, retries rate limits, server errors, timeouts and
/// network failures with exponential backoff and jitter (or the provider's Retry-After), logs each
/// retry (and records it as an <c>llm.retry</c> event on the current span), and turns every failure into an <see cref="LlmCallException"/> without the API key in it.
/// Streaming calls pass through (classified by <see cref="RedactingChatClient"/>) and are not retried: a half-delivered stream cannot be replayed.
/// </summary>
internal sealed class RetryingChatClient(IChatClient inner, LlmEndpoint endpoint, LlmClientOptions options, ILogger logger, TimeProvider time)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var request = messages as IList<ChatMessage> ?? messages.ToList();
        for (int retry = 0; ; retry++)
        {
            LlmCallException failure;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(options.AttemptTimeout);
                try
                {
                    return await base.GetResponseAsync(request, chatOptions, attempt.Token);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = LlmErrorClassifier.Classify(e, endpoint.Model.ToString(), endpoint.ApiKey);
                }
            }
            if (!failure.IsRetryable) throw failure;
            if (retry >= options.MaxRetries) throw retry == 0 ? failure : failure.AfterRetries(retry);

            var delay = failure.RetryAfter is { } asked ? Min(asked, options.MaxRetryAfter) : Backoff(retry);
            logger.LogWarning("LLM call to {Model} failed ({Kind}): {Reason}. Retry {Retry} of {MaxRetries} in {DelayMs} ms.",
                endpoint.Model.ToString(), failure.Kind, failure.Message, retry + 1, options.MaxRetries, (long)delay.TotalMilliseconds);
            // and on the caller's span (the trial's), where a trace shows why a turn took long
            Activity.Current?.AddEvent(new ActivityEvent("llm.retry", tags: new ActivityTagsCollection
            {
                ["gen_ai.request.model"] = endpoint.Model.ToString(), ["llm.error.kind"] = failure.Kind.ToString(),
                ["llm.retry"] = retry + 1, ["llm.retry.delay_ms"] = (long)delay.TotalMilliseconds,
            }));
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Doubling backoff with "equal jitter": half fixed, half random, so retries of parallel trials spread out.</summary>
    private TimeSpan Backoff(int retry)
    {
        var full = Min(options.InitialBackoff * Math.Pow(2, retry), options.MaxBackoff);
        return full / 2 + full / 2 * Random.Shared.NextDouble();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
