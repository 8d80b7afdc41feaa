using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// The EvaluationGrain's inbound side for finished trials (same key as <see cref="IEvaluationGrain"/>),
/// kept apart from the public contract because only TaskGrains call it.
/// </summary>
[Alias("tau2obs.IEvaluationTrialSink")]
public interface IEvaluationTrialSink : IGrainWithStringKey
{
    /// <summary>
    /// Records a finished trial (duplicates and late reports after a terminal status are ignored) and
    /// returns once it is stored. Reports interleave, so that those arriving together share one write.
    /// </summary>
    [Alias("ReportTrial"), AlwaysInterleave] Task ReportTrial(TrialResult result);

    /// <summary>A trial started or stopped waiting for admission (kept in memory only, for progress).</summary>
    [Alias("ReportWaiting"), AlwaysInterleave] Task ReportWaiting(string taskId, int trial, bool waiting);
}
