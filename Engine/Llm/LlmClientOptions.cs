namespace Tau2Observe.Engine.Llm;

/// <summary>How <see cref="LlmClientFactory"/> clients retry, time out and treat reasoning models.</summary>
public sealed record LlmClientOptions
{
    /// <summary>Retries after the first attempt for rate limits, server errors, timeouts and network failures.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff; it doubles per retry, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A provider's Retry-After is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt, reply included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Model families (name prefixes) that reject <c>temperature</c>, so it is never sent to them.</summary>
    public IReadOnlyList<string> ModelsWithoutTemperature { get; init; } = ["o1", "o3", "o4", "gpt-5"];

    /// <summary>Time the built-in simulated model takes per reply (for load tests).</summary>
    public TimeSpan SimulatedLatency { get; init; } = TimeSpan.Zero;
}
