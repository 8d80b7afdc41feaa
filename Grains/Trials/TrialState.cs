using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Trials;

/// <summary>The persisted state of a <see cref="TrialGrain"/>.</summary>
[GenerateSerializer, Alias("tau2obs.TrialState")]
public sealed class TrialState
{
    [Id(0)] public TrialAssignment? Assignment { get; set; }
    /// <summary>The orchestrator's last checkpoint (SimulationCheckpoint JSON) while the run is unfinished.</summary>
    [Id(1)] public string? CheckpointJson { get; set; }
    /// <summary>The finished, graded run (tau2 SimulationRun JSON).</summary>
    [Id(2)] public string? RunJson { get; set; }
    [Id(3)] public TrialResult? Result { get; set; }
    /// <summary>Runs that ended in an infrastructure failure and were retried.</summary>
    [Id(5)] public int RetriedFailures { get; set; }
    /// <summary>Runs that continued from a stored checkpoint.</summary>
    [Id(6)] public int Resumptions { get; set; }
}
