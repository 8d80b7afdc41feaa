namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// The EvaluationGrain's inbound side for finished trials (same key as <see cref="IEvaluationGrain"/>),
/// kept apart from the public contract because only TaskGrains call it.
/// </summary>
[Alias("tau2obs.IEvaluationTrialSink")]
public interface IEvaluationTrialSink : IGrainWithStringKey
{
    /// <summary>Records a finished trial (duplicates and late reports after a terminal status are ignored).</summary>
    [Alias("ReportTrial")] Task ReportTrial(TrialResult result);
}
