using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Evaluations;

/// <summary>The persisted state of an <see cref="EvaluationGrain"/>.</summary>
[GenerateSerializer, Alias("tau2obs.EvaluationState")]
public sealed class EvaluationState
{
    [Id(0)] public EvaluationRequest? Request { get; set; }
    [Id(1)] public EvaluationStatus Status { get; set; }
    /// <summary>Task ids in evaluation order.</summary>
    [Id(2)] public List<string> TaskIds { get; set; } = [];
    /// <summary>One seed per trial index.</summary>
    [Id(3)] public List<long> TrialSeeds { get; set; } = [];
    /// <summary>Finished trials, in arrival order.</summary>
    [Id(4)] public List<TrialResult> Trials { get; set; } = [];
    [Id(5)] public EvaluationSummary? Summary { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Every TaskGrain has accepted its assignment (and so started its trials).</summary>
    [Id(8)] public bool FannedOut { get; set; }

    /// <summary>Why the evaluation failed, when it did (never contains secrets).</summary>
    [Id(9)] public string? Error { get; set; }
    /// <summary>The request's secrets, encrypted with Data Protection (never in plain text).</summary>
    [Id(10)] public string? ProtectedSecrets { get; set; }

    /// <summary>W3C traceparent of the caller's span (the evaluation span's parent).</summary>
    [Id(11)] public string? CallerTraceParent { get; set; }

    /// <summary>W3C traceparent of the evaluation span (its tasks' parent).</summary>
    [Id(12)] public string? TraceParent { get; set; }

    /// <summary>
    /// Not yet in the evaluation directory: set when the evaluation starts, cleared (and saved with the
    /// next write) once the directory has it. Negative so that states saved before it existed count as listed.
    /// </summary>
    [Id(13)] public bool Unlisted { get; set; }
}
