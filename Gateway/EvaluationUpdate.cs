using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// Either one finished or cancelled simulation (<see cref="Trial"/>) or the evaluation's end (<see cref="Final"/>);
/// <see cref="Counts"/> covers every simulation reported up to and including this one.
/// </summary>
public sealed record EvaluationUpdate(TrialResult? Trial, SimulationCounts Counts, int TotalTrials, EvaluationSnapshot? Final);
