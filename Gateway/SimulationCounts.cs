using Tau2Observe.Engine.Simulation;
using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Gateway;

/// <summary>
/// What an evaluation's recorded simulations add up to. A cancelled evaluation records every trial
/// that had not finished as <c>cancelled</c>; those never ran to a tau2 end, so they are counted
/// apart from the finished ones rather than as done. <see cref="Resumptions"/> and
/// <see cref="RetriedFailures"/> are the trials' own counts, summed.
/// </summary>
public sealed record SimulationCounts(int Finished, int Cancelled, int Resumptions, int RetriedFailures)
{
    public static readonly SimulationCounts None = new(0, 0, 0, 0);

    /// <summary>Finished or cancelled: the simulations the evaluation has no more work for.</summary>
    public int Ended => Finished + Cancelled;

    public static SimulationCounts Of(IEnumerable<TrialResult> trials) => trials.Aggregate(None, (counts, t) => counts.Add(t));

    public SimulationCounts Add(TrialResult t)
    {
        bool cancelled = IsCancelled(t);
        return new SimulationCounts(
            Finished + (cancelled ? 0 : 1), Cancelled + (cancelled ? 1 : 0), Resumptions + t.Resumptions, RetriedFailures + t.RetriedFailures);
    }

    public static bool IsCancelled(TrialResult t) => t.TerminationReason == TerminationReason.Cancelled;
}
