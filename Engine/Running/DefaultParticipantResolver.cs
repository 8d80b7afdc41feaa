namespace Tau2Observe.Engine.Running;

/// <summary>Knows only the offline participants: the <c>oracle</c> agent with the scripted user.</summary>
public sealed class DefaultParticipantResolver : IParticipantResolver
{
    public const string Oracle = "oracle";

    public IParticipantFactory Resolve(ParticipantSelection selection)
    {
        if (!string.Equals(selection.AgentEndpoint, Oracle, StringComparison.Ordinal))
            throw new ArgumentException(
                $"Agent '{selection.AgentEndpoint}' is not supported here: only '{Oracle}' is built in, and A2A agents need an A2A participant resolver.");
        if (selection.UserModel is not null)
            throw new ArgumentException(
                $"User model '{selection.UserModel}' needs an LLM user simulator, which is not configured; leave the user model unset to use the scripted user.");
        return new OfflineParticipants(selection.TurnLatency, selection.SoloMode);
    }
}
