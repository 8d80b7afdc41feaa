namespace Tau2Observe.Engine.Metrics;

/// <summary>The part of a finished simulation that metrics need.</summary>
public sealed record SimulationOutcome(string TaskId, int Trial, double Reward, double? AgentCost, string TerminationReason = "user_stop");
