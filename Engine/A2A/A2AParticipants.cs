using Tau2Observe.Engine.Agents;
using Tau2Observe.Engine.Running;
using Tau2Observe.Engine.Users;

namespace Tau2Observe.Engine.A2A;

/// <summary>An agent under test reached over A2A, with the scripted user simulator (an LLM user comes later).</summary>
public sealed class A2AParticipants(HttpClient http, A2AAgentOptions agent, TimeSpan userTurnLatency = default) : IParticipantFactory
{
    public ISimulationAgent CreateAgent(AgentContext context) =>
        new A2AAgent(new A2AClient(http, agent.Endpoint, agent.BearerToken, agent.Timeout), context);

    public IUserSimulator CreateUser(AgentContext context) => new ScriptedUserSimulator(context.Task, userTurnLatency);
}
