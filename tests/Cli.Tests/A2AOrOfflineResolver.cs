using Tau2Observe.Engine.A2A;
using Tau2Observe.Engine.Running;

namespace Tau2Observe.Cli.Tests;

/// <summary>Agents at http(s) URLs are reached over A2A (with the scripted user); anything else goes to the default resolver.</summary>
public sealed class A2AOrOfflineResolver(HttpClient http) : IParticipantResolver
{
    private readonly DefaultParticipantResolver _default = new();

    public IParticipantFactory Resolve(ParticipantSelection selection) =>
        selection.AgentEndpoint.StartsWith("http", StringComparison.Ordinal)
            ? new A2AParticipants(http, new A2AAgentOptions(selection.AgentEndpoint, timeout: TimeSpan.FromSeconds(60)), selection.TurnLatency)
            : _default.Resolve(selection);
}
