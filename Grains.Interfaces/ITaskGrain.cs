using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// The trials of one task of an evaluation (key: <see cref="GrainKeys.Task"/>). Started by the
/// EvaluationGrain; its TrialGrains report back here and it forwards to the evaluation.
/// </summary>
[Alias("tau2obs.ITaskGrain")]
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Starts the trials that have no result yet; idempotent (a repeated call re-drives).</summary>
    [Alias("Start")] Task Start(TaskAssignment assignment);

    /// <summary>Records a finished trial and forwards it to the evaluation (idempotent).</summary>
    [Alias("ReportTrial")] Task ReportTrial(TrialResult result);

    /// <summary>Stops the given trials of the task. Interleaves, and never calls the evaluation, so a cancelling evaluation cannot deadlock on it.</summary>
    [Alias("Cancel"), AlwaysInterleave] Task Cancel(IReadOnlyList<int> trials);
}
