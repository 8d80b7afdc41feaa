namespace Tau2Observe.Grains.Interfaces;

/// <summary>A progress notification: one trial finished, or the evaluation changed status.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.ProgressEvent")]
public sealed record ProgressEvent
{
    [Id(0)] public required string EvaluationId { get; init; }
    [Id(1)] public EvaluationStatus Status { get; init; }
    [Id(2)] public int CompletedTrials { get; init; }
    [Id(3)] public int TotalTrials { get; init; }
    [Id(4)] public TrialResult? Trial { get; init; }
    /// <summary>Set on the final event.</summary>
    [Id(5)] public EvaluationSummary? Summary { get; init; }
    [Id(6)] public string? Message { get; init; }
    /// <summary>Trials waiting for admission at the time of the event.</summary>
    [Id(7)] public int WaitingTrials { get; init; }
}
