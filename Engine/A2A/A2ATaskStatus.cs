namespace Tau2Observe.Engine.A2A;

public sealed class A2ATaskStatus
{
    public TaskState State { get; set; } = TaskState.Unknown;
    public A2AMessage? Message { get; set; }
    /// <summary>ISO-8601 time of the last change.</summary>
    public string? Timestamp { get; set; }

    public static A2ATaskStatus Now(TaskState state, A2AMessage? message = null) =>
        new() { State = state, Message = message, Timestamp = DateTimeOffset.UtcNow.ToString("O") };
}
