namespace Tau2Observe.Engine.Running;

/// <summary>
/// Everything needed to run one (task, trial) simulation; contains no secrets. <see cref="TraceParent"/>
/// is the span the trial's span belongs under (its task's), when not the current one.
/// </summary>
public sealed record TrialSpec(
    string Domain,
    string TaskId,
    int Trial,
    long? Seed,
    int MaxSteps = 200,
    int MaxErrors = 10,
    string? TaskSplit = "base",
    string? TaskSet = null,
    bool SoloMode = false,
    Evaluation.GradingOptions? Grading = null,
    string? TraceParent = null);
