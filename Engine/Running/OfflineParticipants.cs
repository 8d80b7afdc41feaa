using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Running;

/// <summary>The in-process oracle agent with the scripted user: offline, deterministic, free.</summary>
public sealed class OfflineParticipants(TimeSpan turnLatency = default) : IParticipantFactory
{
    public ISimulationAgent CreateAgent(AgentContext context) => new OracleAgent(context.Task, turnLatency);
    public IUserSimulator CreateUser(AgentContext context) => new ScriptedUserSimulator(context.Task, turnLatency);
}
