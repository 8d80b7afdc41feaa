namespace Tau2Observe.Grains.Interfaces;

/// <summary>What a TrialGrain runs: one (task, trial) simulation of an evaluation.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.TrialAssignment")]
public sealed record TrialAssignment
{
    [Id(0)] public required string EvaluationId { get; init; }
    [Id(1)] public required string TaskId { get; init; }
    [Id(2)] public int Trial { get; init; }
    [Id(3)] public long Seed { get; init; }
    [Id(4)] public required EvaluationRequest Request { get; init; }
    /// <summary>The request's secrets, encrypted (Data Protection); null when it brought none.</summary>
    [Id(5)] public string? ProtectedSecrets { get; init; }

    /// <summary>W3C traceparent of the task span, so the trial's span joins the evaluation's trace.</summary>
    [Id(6)] public string? TraceParent { get; init; }
}
