using Tau2Observe.Grains.Interfaces;

namespace Tau2Observe.Grains.Tasks;

/// <summary>The persisted state of a <see cref="TaskGrain"/>.</summary>
[GenerateSerializer, Alias("tau2obs.TaskState")]
public sealed class TaskState
{
    [Id(0)] public TaskAssignment? Assignment { get; set; }
    /// <summary>Finished trials of this task, in arrival order.</summary>
    [Id(1)] public List<TrialResult> Results { get; set; } = [];

    /// <summary>W3C traceparent of the task span (its trials' parent).</summary>
    [Id(2)] public string? TraceParent { get; set; }
}
