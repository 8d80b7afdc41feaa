namespace Tau2Observe.Engine.A2A;

/// <summary>A2A task states; the wire uses lower-kebab names (<c>input-required</c>).</summary>
public enum TaskState
{
    Submitted,
    Working,
    InputRequired,
    Completed,
    Canceled,
    Failed,
    Rejected,
    AuthRequired,
    Unknown,
}
