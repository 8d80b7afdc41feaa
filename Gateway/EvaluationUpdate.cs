using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>Either one finished simulation (<see cref="Trial"/>) or the evaluation's end (<see cref="Final"/>).</summary>
public sealed record EvaluationUpdate(TrialResult? Trial, int CompletedTrials, int TotalTrials, EvaluationSnapshot? Final);
