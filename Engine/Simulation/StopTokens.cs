namespace Tau2Observe.Engine.Simulation;

/// <summary>tau2's user stop tokens; any of them, anywhere in a text-only user message, ends the run.</summary>
public static class StopTokens
{
    public const string Stop = "###STOP###";
    public const string Transfer = "###TRANSFER###";
    public const string OutOfScope = "###OUT-OF-SCOPE###";

    public static bool IsUserStop(Message m) =>
        m.ToolCalls is null && m.Content is { } c && (c.Contains(Stop, StringComparison.Ordinal) || c.Contains(Transfer, StringComparison.Ordinal) || c.Contains(OutOfScope, StringComparison.Ordinal));
}
