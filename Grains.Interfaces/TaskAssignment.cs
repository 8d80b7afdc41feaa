namespace Tau2Observe.Grains.Interfaces;

/// <summary>What a TaskGrain runs: every trial of one task of an evaluation, with the per-trial seeds.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.TaskAssignment")]
public sealed record TaskAssignment
{
    [Id(0)] public required string EvaluationId { get; init; }
    [Id(1)] public required string TaskId { get; init; }
    [Id(2)] public required EvaluationRequest Request { get; init; }
    /// <summary>One seed per trial (index = trial number), tau2's per-trial seeds.</summary>
    [Id(3)] public required IReadOnlyList<long> TrialSeeds { get; init; }
    /// <summary>The request's secrets, encrypted (Data Protection); null when it brought none.</summary>
    [Id(4)] public string? ProtectedSecrets { get; init; }

    /// <summary>W3C traceparent of the evaluation span, so the task's span joins the evaluation's trace.</summary>
    [Id(5)] public string? TraceParent { get; init; }

    /// <summary>Sent again by the evaluation (its reminder): a task activated by it continues an earlier activation's work.</summary>
    [Id(6)] public bool Restarted { get; init; }
}
