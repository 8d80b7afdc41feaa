namespace Tau2Observe.Grains.Interfaces;

/// <summary>
/// How large one evaluation request may be. <see cref="Reference"/> holds the reference gateway's
/// limits (tau2-observe's <c>EvaluationLimits</c>: about 2 minutes per task within an hour); the
/// gateway starts from them (its operator may raise them). <c>tau2obs evaluate</c> runs on the
/// user's own machine and applies <see cref="Local"/>: any number of tasks (the split bounds them),
/// and trials up to <see cref="LocalMaxTrials"/>. Each check answers with the error message, in the
/// caller's name for the parameter, or null.
/// </summary>
public sealed record EvaluationLimits(int MaxTasks, int MaxTrials)
{
    public const int ReferenceMaxTasks = 30;
    public const int ReferenceMaxTrials = 3;
    // pass^k past a few dozen trials says nothing new, while the run grows with every trial
    public const int LocalMaxTrials = 32;

    public static EvaluationLimits Reference { get; } = new(ReferenceMaxTasks, ReferenceMaxTrials);
    public static EvaluationLimits Local { get; } = new(int.MaxValue, LocalMaxTrials);

    public string? CheckNumTasks(string name, int value) => OutOfRange(name, value, MaxTasks);

    public string? CheckNumTrials(string name, int value) => OutOfRange(name, value, MaxTrials);

    public string? CheckTaskIdCount(string name, int count) =>
        count > MaxTasks ? $"{name} may name at most {MaxTasks} tasks (got {count})." : null;

    private static string? OutOfRange(string name, int value, int max) =>
        value < 1 || value > max
            ? max == int.MaxValue ? $"{name} must be at least 1 (got {value})." : $"{name} must be between 1 and {max} (got {value})."
            : null;
}
