using Tau2Observe.Engine.A2A;

namespace Tau2Observe.Engine.Running;

/// <summary>The <c>oracle</c> agent in process, or an A2A agent at an http(s) URL; both with the scripted user.</summary>
public sealed class DefaultParticipantResolver : IParticipantResolver
{
    public const string Oracle = "oracle";

    // one connection pool for all agents under test; each A2A call enforces its own deadline
    private static readonly Lazy<HttpClient> A2AHttp = new(() =>
        new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });

    public IParticipantFactory Resolve(ParticipantSelection selection)
    {
        if (selection.UserModel is not null)
            throw new ArgumentException(
                $"User model '{selection.UserModel}' needs an LLM user simulator, which is not configured; leave the user model unset to use the scripted user.");
        if (string.Equals(selection.AgentEndpoint, Oracle, StringComparison.Ordinal))
            return new OfflineParticipants(selection.TurnLatency);
        if (!selection.AgentEndpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && !selection.AgentEndpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Agent '{selection.AgentEndpoint}' is not supported: give an A2A URL (http:// or https://) or '{Oracle}'.");
        return new A2AParticipants(A2AHttp.Value, new A2AAgentOptions(selection.AgentEndpoint), selection.TurnLatency);
    }
}
