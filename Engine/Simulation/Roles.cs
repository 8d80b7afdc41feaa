namespace Tau2Observe.Engine.Simulation;

/// <summary>tau2's message roles and tool-call requestors (wire values).</summary>
public static class Roles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Tool = "tool";
}
