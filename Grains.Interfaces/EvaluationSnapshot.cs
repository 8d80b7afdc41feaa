namespace Tau2Observe.Grains.Interfaces;

/// <summary>An evaluation's state as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("tau2obs.EvaluationSnapshot")]
public sealed record EvaluationSnapshot
{
    [Id(0)] public required string EvaluationId { get; init; }
    [Id(1)] public EvaluationStatus Status { get; init; }
    [Id(2)] public EvaluationRequest? Request { get; init; }
    [Id(3)] public int TotalTrials { get; init; }
    [Id(4)] public int CompletedTrials { get; init; }
    [Id(5)] public IReadOnlyList<TrialResult> Trials { get; init; } = [];
    [Id(6)] public EvaluationSummary? Summary { get; init; }
    [Id(7)] public string? Error { get; init; }
    [Id(8)] public DateTimeOffset CreatedAt { get; init; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Task ids in evaluation order (after split, id filter and num_tasks).</summary>
    [Id(10)] public IReadOnlyList<string> TaskIds { get; init; } = [];
    /// <summary>Trials waiting for admission (a concurrency or token bound of their agent or provider).</summary>
    [Id(11)] public int WaitingTrials { get; init; }

    public bool IsTerminal => Status is EvaluationStatus.Completed or EvaluationStatus.Failed or EvaluationStatus.Cancelled;
}
