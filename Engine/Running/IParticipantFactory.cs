using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.Running;

/// <summary>Builds the agent under test and the user simulator for one simulation.</summary>
public interface IParticipantFactory
{
    ISimulationAgent CreateAgent(AgentContext context);
    IUserSimulator CreateUser(AgentContext context);
}
