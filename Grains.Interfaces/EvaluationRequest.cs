namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// What a caller asks for: evaluate the agent at <see cref="AgentEndpoint"/> (an A2A URL, or
/// <c>oracle</c> for the built-in oracle) on a domain. Holds no secrets: API keys travel
/// separately and are never stored in grain state in plain text.
/// </summary>
[GenerateSerializer, Immutable, Alias("tau2obs.EvaluationRequest")]
public sealed record EvaluationRequest
{
    [Id(0)] public required string Domain { get; init; }
    [Id(1)] public required string AgentEndpoint { get; init; }
    [Id(2)] public int? NumTasks { get; init; }
    [Id(3)] public int NumTrials { get; init; } = 1;
    [Id(4)] public IReadOnlyList<string>? TaskIds { get; init; }
    [Id(5)] public string? TaskSplit { get; init; } = "base";
    [Id(6)] public string? TaskSet { get; init; }
    [Id(7)] public int MaxSteps { get; init; } = 200;
    [Id(8)] public int MaxErrors { get; init; } = 10;
    [Id(9)] public long Seed { get; init; } = 300;
    /// <summary>User simulator model (LiteLLM style); null = the built-in scripted user.</summary>
    [Id(10)] public string? UserModel { get; init; }
    /// <summary>Simulated per-turn latency of the built-in participants (load tests), in milliseconds.</summary>
    [Id(11)] public int SimulatedTurnLatencyMs { get; init; }
    /// <summary>A caller-chosen idempotency key (e.g. the A2A messageId).</summary>
    [Id(12)] public string? ClientRequestId { get; init; }
    /// <summary>
    /// Corrections of the reference's grading defects to apply (names of <c>GradingOptions</c>:
    /// <c>empty-criteria</c>, <c>failing-gold-actions</c>, <c>infrastructure-errors</c>, or <c>all</c>);
    /// null or empty grades exactly as tau2 does. See docs/fidelity.md.
    /// </summary>
    [Id(13)] public IReadOnlyList<string>? Corrections { get; init; }
    /// <summary>
    /// tau2's solo mode (mock and telecom only): the agent gets the user's tools too, there is no
    /// user simulator and no greeting, and only tasks tau2 deems solo-eligible are run.
    /// </summary>
    [Id(14)] public bool SoloMode { get; init; }
    /// <summary>
    /// The A2A context the caller started the evaluation in (its message's <c>contextId</c>); null when
    /// it gave none. Kept with the evaluation so every answer about the task names the same context.
    /// </summary>
    [Id(15)] public string? ContextId { get; init; }
}
