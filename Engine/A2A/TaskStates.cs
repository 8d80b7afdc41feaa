namespace Tau2Observe.Engine.A2A;

/// <summary>Wire names of <see cref="TaskState"/>.</summary>
public static class TaskStates
{
    private static readonly (TaskState State, string Wire)[] Names =
    [
        (TaskState.Submitted, "submitted"), (TaskState.Working, "working"), (TaskState.InputRequired, "input-required"),
        (TaskState.Completed, "completed"), (TaskState.Canceled, "canceled"), (TaskState.Failed, "failed"),
        (TaskState.Rejected, "rejected"), (TaskState.AuthRequired, "auth-required"), (TaskState.Unknown, "unknown"),
    ];

    public static string ToWire(TaskState state) => Names.First(n => n.State == state).Wire;

    /// <summary>Unrecognised names read as <see cref="TaskState.Unknown"/> rather than failing the whole response.</summary>
    public static TaskState FromWire(string? wire) =>
        Names.FirstOrDefault(n => string.Equals(n.Wire, wire, StringComparison.OrdinalIgnoreCase)) is { Wire: not null } hit ? hit.State : TaskState.Unknown;
}
