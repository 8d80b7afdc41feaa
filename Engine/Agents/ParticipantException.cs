namespace Tau2Observe.Engine.Agents;

/// <summary>
/// A participant could not produce a turn. <see cref="IsInfrastructure"/> separates failures of
/// the platform (provider outage, quota, bad credentials of the evaluator) from failures of the
/// agent under test; the former are excluded from metrics.
/// </summary>
public sealed class ParticipantException(string message, bool isInfrastructure = false, Exception? inner = null)
    : Exception(message, inner)
{
    public bool IsInfrastructure { get; } = isInfrastructure;
}
