namespace Tau2Observe.Engine.Running;

/// <summary>
/// Which participants an evaluation asked for: the agent under test (<c>oracle</c> or an A2A URL),
/// the user simulator's model (null = the scripted user), a simulated per-turn latency, and tau2's
/// solo mode (the agent works alone with both toolkits; the user is tau2's dummy user).
/// </summary>
public sealed record ParticipantSelection(string AgentEndpoint, string? UserModel = null, TimeSpan TurnLatency = default, bool SoloMode = false);
