using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Running;

/// <summary>
/// The in-process oracle agent with the scripted user: offline, deterministic, free. In solo mode,
/// the solo oracle with tau2's dummy user.
/// </summary>
public sealed class OfflineParticipants(TimeSpan turnLatency = default, bool soloMode = false) : IParticipantFactory
{
    public ISimulationAgent CreateAgent(AgentContext context) =>
        soloMode ? new SoloOracleAgent(context.Task, turnLatency) : new OracleAgent(context.Task, turnLatency);

    public IUserSimulator CreateUser(AgentContext context) =>
        soloMode ? new DummyUser() : new ScriptedUserSimulator(context.Task, turnLatency);
}
