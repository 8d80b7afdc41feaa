using System.Text;

namespace Tau2Observe.Engine.Running;

/// <summary>
/// Which participants an evaluation asked for: the agent under test (<c>oracle</c> or an A2A URL),
/// the user simulator's model (null = the scripted user) and the key for it (null = the provider's
/// environment variable), a simulated per-turn latency, and tau2's solo mode (the agent works alone
/// with both toolkits; the user is tau2's dummy user). The key lives in memory only: it is left
/// out of <see cref="object.ToString"/>, and nothing that persists a selection may include it.
/// </summary>
public sealed record ParticipantSelection(
    string AgentEndpoint, string? UserModel = null, TimeSpan TurnLatency = default, string? UserApiKey = null, bool SoloMode = false)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AgentEndpoint = ").Append(AgentEndpoint).Append(", UserModel = ").Append(UserModel)
            .Append(", TurnLatency = ").Append(TurnLatency).Append(", UserApiKey = ").Append(UserApiKey is null ? "(none)" : "(redacted)")
            .Append(", SoloMode = ").Append(SoloMode);
        return true;
    }
}
