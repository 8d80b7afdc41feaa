using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Running;

/// <summary>The participants a resolver chose, as one factory: an agent maker and a user maker.</summary>
public sealed class SelectedParticipants(Func<AgentContext, ISimulationAgent> agent, Func<AgentContext, IUserSimulator> user) : IParticipantFactory
{
    public ISimulationAgent CreateAgent(AgentContext context) => agent(context);
    public IUserSimulator CreateUser(AgentContext context) => user(context);
}
