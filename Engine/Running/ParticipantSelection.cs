namespace Tau2Observe.Engine.Running;

/// <summary>
/// Which participants an evaluation asked for: the agent under test (<c>oracle</c> or an A2A URL),
/// the user simulator's model (null = the scripted user) and a simulated per-turn latency.
/// </summary>
public sealed record ParticipantSelection(string AgentEndpoint, string? UserModel = null, TimeSpan TurnLatency = default);
