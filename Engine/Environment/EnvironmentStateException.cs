namespace Tau2Observe.Engine.Environment;

/// <summary>Setting an environment's state failed (bad initial data, a replayed tool output that differs, a broken history).</summary>
public sealed class EnvironmentStateException(string message, Exception? inner = null) : Exception(message, inner);
