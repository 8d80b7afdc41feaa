namespace Tau2Observe.Engine.Llm;

/// <summary>
/// An LLM call failed. The message names the model, the HTTP status and the provider's explanation,
/// and never contains the API key.
/// </summary>
public sealed class LlmCallException(LlmErrorKind kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, int retries = 0)
    : Exception(message)
{
    public LlmErrorKind Kind { get; } = kind;
    public int? StatusCode { get; } = statusCode;

    /// <summary>How long the provider asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Retries made before giving up.</summary>
    public int Retries { get; } = retries;

    public bool IsRetryable => Kind is LlmErrorKind.RateLimited or LlmErrorKind.ServerError or LlmErrorKind.Timeout or LlmErrorKind.Network;

    /// <summary>
    /// Whether the platform failed rather than the conversation. Only an over-long conversation is the
    /// participant's own doing; credentials, quotas, outages and rejected requests are the evaluator's.
    /// </summary>
    public bool IsInfrastructure => Kind != LlmErrorKind.ContextLengthExceeded;

    internal LlmCallException AfterRetries(int retries) =>
        new(Kind, $"{Message} (gave up after {retries} {(retries == 1 ? "retry" : "retries")})", StatusCode, RetryAfter, retries);
}
