namespace Tau2Observe.Engine.Running;

/// <summary>
/// Which participants an evaluation asked for: the agent under test (<c>oracle</c> or an A2A URL),
/// the user simulator's model (null = the scripted user), a simulated per-turn latency, and the
/// user simulator's API key when the request brought one (null = the server's own key, if any).
/// </summary>
public sealed record ParticipantSelection(string AgentEndpoint, string? UserModel = null, TimeSpan TurnLatency = default, string? UserApiKey = null)
{
    // records print every member: keep the key out of logs and exception texts
    public override string ToString() =>
        $"ParticipantSelection {{ AgentEndpoint = {AgentEndpoint}, UserModel = {UserModel}, TurnLatency = {TurnLatency}, UserApiKey = {(UserApiKey is null ? "null" : "***")} }}";
}
