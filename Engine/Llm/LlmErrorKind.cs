namespace Tau2Observe.Engine.Llm;

/// <summary>Why an LLM call failed, as far as retrying and blame are concerned.</summary>
public enum LlmErrorKind
{
    /// <summary>HTTP 401/403: the key is missing, wrong or not allowed to use the model.</summary>
    Authentication,
    /// <summary>HTTP 429 that will not pass by waiting (the account's quota or billing).</summary>
    QuotaExhausted,
    /// <summary>HTTP 429 that passes with time.</summary>
    RateLimited,
    /// <summary>HTTP 5xx.</summary>
    ServerError,
    /// <summary>No reply in time (HTTP 408 or the attempt timeout).</summary>
    Timeout,
    /// <summary>The provider could not be reached.</summary>
    Network,
    /// <summary>The conversation no longer fits the model's context window.</summary>
    ContextLengthExceeded,
    /// <summary>Any other 4xx: unknown model, unsupported parameter, malformed request.</summary>
    InvalidRequest,
    /// <summary>A reply that could not be read.</summary>
    InvalidResponse,
}
