using Orleans.Concurrency;

namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// One (task, trial) simulation (key: <see cref="GrainKeys.Trial"/>). <see cref="Start"/> returns
/// at once; the simulation runs in the background, checkpointing after every turn.
/// </summary>
[Alias("tau2obs.ITrialGrain")]
public interface ITrialGrain : IGrainWithStringKey
{
    /// <summary>Starts the simulation; idempotent (a repeated call resumes an interrupted run or re-sends its result).</summary>
    [Alias("Start")] Task Start(TrialAssignment assignment);

    /// <summary>Stops the simulation; it is recorded as cancelled.</summary>
    [Alias("Cancel"), AlwaysInterleave] Task Cancel();

    /// <summary>How many messages of the conversation are checkpointed so far; null once the run is finished (or before it starts).</summary>
    [Alias("GetCheckpointedMessages"), AlwaysInterleave] Task<int?> GetCheckpointedMessages();

    /// <summary>The finished run in tau2's SimulationRun JSON shape, or null while it runs.</summary>
    [Alias("GetRunJson"), AlwaysInterleave] Task<string?> GetRunJson();
}
